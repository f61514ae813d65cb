"""Two app servers behind one load balancer, sharing PostgreSQL and Redis: a supporter may
land on either for any request, and nobody can tell which one answered."""

import json
import time

import pytest
from django.db import connection

from petitions import tokens
from petitions.models import Petition, Signature
from tests import factories
from tests.requirements import skip_or_fail
from tests.servers import (
    REDIS_TEST_URL,
    Visitor,
    collected_static,
    database_url,
    form_fields,
    fresh_redis,
    gunicorn,
    production_env,
    wait_for_other_sessions_to_end,
)

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def two_servers(tmp_path_factory, settings):
    """Servers A and B, production settings, one database, one Redis, pages cached for a minute."""
    reason = fresh_redis()
    if reason:
        skip_or_fail(reason, "REQUIRE_POSTGRES")
    env = production_env(
        database_url(connection),
        collected_static(tmp_path_factory),
        REDIS_URL=REDIS_TEST_URL,
        PAGE_CACHE_SECONDS=60,
        TRUSTED_PROXY_COUNT=1,
    )
    # Links in e-mails are signed with the servers' key: make them with the same one here.
    settings.SECRET_KEY = env["SECRET_KEY"]
    with gunicorn(env, workers=2) as (url_a, _a), gunicorn(env, workers=2) as (url_b, _b):
        yield url_a, url_b
    wait_for_other_sessions_to_end(connection)
    fresh_redis()


def public_count(base_url, slug):
    status, _headers, body = Visitor(base_url).get(f"/petitions/{slug}.json")
    assert status == 200
    return json.loads(body)["count"]


def sign(base_url, petition, email, number):
    visitor = Visitor(base_url, headers={"X-Forwarded-For": f"203.0.113.{number}"})
    visitor.open_form(petition.get_absolute_url())
    status, headers, _body = visitor.post(
        f"/petitions/{petition.slug}/sign/",
        {"first_name": "Aigerim", "last_name": f"Signer {number}", "email": email, "country": "KZ"},
    )
    assert status == 302, f"signing through {base_url} answered {status}"
    assert headers["Location"].endswith(f"/petitions/{petition.slug}/check-your-email/")


def confirm(base_url, email):
    """Open the link from the e-mail and press the button, as the signer does."""
    signature = Signature.objects.get(email=email)
    path = f"/signatures/confirm/{tokens.confirmation_token(signature)}/"
    visitor = Visitor(base_url)
    page = visitor.open_form(path)
    assert "csrfmiddlewaretoken" not in page, "the link page is checked by origin, not by token"
    status, headers, _body = visitor.post(path, {})
    assert status == 302, f"confirming through {base_url} answered {status}"
    assert headers["Location"].endswith("#petition-count")


def test_signatures_made_and_confirmed_across_both_servers_are_counted_once_each(two_servers):
    url_a, url_b = two_servers
    petition = factories.petition(title="Free the Zhanaozen oil workers")
    signed_on = {}
    for number in range(20):
        email = f"supporter{number}@example.org"
        signed_on[email] = url_a if number < 10 else url_b
        sign(signed_on[email], petition, email, number)
    assert Signature.objects.filter(petition=petition).count() == 20

    for email, server in signed_on.items():
        confirm(url_b if server == url_a else url_a, email)  # each confirmed on the other server
    assert Signature.objects.filter(petition=petition).counted().count() == 20

    # The JSON count may be served from the page cache for a few seconds; it must settle on 20.
    deadline = time.monotonic() + 10
    while (counts := (public_count(url_a, petition.slug), public_count(url_b, petition.slug))) != (20, 20):
        assert time.monotonic() < deadline, f"public counts on A and B: {counts}, database: 20"
        time.sleep(0.5)
    assert Petition.objects.with_signature_count().get(pk=petition.pk).signature_count == 20


def test_an_edit_saved_on_one_server_shows_on_the_other_at_once(two_servers):
    url_a, url_b = two_servers
    post = factories.article("Workers in Zhezkazgan protest", categories=[factories.category("Video")])
    factories.editor("editor")

    reader = Visitor(url_b)
    assert "Workers in Zhezkazgan protest" in reader.get("/category/video/")[2]
    status, headers, body = reader.get("/category/video/")
    assert headers["X-Page-Cache"] == "hit", "the page cache is on, so B now serves this page from Redis"

    editor = Visitor(url_a)
    editor.open_form("/admin/login/")
    status, headers, _body = editor.post(
        "/admin/login/?next=/admin/",
        {"username": "editor", "password": factories.PASSWORD, "next": "/admin/"},
    )
    assert status == 302 and headers["Location"] == "/admin/", "the editor is logged in on A"
    change_url = f"/admin/publishing/article/{post.pk}/change/"
    fields = form_fields(editor.open_form(change_url), form_id="article_form")
    # The English version is the original (the admin names it title_en: content translations).
    fields = [(name, "Strike ends in victory" if name == "title_en" else value) for name, value in fields]
    status, headers, body = editor.post(change_url, [*fields, ("_save", "Save")])
    assert status == 302, f"the admin refused the edit: {status}\n{body[:3000]}"

    started = time.monotonic()
    status, headers, body = reader.get("/category/video/")
    assert status == 200
    assert "Strike ends in victory" in body, "B still serves the page from before the edit"
    assert "Workers in Zhezkazgan protest" not in body
    assert time.monotonic() - started < 2
