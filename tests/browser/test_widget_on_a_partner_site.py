"""A partner's page on another origin shows the petition widget in an iframe; a supporter signs
inside it and is asked to confirm by e-mail there; the petition page itself refuses to be framed."""

import http.server
import re
import threading
from contextlib import contextmanager

import pytest
from playwright.sync_api import expect

from outbox.models import OutgoingEmail
from petitions.models import Signature
from tests import factories
from tests.browser import ARTIFACTS
from tests.servers import free_port


@contextmanager
def partner_site(html):
    """Another origin (127.0.0.1 on its own port; the site under test is on localhost), serving
    one page: `html`."""

    class PartnerPage(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = html.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), PartnerPage)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


def partner_page(src):
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner union</title></head>'
        f'<body><h1>Our union supports</h1><iframe src="{src}" title="Petition" width="480" height="900">'
        "</iframe></body></html>"
    )


@pytest.fixture
def petition(settings, live_server, immediate_tasks):
    settings.SITE_URL = live_server.url
    return factories.petition(title="Free the Zhanaozen oil workers", slug="free-the-oil-workers", goal=100)


def test_a_supporter_signs_in_the_widget_on_a_partners_page(live_server, page, petition):
    assert live_server.url.startswith("http://localhost:")
    with partner_site(partner_page(f"{live_server.url}/petitions/{petition.slug}/embed/")) as partner_url:
        page.goto(partner_url)
        widget = page.frame_locator("iframe")
        expect(widget.get_by_role("heading", name="Free the Zhanaozen oil workers")).to_be_visible()
        expect(widget.locator(".petition-goal-bar")).to_be_visible()
        assert page.context.cookies() == [], "the widget sets no cookie before a signature"

        widget.get_by_role("textbox", name=re.compile("^First name")).fill("Aigerim")
        widget.get_by_role("textbox", name=re.compile("^Surname")).fill("Bekova")
        widget.get_by_role("textbox", name=re.compile("^E-mail address")).fill("aigerim@example.org")
        widget.get_by_role("combobox", name=re.compile("^Country")).select_option("KZ")
        with page.expect_request(lambda request: request.method == "POST") as posted:
            widget.get_by_role("button", name="Sign the petition").click()
        # Our own document in the frame posts to us: same-origin, whoever frames it.
        assert posted.value.all_headers()["sec-fetch-site"] == "same-origin"

        expect(widget.get_by_role("heading", name="Check your e-mail")).to_be_visible()
        assert page.url == partner_url, "the partner's page stays; the thank-you is inside the frame"
        page.screenshot(path=ARTIFACTS / "widget-signed-on-partner-page.png", full_page=True)
    signature = Signature.objects.get()
    assert signature.email == "aigerim@example.org"
    assert signature.status == Signature.Status.PENDING
    assert OutgoingEmail.objects.filter(to="aigerim@example.org").count() == 1
    assert page.context.cookies() == [], "no cookie after signing either"


def test_the_petition_page_itself_cannot_be_framed_by_another_site(live_server, page, petition):
    refusals = []
    page.on("console", lambda message: refusals.append(message.text))
    with partner_site(partner_page(f"{live_server.url}{petition.get_absolute_url()}")) as partner_url:
        page.goto(partner_url)
        page.wait_for_timeout(1500)
        frame = page.frame_locator("iframe")
        expect(frame.get_by_role("heading", name="Free the Zhanaozen oil workers")).to_have_count(0)
    assert any(
        "frame" in text and ("X-Frame-Options" in text or "frame-ancestors" in text) for text in refusals
    ), refusals
