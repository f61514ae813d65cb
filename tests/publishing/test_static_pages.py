"""Static pages (About, Contact, Donate) at their own address, placed in the navigation by editors."""

import pytest
from django.core.exceptions import ValidationError

from tests import factories
from tests.admin_forms import admin_form_data

pytestmark = pytest.mark.django_db


def test_a_published_page_answers_at_its_own_address(client):
    factories.page("Donate", body="<p>Every pound pays for a lawyer.</p>")
    response = client.get("/donate/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Donate</h1>" in html and "Every pound pays for a lawyer." in html
    assert '<meta property="og:title" content="Donate">' in html


def test_a_draft_page_is_not_found_by_visitors_and_previewed_by_editors(client, editor):
    factories.page("Contact", status=factories.DRAFT)
    assert client.get("/contact/").status_code == 404
    client.force_login(editor)
    assert client.get("/contact/").status_code == 200


def test_editors_place_pages_in_the_header_and_footer_in_their_order(client):
    factories.page("Donate", navigation="header", navigation_order=2)
    factories.page("About us", slug="about", navigation="header", navigation_order=1)
    factories.page("Imprint", navigation="footer")
    factories.page("Hidden", navigation="")
    html = client.get("/posts/").content.decode()
    start = html.index('id="site-nav"')
    header = html[start : html.index("</nav>", start)]
    assert header.index('href="/about/"') < header.index('href="/donate/"')
    assert 'href="/imprint/"' not in header
    footer = html[html.index("site-footer") :]
    assert 'href="/imprint/">Imprint</a>' in footer
    assert 'href="/hidden/"' not in html


def test_a_page_cannot_take_an_address_the_site_already_uses(db):
    page = factories.page("Posts page", slug="posts")
    with pytest.raises(ValidationError, match="already an address of the site"):
        page.full_clean()
    factories.page("Fine", slug="about").full_clean()


def test_editors_add_a_page_in_the_admin(client, editor):
    client.force_login(editor)
    form = client.get("/admin/publishing/page/add/")
    assert form.status_code == 200
    data = admin_form_data(
        form,
        title="About",
        slug="about",
        body="<p>Who we are.</p>",
        status=factories.PUBLISHED,
        published_at_0="2026-01-01",
        published_at_1="10:00:00",
        navigation="footer",
        navigation_order="1",
    )
    response = client.post("/admin/publishing/page/add/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    client.logout()
    assert 'href="/about/">About</a>' in client.get("/").content.decode()
