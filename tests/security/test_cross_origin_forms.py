"""The public forms refuse posts from other sites by where the browser says they come from
(Sec-Fetch-Site, then Origin, then Referer), with no token on the page; the admin keeps its token."""

import re

import pytest
from django.test import Client, override_settings

from appeals.models import Appeal
from petitions.models import Signature
from tests import factories
from tests.admin_forms import admin_form_data

pytestmark = pytest.mark.django_db

REFUSED = "This form was not accepted"


@pytest.fixture
def petition():
    return factories.petition(title="Free the Zhanaozen oil workers")


def sign(petition, headers):
    browser = Client(enforce_csrf_checks=True, headers=headers)
    return browser.post(f"/petitions/{petition.slug}/sign/", factories.signing_form_data())


def test_a_signature_posted_from_another_site_is_refused_with_a_clear_page_and_nothing_stored(petition):
    response = sign(petition, {"Sec-Fetch-Site": "cross-site", "Origin": "https://attacker.example"})
    assert response.status_code == 403
    page = response.content.decode()
    assert REFUSED in page and "Nothing was saved" in page
    assert not Signature.objects.exists()


def test_a_signature_posted_from_a_sibling_subdomain_is_refused(petition):
    response = sign(petition, {"Sec-Fetch-Site": "same-site", "Origin": "http://blog.testserver"})
    assert response.status_code == 403
    assert not Signature.objects.exists()


def test_a_signature_posted_from_the_petition_page_is_taken(petition):
    response = sign(petition, {"Sec-Fetch-Site": "same-origin", "Origin": "http://testserver"})
    assert response.status_code == 302
    assert Signature.objects.count() == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://testserver"},
        {"Referer": "http://testserver/petitions/free-the-zhanaozen-oil-workers/"},
    ],
    ids=["origin only", "referer only"],
)
def test_an_older_browser_that_says_its_origin_another_way_can_sign(petition, headers):
    assert sign(petition, headers).status_code == 302
    assert Signature.objects.count() == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://attacker.example"},
        {"Origin": "null"},
        {"Referer": "https://attacker.example/page"},
        {"Origin": "https://testserver"},  # another scheme is another origin
    ],
    ids=["other origin", "opaque origin", "other referer", "other scheme"],
)
def test_an_older_browser_posting_from_elsewhere_is_refused(petition, headers):
    assert sign(petition, headers).status_code == 403
    assert not Signature.objects.exists()


def test_a_post_that_says_nothing_of_where_it_comes_from_is_refused(petition):
    """Every maintained browser sends at least Origin with a form; a post with no Sec-Fetch-Site,
    Origin or Referer comes from a script or a very old browser whose Referer an attacker
    can suppress: refused (publishing/crossorigin.py)."""
    assert sign(petition, {}).status_code == 403
    assert not Signature.objects.exists()


def test_a_typed_or_bookmarked_request_counts_as_the_visitors_own(petition):
    assert sign(petition, {"Sec-Fetch-Site": "none"}).status_code == 302


@override_settings(CSRF_TRUSTED_ORIGINS=["https://partner.example"])
def test_an_origin_the_site_trusts_may_post(petition):
    assert (
        sign(petition, {"Sec-Fetch-Site": "cross-site", "Origin": "https://partner.example"}).status_code
        == 302
    )


def test_i_sent_it_from_another_site_is_not_counted():
    appeal = factories.appeal("No closure in Zhezkazgan", addressees=[factories.central_addressee()])
    response = factories.browser(headers=factories.CROSS_SITE).post(f"{appeal.get_absolute_url()}sent/")
    assert response.status_code == 403
    assert Appeal.objects.get(pk=appeal.pk).letters_sent == 0
    assert factories.browser().post(f"{appeal.get_absolute_url()}sent/").status_code == 302
    assert Appeal.objects.get(pk=appeal.pk).letters_sent == 1


def test_the_admin_still_needs_its_token_even_from_its_own_pages(editor):
    post = factories.article("Before")
    browser = factories.browser()
    browser.force_login(editor)
    url = f"/admin/publishing/article/{post.pk}/change/"
    page = browser.get(url)
    fields = admin_form_data(page, title="After")

    refused = browser.post(url, fields)
    assert refused.status_code == 403
    post.refresh_from_db()
    assert post.title == "Before"

    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)
    assert browser.post(url, {**fields, "csrfmiddlewaretoken": token}).status_code == 302
    post.refresh_from_db()
    assert post.title == "After"
