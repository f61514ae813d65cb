"""An address with a control character in it (a NUL, an escape, a line break) names no page:
whoever types or scripts one gets the site's 404 page, never a 500, on every address that
takes part of itself as a value (a slug, a token, an old WordPress address), old and new."""

import re

import pytest
from django.db import connection
from django.urls import LocalePrefixPattern, URLPattern, URLResolver, get_resolver

from tests import factories

pytestmark = pytest.mark.django_db

PLACEHOLDER = "VALUE"
# NUL (which PostgreSQL refuses in text), other C0 controls, DEL and a C1 control, alone or inside a slug.
HOSTILE_VALUES = ["%00", "zhanaozen%00", "%00%00%00", "a%01b", "%1b%5B31m", "%0a", "%7f", "%C2%85"]

_DIGITS_BY_GROUP = {"year": "2019", "month": "12", "day": "16", "page": "2"}
_NAMED_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>(?:[^()]|\([^()]*\))*\)")
_ROUTE_PARAMETER = re.compile(r"<(?:\w+:)?(?P<name>\w+)>")


def _route_template(pattern):
    """The address a pattern answers, with PLACEHOLDER for each part it captures as text."""
    if hasattr(pattern, "_route"):  # path("posts/<slug:slug>/")
        return _ROUTE_PARAMETER.sub(
            lambda match: _DIGITS_BY_GROUP.get(match.group("name"), PLACEHOLDER), pattern._route
        )
    if isinstance(pattern, LocalePrefixPattern):  # i18n_patterns: the English addresses, unprefixed
        return pattern.language_prefix
    regex = pattern._regex  # re_path(r"^index\.php/category/(?P<slug>[^/]+)/?$")
    address = _NAMED_GROUP.sub(lambda match: _DIGITS_BY_GROUP.get(match.group("name"), PLACEHOLDER), regex)
    return address.lstrip("^").rstrip("$").replace("/?", "/").replace("\\.", ".")


def addresses_taking_a_value(patterns=None, prefix=""):
    """Each of the site's addresses (but the admin's) that captures text, with PLACEHOLDER there."""
    found = []
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        template = prefix + _route_template(entry.pattern)
        if isinstance(entry, URLResolver):
            if template != "admin/":
                found.extend(addresses_taking_a_value(entry.url_patterns, template))
        elif isinstance(entry, URLPattern) and PLACEHOLDER in template:
            found.append("/" + template)
    return found


ADDRESSES = addresses_taking_a_value()


def test_the_addresses_checked_here_are_every_kind_the_site_has():
    # If the walk above found nothing, every test below would pass without checking anything.
    for expected in [
        "/index.php/category/VALUE/",
        "/index.php/2019/12/16/VALUE/",
        "/index.php/category/VALUE/feed/",
        "/index.php/category/VALUE/page/2/",
        "/posts/VALUE/",
        "/category/VALUE/",
        "/category/VALUE/feed/atom/",
        "/prisoners/VALUE/",
        "/appeals/VALUE/",
        "/appeals/VALUE/sent/",
        "/videos/VALUE/",
        "/petitions/VALUE/",
        "/petitions/VALUE.json",
        "/petitions/VALUE/sign/",
        "/signatures/confirm/VALUE/",
        "/signatures/withdraw/VALUE/",
    ]:
        assert expected in ADDRESSES


@pytest.fixture
def content():
    """Something real behind each kind of address, so a lookup has rows to compare with."""
    news = factories.category("News", slug="zhanaozen")
    factories.article("Zhanaozen", slug="zhanaozen", categories=[news])
    factories.prisoner("Zhanaozen Prisoner", slug="zhanaozen-prisoner")
    factories.petition(slug="zhanaozen-petition")


@pytest.mark.parametrize("address", ADDRESSES)
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_control_character_in_any_address_is_not_found(client, content, address, method):
    for value in HOSTILE_VALUES:
        response = getattr(client, method)(address.replace(PLACEHOLDER, value))
        assert response.status_code == 404, (address, value)
        assert response["Content-Type"].startswith("text/html")  # a page, not a bare error


def test_an_address_with_a_nul_never_reaches_the_database(client, content):
    """On SQLite a NUL in a lookup is merely not found; PostgreSQL refuses it with an error.
    Either way the value must never be sent: no query carries it."""
    sent = []

    def record_values_with_a_nul(execute, sql, params, many, context):
        values = [value for row in (params or []) for value in (row if many else [row])]
        sent.extend(value for value in values if isinstance(value, str) and "\x00" in value)
        return execute(sql, params, many, context)

    for address in ADDRESSES:
        with connection.execute_wrapper(record_values_with_a_nul):
            client.get(address.replace(PLACEHOLDER, "zhanaozen%00"))
        assert sent == [], address


@pytest.mark.postgres
@pytest.mark.parametrize(
    "address",
    ["/index.php/category/%00/", "/index.php/2019/12/16/%00/", "/index.php/category/%00/feed/"],
)
def test_old_wordpress_addresses_with_a_nul_are_not_found_on_postgresql(client, content, address):
    assert client.get(address).status_code == 404


def test_addresses_without_control_characters_still_lead_where_they_did(client, content):
    assert client.get("/index.php/category/zhanaozen/").status_code == 301
    assert client.get("/index.php/2019/12/16/zhanaozen/").status_code == 301
    assert client.get("/posts/zhanaozen/").status_code == 200
    # Old WordPress slugs may be written in Cyrillic: such a slug is still looked up (and not found).
    cyrillic = "%D0%B7%D0%B0%D0%B1%D0%B0%D1%81%D1%82%D0%BE%D0%B2%D0%BA%D0%B0"
    assert client.get(f"/index.php/category/{cyrillic}/").status_code == 404
