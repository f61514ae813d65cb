"""Anonymous pages, forms included, are the same bytes for everyone and sent `public`, so a
shared cache (nginx, a CDN) may keep them; a visitor with their own cookie never gets one."""

import gzip

import pytest
from django.test import Client

from tests import factories

pytestmark = pytest.mark.django_db

PUBLIC = "public, max-age=5, stale-while-revalidate=30, stale-if-error=86400"


@pytest.fixture
def pages():
    petition = factories.petition(title="Free the Zhanaozen oil workers")
    appeal = factories.appeal("No closure in Zhezkazgan", addressees=[factories.central_addressee()])
    return {"petition": petition.get_absolute_url(), "appeal": appeal.get_absolute_url(), "home": "/"}


@pytest.mark.parametrize("page", ["petition", "appeal", "home"])
def test_an_anonymous_page_with_its_form_is_the_same_for_two_visitors_and_public(pages, page):
    first, second = Client().get(pages[page]), Client().get(pages[page])
    assert first.status_code == second.status_code == 200
    assert first.content == second.content
    for response in (first, second):
        assert response["Cache-Control"].startswith("public, max-age=")
        assert "stale-while-revalidate=" in response["Cache-Control"]
        assert "stale-if-error=" in response["Cache-Control"]
        assert not response.cookies, "no cookie (CSRF or other) on an anonymous page"
        assert "cookie" not in response.get("Vary", "").lower()
        assert "csrfmiddlewaretoken" not in response.content.decode()


def test_the_lifetimes_come_from_the_settings(pages, settings):
    assert Client().get(pages["petition"])["Cache-Control"] == PUBLIC
    settings.PAGE_CACHE_SECONDS = 60
    settings.PAGE_STALE_WHILE_REVALIDATE_SECONDS = 120
    settings.PAGE_STALE_IF_ERROR_SECONDS = 3600
    factories.article("Something new")  # a new content version: the next answer is made afresh
    assert Client().get(pages["petition"])["Cache-Control"] == (
        "public, max-age=60, stale-while-revalidate=120, stale-if-error=3600"
    )


def test_a_hit_keeps_every_header_of_the_page_and_is_sent_gzipped_to_browsers_that_take_it(pages):
    miss = Client().get(pages["petition"])
    hit = Client().get(pages["petition"], headers={"Accept-Encoding": "gzip, deflate, br"})
    assert hit["X-Page-Cache"] == "hit"
    assert hit["Content-Encoding"] == "gzip"
    assert gzip.decompress(hit.content) == miss.content
    kept = ["Content-Security-Policy", "X-Frame-Options", "Permissions-Policy", "Referrer-Policy"]
    kept += ["X-Content-Type-Options", "Cross-Origin-Opener-Policy", "Content-Language", "ETag"]
    for header in kept:
        assert hit[header] == miss[header], header
    assert "Accept-Encoding" in hit["Vary"]
    plain = Client().get(pages["petition"])
    assert plain["X-Page-Cache"] == "hit" and "Content-Encoding" not in plain
    assert plain.content == miss.content


def test_a_visitor_with_a_session_gets_a_private_page_no_shared_cache_may_keep(pages, editor):
    Client().get(pages["petition"])
    browser = Client()
    browser.force_login(editor)
    response = browser.get(pages["petition"])
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_a_supporter_who_just_acted_sees_their_message_on_a_private_page(pages):
    browser = factories.browser()
    browser.post(f"{pages['appeal']}sent/")
    page = browser.get(pages["appeal"])
    assert "Thank you for writing!" in page.content.decode()
    assert "private" in page["Cache-Control"]


def test_a_page_made_afresh_is_gzipped_when_the_app_server_answers_directly(pages, settings):
    settings.PAGE_CACHE_SECONDS = 0
    response = Client().get(pages["petition"], headers={"Accept-Encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"
    assert b"Free the Zhanaozen oil workers" in gzip.decompress(response.content)


def test_a_page_with_a_csrf_token_is_never_compressed_against_breach():
    response = Client().get("/admin/login/", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert "Content-Encoding" not in response
