import re

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_home_page_has_the_layout_a_supporter_expects(client):
    html = client.get("/").content.decode()
    assert 'href="#main"' in html  # skip link
    assert '<main id="main"' in html
    assert "Sign the Petition" in html
    assert "Share this with your friends" in html


def test_pages_load_nothing_from_other_sites(client, settings):
    html = client.get("/").content.decode()
    # The share links and the page's own canonical address are links, not loads.
    html = html.replace('href="https://www.facebook.com', "").replace(f'href="{settings.SITE_URL}/"', "")
    # So are the addresses of the page in the other languages, for search engines (hreflang).
    html = re.sub(r'<link rel="alternate" hreflang="[^"]+" href="[^"]+">', "", html)
    for marker in ('src="http', "src='http", 'href="http://', "//cdn", "fonts.googleapis"):
        assert marker not in html


def test_unknown_page_gets_the_styled_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "We could not find that page" in html
    assert "site.css" in html


@override_settings(DEBUG=False)
def test_server_error_page_is_friendly_and_does_not_leak(client):
    client.raise_request_exception = False
    from unittest import mock

    with mock.patch("campaign.views.HomeView.get", side_effect=RuntimeError("secret detail")):
        response = client.get("/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong on our side" in html
    assert "secret detail" not in html
    assert "Traceback" not in html


def test_security_headers_are_sent(client):
    response = client.get("/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response["Permissions-Policy"]
