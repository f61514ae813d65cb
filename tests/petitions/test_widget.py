"""The widget partners put in an iframe: the petition's count and form, framable only here,
double opt-in as on the site, no cookie, and the thank-you inside the frame."""

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.test import Client

from outbox.models import OutgoingEmail
from petitions.models import Signature
from publishing.models import SiteSettings
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def petition():
    return factories.petition(title="Free the Zhanaozen oil workers", goal=1000)


def embed_url(petition):
    return f"/petitions/{petition.slug}/embed/"


def frame_ancestors(response):
    policy = dict(
        part.strip().split(" ", 1)
        for part in response["Content-Security-Policy"].split(";")
        if " " in part.strip()
    )
    return policy["frame-ancestors"]


def test_the_widget_shows_the_title_count_goal_and_form_without_scripts_or_cookies(petition):
    factories.confirmed_signatures(petition, 3)
    response = Client().get(embed_url(petition))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Free the Zhanaozen oil workers" in html
    assert 'data-count="3"' in html
    assert 'class="petition-goal-bar"' in html and 'max="1000"' in html
    assert 'name="email"' in html and "Sign the petition" in html
    assert "<script" not in html
    assert "csrfmiddlewaretoken" not in html
    assert not response.cookies
    assert response["Cache-Control"].startswith("public")


def test_only_the_widget_may_be_framed_by_any_site_when_no_list_is_set(petition):
    widget = Client().get(embed_url(petition))
    assert "X-Frame-Options" not in widget
    assert frame_ancestors(widget) == "*"
    page = Client().get(petition.get_absolute_url())
    assert page["X-Frame-Options"] == "DENY"
    assert frame_ancestors(page) == "'none'"


def test_editors_can_limit_the_widget_to_partner_sites(petition):
    site = SiteSettings.current()
    site.widget_allowed_origins = "https://partner.example\n\nhttps://*.union.example:8443/\n"
    site.full_clean()
    site.save()
    assert (
        frame_ancestors(Client().get(embed_url(petition)))
        == "https://partner.example https://*.union.example:8443"
    )


@pytest.mark.parametrize(
    "written",
    [
        "partner.example",
        "https://partner.example/page",
        "https://partner.example; script-src *",
        "*",
        "javascript:x",
    ],
)
def test_anything_but_a_sites_address_is_refused_in_the_list(written):
    site = SiteSettings.current()
    site.widget_allowed_origins = written
    with pytest.raises(ValidationError) as refused:
        site.full_clean()
    assert "widget_allowed_origins" in refused.value.message_dict


def test_signing_in_the_widget_asks_for_confirmation_and_thanks_inside_the_frame(petition):
    browser = factories.browser(headers={"Sec-Fetch-Site": "same-origin", "Origin": "http://testserver"})
    response = browser.post(embed_url(petition), factories.signing_form_data(email="aigerim@example.org"))
    assert response.status_code == 302
    assert response["Location"] == f"/petitions/{petition.slug}/embed/thanks/"
    assert not response.cookies
    signature = Signature.objects.get()
    assert signature.status == Signature.Status.PENDING and signature.email == "aigerim@example.org"
    assert OutgoingEmail.objects.filter(to="aigerim@example.org").exists()

    thanks = browser.get(response["Location"])
    assert "Check your e-mail" in thanks.content.decode()
    assert "X-Frame-Options" not in thanks and frame_ancestors(thanks) == "*"


def test_a_widget_form_with_mistakes_is_shown_again_in_the_frame(petition):
    response = factories.browser().post(
        embed_url(petition), factories.signing_form_data(email="not an address")
    )
    assert response.status_code == 200
    assert "Please correct the following" in response.content.decode()
    assert frame_ancestors(response) == "*"
    assert not Signature.objects.exists()


def test_a_signature_posted_to_the_widget_from_the_partners_own_page_is_refused(petition):
    headers = {"Sec-Fetch-Site": "cross-site", "Origin": "https://partner.example"}
    response = factories.browser(headers=headers).post(embed_url(petition), factories.signing_form_data())
    assert response.status_code == 403
    assert not Signature.objects.exists()


def test_the_petition_admin_shows_the_code_to_paste(petition, editor, client):
    client.force_login(editor)
    html = client.get(f"/admin/petitions/petition/{petition.pk}/change/").content.decode()
    assert f"&lt;iframe src=&quot;{settings.SITE_URL}/petitions/{petition.slug}/embed/&quot;" in html
