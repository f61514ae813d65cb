"""While the database cannot be reached, a page the cache holds is still served (stale), and
anything else gets a 503 page with Retry-After that says plainly what was not recorded.
(The same against a real PostgreSQL cut off: tests/reliability/test_database_outage.py.)"""

from unittest import mock

import pytest
from django.db import OperationalError
from django.test import Client

from petitions.models import Signature
from tests import factories

pytestmark = pytest.mark.django_db


def database_down():
    return mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("gone"))


def test_a_signer_is_told_plainly_that_the_signature_was_not_recorded():
    petition = factories.petition(title="Free the Zhanaozen oil workers")
    browser = Client(raise_request_exception=False)
    with database_down():
        response = browser.post(f"/petitions/{petition.slug}/sign/", factories.signing_form_data())
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert response["Cache-Control"] == "no-store"
    assert "Your signature was NOT recorded" in response.content.decode()
    assert not Signature.objects.exists()


def test_a_page_the_cache_holds_is_served_stale_and_the_others_get_the_503_page(settings):
    post = factories.article("Still here", categories=[factories.category("Video")])
    reader = Client(raise_request_exception=False)
    assert reader.get("/category/video/")["X-Page-Cache"] == "miss"
    factories.article("An edit: every stored page is now out of date")
    with database_down():
        stale = reader.get("/category/video/")
        other = reader.get(post.get_absolute_url())
    assert stale.status_code == 200 and stale["X-Page-Cache"] == "stale"
    assert "Still here" in stale.content.decode()
    assert other.status_code == 503
    assert "The site is busy for a moment" in other.content.decode()
    assert "OperationalError" not in other.content.decode()


def test_other_errors_still_get_the_500_page():
    with mock.patch("campaign.views.HomeView.get_context_data", side_effect=ValueError("a bug")):
        response = Client(raise_request_exception=False).get("/")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
