"""/petitions/<slug>.json: the public count for partners' sites."""

from datetime import date

import pytest

from petitions.models import Petition
from tests import factories
from tests.factories import DRAFT, confirmed_signatures, sign

pytestmark = pytest.mark.django_db


def test_the_json_gives_count_goal_and_status_to_any_site(client):
    petition = factories.petition(goal=5000, deadline=date(2099, 12, 31))
    confirmed_signatures(petition, 12)
    sign(petition, email="unconfirmed@example.org")

    response = client.get(f"/petitions/{petition.slug}.json", HTTP_ORIGIN="https://partner.example")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "max-age=5" in response["Cache-Control"]
    assert response.json() == {
        "title": petition.title,
        "slug": petition.slug,
        "url": f"http://testserver{petition.get_absolute_url()}",
        "count": 12,
        "goal": 5000,
        "status": "open",
        "is_open": True,
        "deadline": "2099-12-31",
    }


def test_the_json_of_a_closed_petition_says_so(client):
    petition = factories.petition(action_status=Petition.ActionStatus.WON)
    data = client.get(f"/petitions/{petition.slug}.json").json()
    assert (data["status"], data["is_open"], data["count"]) == ("won", False, 0)


def test_the_json_holds_nothing_about_signers(client, petition):
    confirmed_signatures(petition, 3)
    body = client.get(f"/petitions/{petition.slug}.json").content.decode()
    assert "example.org" not in body
    assert "Signer" not in body


def test_unpublished_and_unknown_petitions_are_not_found(client):
    draft = factories.petition(status=DRAFT)
    assert client.get(f"/petitions/{draft.slug}.json").status_code == 404
    assert client.get("/petitions/no-such-petition.json").status_code == 404


def test_only_get_is_allowed(client, petition):
    assert client.post(f"/petitions/{petition.slug}.json").status_code == 405
