"""The shipped nginx configuration (deploy/nginx/campaign.conf.template), run for real.

Debian's nginx with the template rendered exactly as deploy/README.md says (only its
placeholders replaced), TLS with a certificate made here, in front of a real gunicorn of the
site with production settings sharing the test database. It shows what an operator relies
on: anonymous pages come from nginx's cache, an edit in the admin reaches the public page
within the page's lifetime, form posts always reach the site, and when gunicorn is down the
last copy of a page is still served. Locally it skips without nginx; in CI (REQUIRE_NGINX=1)
a missing nginx fails the run.
"""

import http.cookiejar
import re
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.db import connection

from petitions.models import Petition, Signature
from tests import factories
from tests.requirements import skip_or_fail
from tests.servers import (
    collected_static,
    form_fields,
    free_port,
    gunicorn,
    nginx,
    nginx_missing,
    production_env,
    wait_for_other_sessions_to_end,
)

pytestmark = pytest.mark.django_db(transaction=True)

# How long the site lets shared caches keep its public pages in these tests (PAGE_CACHE_SECONDS).
LIFETIME_SECONDS = 5


class Browser:
    """A visitor over HTTPS (the test certificate trusted), with cookies; redirects not followed."""

    def __init__(self, base_url):
        self.base_url = base_url
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        self.cookies = http.cookiejar.CookieJar()

        class NoRedirects(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        self.opener = urllib.request.build_opener(
            urllib.request.HTTPSHandler(context=context),
            urllib.request.HTTPCookieProcessor(self.cookies),
            NoRedirects(),
        )

    def request(self, path, data=None, headers=None):
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        url = path if path.startswith("http") else self.base_url + path
        request = urllib.request.Request(url, data=body, headers={"Origin": self.base_url, **(headers or {})})
        if data is not None:
            request.add_header("Referer", url)
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()

    def cookie(self, name):
        return next((cookie.value for cookie in self.cookies if cookie.name == name), None)

    def post_form(self, path, data, form_id=None):
        """Open the page at `path`, fill its form with `data` and post it, as a browser would."""
        status, _headers, page = self.request(path)
        assert status == 200, f"GET {path} answered {status}"
        fields = dict(form_fields(page, form_id))
        fields.update(data)
        posted = [tag for tag in re.findall(r"<form[^>]*>", page) if 'method="post"' in tag]
        form_tag = next(tag for tag in posted if not form_id or f'id="{form_id}"' in tag)
        action = re.search(r'\baction="([^"]*)"', form_tag)
        target = action.group(1) if action and action.group(1) else path
        return self.request(target, data=fields)


@pytest.fixture
def site(tmp_path, tmp_path_factory, settings):
    """(nginx's HTTPS URL, its HTTP URL, the gunicorn process) for the site behind nginx."""
    app_port = free_port()
    if connection.vendor == "sqlite":
        database_url = f"sqlite:///{connection.settings_dict['NAME']}"
    else:
        from tests.servers import database_url as url_of

        database_url = url_of(connection)
    reason = nginx_missing()
    if reason:
        skip_or_fail(reason, "REQUIRE_NGINX")
    folder = tmp_path / "nginx"
    folder.mkdir()
    with nginx(folder, app_port) as (https_url, http_url):
        env = production_env(
            database_url,
            collected_static(tmp_path_factory),
            # As deploy/README.md says for a site behind this nginx.
            SECURE_HTTPS="true",
            BEHIND_TLS_PROXY="true",
            TRUSTED_PROXY_COUNT="1",
            SITE_URL="https://localhost",
            ALLOWED_HOSTS="localhost",
            # The test's ports are not 443; production needs no such line.
            CSRF_TRUSTED_ORIGINS=https_url,
            PAGE_CACHE_SECONDS=LIFETIME_SECONDS,
        )
        settings.SECRET_KEY = env["SECRET_KEY"]
        with gunicorn(env, workers=2, port=app_port) as (_url, process):
            yield https_url, http_url, process
    if connection.vendor == "postgresql":
        wait_for_other_sessions_to_end(connection)


def test_plain_http_leads_to_https_and_the_site_trusts_what_nginx_forwards(site):
    https_url, http_url, _gunicorn = site
    status, headers, _body = Browser(http_url).request("/petitions/")
    assert status == 301
    assert headers["Location"] == "https://localhost/petitions/"
    # Over HTTPS the site sees X-Forwarded-Proto: https (no redirect loop), sets HSTS once.
    status, headers, _body = Browser(https_url).request("/petitions/")
    assert status == 200
    assert len(headers.get_all("Strict-Transport-Security")) == 1


def test_a_public_page_comes_from_nginx_and_an_admin_edit_shows_within_its_lifetime(site):
    https_url, _http, _gunicorn = site
    factories.superuser("root")
    petition = factories.petition(title="Free the oil workers")
    visitor = Browser(https_url)
    path = petition.get_absolute_url()  # the page that goes viral, with its signing form

    statuses = [visitor.request(path)[1]["X-Cache-Status"] for _ in range(3)]
    assert statuses[0] == "MISS"
    assert statuses[1:] == ["HIT", "HIT"]

    editor = Browser(https_url)
    status, headers, _body = editor.post_form(
        "/admin/login/?next=/admin/", {"username": "root", "password": factories.PASSWORD}, "login-form"
    )
    assert status == 302, "the editor could not sign in through nginx"
    assert editor.cookie("sessionid")
    edit_path = f"/admin/petitions/petition/{petition.pk}/change/"
    # The English title (modeltranslation names the field title_en; "title" for a site without it).
    new_title = {"title": "Free the oil workers now", "title_en": "Free the oil workers now"}
    status, _headers, body = editor.post_form(edit_path, new_title, "petition_form")
    assert status == 302, re.findall(r"errorlist[^>]*>(.*?)</ul>", body, re.S)
    edited = time.monotonic()
    assert Petition.objects.get(pk=petition.pk).title == "Free the oil workers now"
    # Staff never get or leave cached pages.
    assert editor.request(edit_path)[1]["X-Cache-Status"] == "BYPASS"

    # The crowd still gets the cached copy for now, then the edit within the lifetime.
    _status, headers, body = visitor.request(path)
    assert headers["X-Cache-Status"] in {"HIT", "STALE", "UPDATING"}
    assert "Free the oil workers now" not in body  # the copy nginx holds
    while "Free the oil workers now" not in body:
        assert time.monotonic() - edited < LIFETIME_SECONDS + 2, "the edit did not show within the lifetime"
        time.sleep(0.25)
        _status, headers, body = visitor.request(path)


def test_form_posts_always_reach_the_site(site):
    https_url, _http, _gunicorn = site
    petition = factories.petition()
    for number in (1, 2):
        signer = Browser(https_url)
        data = factories.signing_form_data(email=f"signer.{number}@example.org")
        status, headers, _body = signer.post_form(petition.get_absolute_url(), data)
        assert status == 302, f"signing through nginx answered {status}"
        assert headers.get("X-Cache-Status", "") in {"", "BYPASS"}
    assert Signature.objects.filter(petition=petition).count() == 2


def test_a_flood_of_posts_from_one_address_is_turned_away_by_nginx(site):
    https_url, _http, _gunicorn = site
    visitor = Browser(https_url)
    statuses = [visitor.request("/signatures/confirm/not-a-token/", data={})[0] for _ in range(20)]
    # The burst (10) reaches the site (its own answer to a bad link), the rest get 429.
    assert statuses[0] != 429
    assert statuses.count(429) >= 5


def test_pages_are_served_stale_while_gunicorn_is_down(site):
    https_url, _http, gunicorn_process = site
    petition = factories.petition(title="Still counted")
    visitor = Browser(https_url)
    path = petition.get_absolute_url()
    visitor.request(path)
    assert visitor.request(path)[1]["X-Cache-Status"] == "HIT"

    gunicorn_process.terminate()
    gunicorn_process.wait(timeout=10)
    time.sleep(LIFETIME_SECONDS + 1)  # the copy has expired: only stale-if-error can serve it
    status, headers, body = visitor.request(path)
    assert status == 200
    assert headers["X-Cache-Status"] == "STALE"
    assert "Still counted" in body
    # A page nginx never had cannot be served.
    assert visitor.request("/petitions/")[0] == 502
