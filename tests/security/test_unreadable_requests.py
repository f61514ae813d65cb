"""A request the site cannot read (a form in UTF-16 or Latin-1, an unknown charset, a
Content-Type header nobody can parse) gets a clear 400 page, never a 500, and nothing is
stored. Forms here are always UTF-8, under any of its names; addresses are always UTF-8."""

import io
import sys
import wsgiref.util

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client

from appeals.models import Appeal
from petitions import tokens
from petitions.models import Signature
from tests import factories
from tests.factories import signing_form_data

pytestmark = pytest.mark.django_db

ODD_CHARSETS = [
    "utf-16", "latin-1", "iso-8859-1", "utf-32", "cp1252", "koi8-r", "no-such-charset", "utf-8-sig"
]  # fmt: skip
CLEAR_400 = "We could not read what was sent"


@pytest.fixture
def petition():
    return factories.petition(title="Free the Zhanaozen oil workers")


@pytest.fixture
def appeal():
    factories.embassy("DE")
    return factories.appeal("No closure in Zhezkazgan", addressees=[factories.central_addressee()])


def browser_on(page):
    """A browser that has opened `page` and posts from it (the public forms check its origin)."""
    browser = factories.browser()
    assert browser.get(page).status_code == 200
    return browser


def encoded_form(browser, fields):
    from urllib.parse import urlencode

    # A browser sends its Content-Type (and charset) with a form of no fields too; the test
    # client sends one only with a body, so an empty form gets a field nobody reads.
    return urlencode(fields or {"unused": ""}).encode()


def public_posts(petition, appeal):
    """Every public form a visitor can post, as (the page it is on, where it posts, its fields)."""
    sign(petition)
    signature = Signature.objects.get()
    confirm = f"/signatures/confirm/{tokens.confirmation_token(signature)}/"
    withdraw = f"/signatures/withdraw/{tokens.withdrawal_token(signature)}/"
    return {
        "sign": (petition.get_absolute_url(), f"/petitions/{petition.slug}/sign/", signing_form_data()),
        "letter sent": (appeal.get_absolute_url(), f"{appeal.get_absolute_url()}sent/", {}),
        "confirm": (confirm, confirm, {}),
        "new link": (confirm, f"{confirm}new-link/", {}),
        "withdraw": (withdraw, withdraw, {}),
        "a page that does not exist": (petition.get_absolute_url(), "/no-such-page/", {"a": "b"}),
    }


def sign(petition):
    factories.sign(petition, email="first@example.org")


def stored(petition, appeal):
    appeal = Appeal.objects.get(pk=appeal.pk)
    signatures = Signature.objects.filter(petition=petition)
    return signatures.count(), signatures.confirmed().count(), appeal.letters_sent


@pytest.mark.parametrize("charset", ODD_CHARSETS)
@pytest.mark.parametrize(
    "form", ["sign", "letter sent", "confirm", "new link", "withdraw", "a page that does not exist"]
)
def test_a_form_posted_in_another_charset_gets_a_clear_400_page(petition, appeal, form, charset):
    page, action, fields = public_posts(petition, appeal)[form]
    browser = browser_on(page)
    before = stored(petition, appeal)

    response = browser.generic(
        "POST",
        action,
        encoded_form(browser, fields),
        content_type=f"application/x-www-form-urlencoded; charset={charset}",
    )

    assert response.status_code == 400
    assert CLEAR_400 in response.content.decode()
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert stored(petition, appeal) == before


@pytest.mark.parametrize("charset", ["utf-16", "latin-1"])
def test_a_multipart_form_in_another_charset_gets_a_clear_400_page(petition, charset):
    browser = browser_on(petition.get_absolute_url())
    fields = signing_form_data()
    body = (
        "".join(
            f'--xyz\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
            for name, value in fields.items()
        )
        + "--xyz--\r\n"
    )

    response = browser.generic(
        "POST",
        f"/petitions/{petition.slug}/sign/",
        body.encode(charset),
        content_type=f"multipart/form-data; boundary=xyz; charset={charset}",
    )

    assert response.status_code == 400
    assert not Signature.objects.exists()


@pytest.mark.parametrize("charset", ["UTF8", "utf8", "UTF-8", "utf_8"])
def test_utf8_under_any_of_its_names_is_read(petition, charset):
    browser = browser_on(petition.get_absolute_url())

    response = browser.generic(
        "POST",
        f"/petitions/{petition.slug}/sign/",
        encoded_form(browser, signing_form_data(first_name="Әйгерім", email="aigerim@example.org")),
        content_type=f"application/x-www-form-urlencoded; charset={charset}",
    )

    assert response.status_code == 302
    assert Signature.objects.get().first_name == "Әйгерім"


@pytest.mark.parametrize("charset", ["utf-16", "latin-1", "no-such-charset"])
def test_addresses_are_read_as_utf8_whatever_charset_a_get_declares(appeal, charset):
    factories.article("Жанаозен strike", slug="zhanaozen-strike", body="<p>Жанаозен</p>")
    header = {"Content-Type": f"text/plain; charset={charset}"}

    search = Client().get("/search/", {"q": "Жанаозен"}, headers=header)
    letter = Client().get(appeal.get_absolute_url(), {"country": "DE", "name": "Әйгерім"}, headers=header)

    assert search.status_code == 200
    assert "/posts/zhanaozen-strike/" in search.content.decode()
    assert letter.status_code == 200
    assert "Әйгерім" in letter.content.decode()


def call_the_site(method, path, content_type, body=b""):
    """(status, body) of a request handed to the site's WSGI application as gunicorn hands it."""
    from campaign.wsgi import application

    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "CONTENT_TYPE": content_type,
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": sys.stderr,
        "HTTP_HOST": "testserver",
    }
    wsgiref.util.setup_testing_defaults(environ)
    statuses = []
    # As Django's test client does: the test's database connection stays open after the request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        response = application(environ, lambda status, headers, exc_info=None: statuses.append(status))
        try:
            content = b"".join(response).decode()
        finally:
            response.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return int(statuses[0].split()[0]), content


@pytest.mark.parametrize(
    "content_type",
    [
        "application/x-www-form-urlencoded; charset*=no-such-charset''utf-8",
        "application/x-www-form-urlencoded; charset=" + "x" * 20_000,
    ],
)
@pytest.mark.parametrize("method", ["POST", "GET"])
def test_a_content_type_header_nobody_can_read_gets_a_clear_400_page(petition, method, content_type):
    status, content = call_the_site(method, f"/petitions/{petition.slug}/sign/", content_type, b"a=b")

    assert status == 400
    assert CLEAR_400 in content
    assert not Signature.objects.exists()
