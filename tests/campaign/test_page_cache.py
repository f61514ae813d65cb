"""Anonymous pages come from the cache without SQL, yet never show stale content or someone else's token."""

from datetime import timedelta
from unittest import mock

import pytest
from django.test import Client
from django.utils import timezone

from publishing.models import Post, SiteSettings
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_repeated_anonymous_visit_is_served_from_cache_without_sql(client, django_assert_num_queries):
    factories.article("Solidarity", categories=[factories.category("Video")])
    first = client.get("/category/video/")
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/category/video/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    # Security headers are added to cached pages too.
    assert "default-src 'self'" in second["Content-Security-Policy"]
    assert second["X-Frame-Options"] == "DENY"


def test_an_edit_shows_at_once_on_cached_pages(client):
    post = factories.article("Old headline", categories=[factories.category("Video")])
    assert "Old headline" in client.get("/category/video/").content.decode()
    post.title = "New headline"
    post.save()
    html = client.get("/category/video/").content.decode()
    assert "New headline" in html and "Old headline" not in html


def test_a_category_change_shows_at_once(client):
    video = factories.category("Video")
    post = factories.article("Moved post", categories=[])
    assert "Moved post" not in client.get("/category/video/").content.decode()
    post.categories.add(video)
    assert "Moved post" in client.get("/category/video/").content.decode()


def test_a_scheduled_post_appears_on_a_cached_page_when_due(client):
    video = factories.category("Video")
    factories.article("Due soon", categories=[video], published_at=timezone.now() + timedelta(minutes=1))
    assert "Due soon" not in client.get("/category/video/").content.decode()
    with mock.patch("django.utils.timezone.now", return_value=timezone.now() + timedelta(minutes=2)):
        assert "Due soon" in client.get("/category/video/").content.decode()


def test_a_change_to_the_sites_own_words_shows_at_once_on_cached_pages(client):
    site = SiteSettings.current()
    site.footer_text = "Solidarity with the oil workers."
    site.save()
    assert "Solidarity with the oil workers." in client.get("/").content.decode()
    site.footer_text = "Solidarity with the copper miners."
    site.save()
    html = client.get("/").content.decode()
    assert "Solidarity with the copper miners." in html
    assert "Solidarity with the oil workers." not in html


def test_editors_with_a_session_always_get_a_fresh_page(client, editor):
    post = factories.article("Shared page", categories=[factories.category("Video")])
    client.get("/category/video/")  # cached by an anonymous visitor
    Post.objects.filter(pk=post.pk).update(title="Changed without signals")
    editors_browser = Client()
    editors_browser.force_login(editor)
    assert "Changed without signals" in editors_browser.get("/category/video/").content.decode()


@pytest.mark.urls("tests.campaign.csrf_form_urls")
def test_a_page_that_renders_a_csrf_token_is_never_stored_nor_sent_public():
    first_visitor, second_visitor = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_visitor.get("/form/")
    second_page = second_visitor.get("/form/")
    assert "X-Page-Cache" not in second_page
    assert "public" not in second_page.get("Cache-Control", "")
    assert first_visitor.cookies["csrftoken"].value != second_visitor.cookies["csrftoken"].value


def test_a_page_answers_a_conditional_get_with_304(client):
    factories.article("Unchanged", categories=[factories.category("Video")])
    first = client.get("/category/video/")
    etag = first["ETag"]
    repeat = client.get("/category/video/", headers={"if-none-match": etag})
    assert repeat.status_code == 304
    assert repeat.content == b""


def test_a_page_with_a_form_is_sent_again_when_its_content_changes(client):
    petition = factories.petition(title="Free the oil workers")
    first = client.get(petition.get_absolute_url())
    assert (
        client.get(petition.get_absolute_url(), headers={"if-none-match": first["ETag"]}).status_code == 304
    )
    petition.title = "Free the Zhanaozen oil workers"
    petition.save()
    changed = client.get(petition.get_absolute_url(), headers={"if-none-match": first["ETag"]})
    assert changed.status_code == 200
    assert "Free the Zhanaozen oil workers" in changed.content.decode()
