"""Editors publish, schedule and preview; visitors see only what is published."""

from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

from campaign.models import Post
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_draft_is_invisible_to_visitors(client):
    video = factories.category("Video")
    draft = factories.article("Secret plans", categories=[video], status=Post.Status.DRAFT)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert "Secret plans" not in client.get("/category/video/").content.decode()
    assert "Secret plans" not in client.get("/").content.decode()


def test_a_scheduled_post_appears_by_itself_when_its_time_comes(client):
    appeals = factories.category("Appeals")
    in_one_hour = timezone.now() + timedelta(hours=1)
    post = factories.article("Demonstration on 6 July", categories=[appeals], published_at=in_one_hour)

    assert client.get(post.get_absolute_url()).status_code == 404
    assert "Demonstration on 6 July" not in client.get("/category/appeals/").content.decode()

    # Two hours later, with nothing run in between, the same post is public.
    later = timezone.now() + timedelta(hours=2)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert client.get(post.get_absolute_url()).status_code == 200
        assert "Demonstration on 6 July" in client.get("/category/appeals/").content.decode()


def test_editors_preview_drafts_on_the_real_page(client):
    call_command("setup_groups", verbosity=0)
    editor = get_user_model().objects.create_user("editor", password="x" * 16, is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    draft = factories.article("Draft appeal text", status=Post.Status.DRAFT)
    client.force_login(editor)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Draft appeal text" in html
    assert "this draft is not published" in html
    assert 'content="noindex"' in html


def test_category_page_lists_every_kind_newest_first_with_pagination(client):
    from appeals.models import Appeal
    from media_library.models import VideoPost

    appeals = factories.category("Appeals")
    old = factories.article("Oldest article", categories=[appeals], days_ago=30)
    appeal = Appeal.objects.create(
        title="Newest appeal",
        slug="newest-appeal",
        status="published",
        published_at=timezone.now() - timedelta(hours=1),
    )
    appeal.categories.add(appeals)
    video = VideoPost.objects.create(
        title="Middle video",
        slug="middle-video",
        status="published",
        published_at=timezone.now() - timedelta(days=3),
        video_url="https://youtu.be/dQw4w9WgXcQ",
    )
    video.categories.add(appeals)
    html = client.get("/category/appeals/").content.decode()
    assert html.index("Newest appeal") < html.index("Middle video") < html.index("Oldest article")

    for number in range(12):
        factories.article(f"Filler {number}", categories=[appeals], days_ago=10)
    first_page = client.get("/category/appeals/").content.decode()
    second_page = client.get("/category/appeals/?page=2").content.decode()
    assert "Page 1 of 2" in first_page
    assert old.title in second_page and old.title not in first_page


def test_category_entries_show_date_byline_categories_and_excerpt(client):
    appeals, video = factories.category("Appeals"), factories.category("Video")
    factories.article(
        "Solidarity from South Africa",
        categories=[appeals, video],
        byline="Our correspondent",
        standfirst="Miners in Limpopo sent a message of support.",
        published_at=timezone.make_aware(timezone.datetime(2014, 3, 9, 12, 0)),
    )
    html = client.get("/category/video/").content.decode()
    assert "9 March 2014" in html
    assert "by Our correspondent" in html
    assert "Miners in Limpopo sent a message of support." in html
    assert 'href="/category/appeals/"' in html and 'href="/category/video/"' in html


def test_an_empty_category_says_so_and_an_unknown_one_is_404(client):
    factories.category("Press release")
    response = client.get("/category/press-release/")
    assert response.status_code == 200
    assert "Nothing has been published in this category yet" in response.content.decode()
    assert client.get("/category/no-such-thing/").status_code == 404


def test_the_post_page_has_share_links_open_graph_and_canonical(client):
    post = factories.article("Free Vadim Kuramshin")
    html = client.get(post.get_absolute_url()).content.decode()
    url = f"http://testserver{post.get_absolute_url()}"
    assert f'<link rel="canonical" href="{url}">' in html
    assert '<meta property="og:title" content="Free Vadim Kuramshin">' in html
    for network in ("facebook.com/sharer", "twitter.com/intent", "wa.me", "t.me/share", "mailto:?subject"):
        assert network in html
    assert "Copy link" in html


def test_publish_and_unpublish_actions_in_the_admin(admin_client):
    drafts = [factories.article(f"Draft {n}", status=Post.Status.DRAFT) for n in range(3)]
    response = admin_client.post(
        "/admin/campaign/article/",
        {"action": "publish", "_selected_action": [post.pk for post in drafts]},
        follow=True,
    )
    assert "3 posts published." in response.content.decode()
    assert Post.objects.published().count() == 3
    admin_client.post(
        "/admin/campaign/article/", {"action": "unpublish", "_selected_action": [drafts[0].pk]}, follow=True
    )
    assert Post.objects.published().count() == 2


def test_a_published_slug_cannot_be_changed_in_the_admin(admin_client):
    post = factories.article("Kept address", slug="kept-address")
    page = admin_client.get(f"/admin/campaign/article/{post.pk}/change/").content.decode()
    assert 'name="slug"' not in page  # shown read-only, not as an input
    draft = factories.article("Movable", status=Post.Status.DRAFT)
    assert 'name="slug"' in admin_client.get(f"/admin/campaign/article/{draft.pk}/change/").content.decode()


def test_an_image_without_alt_text_is_refused_with_a_clear_message(admin_client):
    from io import BytesIO

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (40, 30), "red").save(buffer, "JPEG")
    photo = SimpleUploadedFile("photo.jpg", buffer.getvalue(), content_type="image/jpeg")
    now = timezone.localtime()
    response = admin_client.post(
        "/admin/campaign/article/add/",
        {
            "title": "Pictured",
            "slug": "pictured",
            "status": "published",
            "published_at_0": now.strftime("%Y-%m-%d"),
            "published_at_1": now.strftime("%H:%M:%S"),
            "image": photo,
            "image_alt": "",
        },
    )
    assert response.status_code == 200  # the form comes back, nothing saved
    assert "Describe the image for people who cannot see it." in response.content.decode()
    assert not Post.objects.filter(slug="pictured").exists()
