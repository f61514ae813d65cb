"""Images in an editor's text come from this site only: the public pages load nothing from
other sites (their Content-Security-Policy says img-src 'self'), so an image from elsewhere
would be an empty space to visitors. The editor is told why at once, when saving."""

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import timezone

from publishing.fields import validate_images_from_this_site
from publishing.models import Post
from tests import factories
from tests.admin_forms import admin_form_data

pytestmark = pytest.mark.django_db

ARTICLES = "/admin/publishing/article/"
REASON = "Images from other sites are not shown on this site"


def new_article(body):
    now = timezone.localtime()
    return {
        "title": "Picket in Zhanaozen",
        "slug": "picket-in-zhanaozen",
        "status": factories.PUBLISHED,
        "published_at_0": now.strftime("%Y-%m-%d"),
        "published_at_1": now.strftime("%H:%M:%S"),
        "standfirst": "The workers gathered at dawn.",
        "body": body,
    }


def test_an_editor_who_inserts_an_image_from_another_site_is_told_why_and_loses_nothing(client, editor):
    client.force_login(editor)
    body = '<p>The picket at dawn.</p><img src="https://other.example/x.jpg" alt="The picket">'
    form = admin_form_data(client.get(f"{ARTICLES}add/"), **new_article(body))

    response = client.post(f"{ARTICLES}add/", form)

    assert response.status_code == 200  # the form comes back, nothing saved
    html = response.content.decode()
    assert REASON in html
    assert "https://other.example/x.jpg" in html  # named, so the editor knows which one
    assert "The workers gathered at dawn." in html  # what they typed is still there
    assert not Post.objects.filter(slug="picket-in-zhanaozen").exists()


@override_settings(SITE_URL="https://campaign.example")
@pytest.mark.parametrize(
    "src",
    [
        "/media/posts/2026/03/picket.jpg",
        "media/posts/2026/03/picket.jpg",
        "https://campaign.example/media/posts/2026/03/picket.jpg",
        "HTTPS://Campaign.Example/media/picket.jpg",
        "/static/img/favicon.svg",
    ],
)
def test_images_from_this_sites_media_are_kept(client, editor, src):
    client.force_login(editor)
    body = f'<p>The picket.</p><img src="{src}" alt="The picket">'
    form = admin_form_data(client.get(f"{ARTICLES}add/"), **new_article(body))

    response = client.post(f"{ARTICLES}add/", form)

    assert response.status_code == 302
    assert "<img" in Post.objects.get(slug="picket-in-zhanaozen").body


@override_settings(SITE_URL="https://campaign.example")
@pytest.mark.parametrize(
    "src",
    [
        "https://other.example/x.jpg",
        "http://campaign.example/x.jpg",  # another scheme is another origin
        "https://campaign.example:8443/x.jpg",
        "https://campaign.example.other.example/x.jpg",
        "//other.example/x.jpg",
        "/\\other.example/x.jpg",  # browsers read the backslash as a slash
        "https:other.example/x.jpg",
        " \thttps://other.example/x.jpg",
        "https://campaign.example@other.example/x.jpg",
    ],
)
def test_any_way_of_writing_another_sites_address_is_refused(src):
    with pytest.raises(ValidationError) as refusal:
        validate_images_from_this_site(f'<p>Text</p><img src="{src}" alt="x">')
    assert REASON in refusal.value.messages[0]


def test_text_without_images_or_with_links_elsewhere_is_fine():
    validate_images_from_this_site("")
    validate_images_from_this_site('<p>See <a href="https://other.example/report">the report</a>.</p>')


def test_every_kind_of_editor_text_refuses_outside_images():
    outside = '<p>Text</p><img src="https://other.example/x.jpg" alt="x">'
    for item, field in [
        (factories.article(body=outside), "body"),
        (factories.prisoner(biography=outside), "biography"),
        (factories.petition(text=outside), "text"),
    ]:
        with pytest.raises(ValidationError) as refusal:
            item.full_clean()
        assert REASON in " ".join(refusal.value.message_dict[field]), type(item)
