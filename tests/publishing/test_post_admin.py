"""Editors write, publish and link posts in the admin."""

import re

import pytest
from django.utils import timezone

from petitions.models import Petition
from prisoners.models import Prisoner
from publishing.models import Post
from tests import factories
from tests.admin_forms import admin_form_data, inline_prefix

pytestmark = pytest.mark.django_db

ARTICLES = "/admin/publishing/article/"


def new_article(**fields):
    now = timezone.localtime()
    return {
        "title": "Pictured",
        "slug": "pictured",
        "status": factories.PUBLISHED,
        "published_at_0": now.strftime("%Y-%m-%d"),
        "published_at_1": now.strftime("%H:%M:%S"),
        **fields,
    }


def test_publish_and_unpublish_actions_in_the_admin(client, editor):
    client.force_login(editor)
    drafts = [factories.article(f"Draft {n}", status=factories.DRAFT) for n in range(3)]
    response = client.post(
        ARTICLES, {"action": "publish", "_selected_action": [post.pk for post in drafts]}, follow=True
    )
    assert "3 items published." in response.content.decode()
    assert Post.objects.published().count() == 3
    client.post(ARTICLES, {"action": "unpublish", "_selected_action": [drafts[0].pk]}, follow=True)
    assert Post.objects.published().count() == 2


def test_changing_a_published_slug_in_the_admin_keeps_the_old_address_working(client, editor):
    client.force_login(editor)
    post = factories.article("Kept address", slug="kept-address")
    old_url = post.get_absolute_url()
    page = client.get(f"{ARTICLES}{post.pk}/change/")
    assert "Changing it keeps the old address working" in page.content.decode()

    response = client.post(f"{ARTICLES}{post.pk}/change/", admin_form_data(page, slug="new-address"))

    assert response.status_code == 302, response.context["adminform"].form.errors
    client.logout()
    moved = client.get(old_url)
    assert moved.status_code == 301
    assert moved["Location"] == "/posts/new-address/"
    assert client.get(moved["Location"]).status_code == 200


def test_changing_a_slug_back_never_makes_a_loop(client):
    post = factories.article("Back and forth", slug="first")
    post.slug = "second"
    post.save()
    post.slug = "third"
    post.save()
    # Both older addresses lead straight to the newest: one hop each.
    assert client.get("/posts/first/")["Location"] == "/posts/third/"
    assert client.get("/posts/second/")["Location"] == "/posts/third/"
    post.slug = "first"
    post.save()
    assert client.get("/posts/first/").status_code == 200
    assert client.get("/posts/third/")["Location"] == "/posts/first/"
    assert client.get("/posts/second/")["Location"] == "/posts/first/"


def test_a_draft_whose_slug_changes_leaves_no_redirect(client):
    draft = factories.article("Unseen", slug="unseen", status=factories.DRAFT)
    draft.slug = "still-unseen"
    draft.save()
    assert client.get("/posts/unseen/").status_code == 404


def test_an_image_without_alt_text_is_refused_with_a_clear_message(client, editor):
    client.force_login(editor)
    form = admin_form_data(
        client.get(f"{ARTICLES}add/"), **new_article(image=factories.image_upload(), image_alt="")
    )
    response = client.post(f"{ARTICLES}add/", form)
    assert response.status_code == 200  # the form comes back, nothing saved
    assert "Describe the image for people who cannot see it." in response.content.decode()
    assert not Post.objects.filter(slug="pictured").exists()


def test_an_editor_links_the_people_and_the_petition_of_a_post_on_its_form(client, editor):
    kuramshin = factories.prisoner("Vadim Kuramshin")
    petition = factories.petition(title="Urgent action for Vadim Kuramshin")
    client.force_login(editor)
    page = client.get(f"{ARTICLES}add/")
    people, petitions = (
        inline_prefix(page, Prisoner.posts.through),
        inline_prefix(page, Petition.posts.through),
    )
    form = admin_form_data(
        page,
        **new_article(title="Kuramshin moved to a harsher prison", slug="kuramshin-moved"),
        **{f"{people}-TOTAL_FORMS": "1", f"{people}-0-prisoner": kuramshin.pk},
        **{f"{petitions}-TOTAL_FORMS": "1", f"{petitions}-0-petition": petition.pk},
    )

    response = client.post(f"{ARTICLES}add/", form)

    assert response.status_code == 302, response.context["adminform"].form.errors
    post = Post.objects.get(slug="kuramshin-moved")
    assert list(post.prisoners.all()) == [kuramshin]
    assert list(petition.posts.all()) == [post]
    html = client.get(post.get_absolute_url()).content.decode()
    assert f'href="{kuramshin.get_absolute_url()}">Vadim Kuramshin</a>' in html
    assert f'href="{petition.get_absolute_url()}#sign"' in html


def test_a_validation_error_does_not_make_the_editor_choose_the_image_again(client, editor):
    client.force_login(editor)
    page = client.get(f"{ARTICLES}add/")
    first_try = admin_form_data(
        page, **new_article(title="", image=factories.image_upload("poster.jpg"), image_alt="Miners")
    )
    response = client.post(f"{ARTICLES}add/", first_try)
    assert response.status_code == 200  # the title is missing
    html = response.content.decode()
    assert "poster.jpg is kept from your last try" in html
    token = re.search(r'name="image__kept" value="([^"]+)"', html)[1]

    second_try = admin_form_data(page, **new_article(title="Miners in Limpopo", image_alt="Miners"))
    response = client.post(f"{ARTICLES}add/", {**second_try, "image__kept": token})

    assert response.status_code == 302, response.context["adminform"].form.errors
    post = Post.objects.get(title="Miners in Limpopo")
    assert post.image and post.image.name.startswith("posts/")


def test_a_forged_kept_upload_is_ignored(client, editor):
    client.force_login(editor)
    page = client.get(f"{ARTICLES}add/")
    form = admin_form_data(page, **new_article(title="Forged", image_alt=""))
    response = client.post(f"{ARTICLES}add/", {**form, "image__kept": "../../settings.py"})
    assert response.status_code == 302
    assert not Post.objects.get(title="Forged").image
