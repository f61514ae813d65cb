"""Editors publish, schedule and preview; visitors see only what is published."""

from datetime import timedelta
from unittest import mock

import pytest
from django.utils import dateformat, timezone

from tests import factories

pytestmark = pytest.mark.django_db

EVERY_KIND = {"article": factories.article, "appeal": factories.appeal, "video": factories.video_post}


def test_a_draft_is_invisible_to_visitors(client):
    video = factories.category("Video")
    draft = factories.article("Secret plans", categories=[video], status=factories.DRAFT)
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


@pytest.mark.parametrize("kind", EVERY_KIND)
def test_editors_preview_drafts_of_every_kind_on_the_real_page(client, editor, kind):
    draft = EVERY_KIND[kind]("Draft appeal text", status=factories.DRAFT)
    client.force_login(editor)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Draft appeal text" in html
    assert "Preview: this draft is not published. Only editors can see it." in html
    assert '<meta name="robots" content="noindex">' in html


def test_editors_preview_a_scheduled_post_and_read_when_it_will_appear(client, editor):
    due = timezone.now() + timedelta(days=3)
    scheduled = factories.article("Demonstration on 6 July", published_at=due)
    client.force_login(editor)
    html = client.get(scheduled.get_absolute_url()).content.decode()
    when = dateformat.format(timezone.localtime(due), "j F Y, H:i")
    assert f"Preview: this page is scheduled and will appear on {when}." in html
    assert '<meta name="robots" content="noindex">' in html


def test_visitors_never_see_the_preview_banner(client):
    html = client.get(factories.article("Published report").get_absolute_url()).content.decode()
    assert "Preview:" not in html
    assert "noindex" not in html
