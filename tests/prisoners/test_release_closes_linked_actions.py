"""A prisoner's release, saved in their timeline, closes the appeals and petitions for them, but
only once the editor confirms on the page the admin shows after saving."""

import re
from datetime import date

import pytest

from appeals.models import Appeal
from petitions.models import Petition
from prisoners import outcomes
from prisoners.models import Prisoner, PrisonerEvent
from tests import factories
from tests.admin_forms import admin_form_data, inline_prefix

pytestmark = pytest.mark.django_db

RELEASE_DAY = date(2014, 3, 12)


@pytest.fixture
def prisoner():
    return factories.prisoner("Roza Tuleteva", situation=Prisoner.Situation.SENTENCED)


@pytest.fixture
def actions(prisoner):
    petition = factories.petition(title="Free Roza Tuleteva")
    petition.prisoners.add(prisoner)
    appeal = factories.appeal("Write to the embassy for Roza", prisoners=[prisoner])
    unrelated = factories.petition(title="Free the Zhanaozen strikers")
    return petition, appeal, unrelated


def change_url(prisoner):
    return f"/admin/prisoners/prisoner/{prisoner.pk}/change/"


def save_with_new_event(client, prisoner, **event):
    """Post the prisoner's change form as it stands, with one new timeline row."""
    page = client.get(change_url(prisoner))
    prefix = inline_prefix(page, PrisonerEvent)
    data = admin_form_data(page)
    row = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(row + 1)
    fields = {
        "date": "2014-03-12",
        "date_precision": "day",
        "title_en": "Released",
        "description_en": "",
        **event,
    }
    data.update({f"{prefix}-{row}-{name}": value for name, value in fields.items()})
    return client.post(change_url(prisoner), data)


def is_open(action):
    return type(action).objects.get(pk=action.pk).is_open


def test_saving_a_release_leads_to_the_confirmation_page_and_closes_nothing(
    client, editor, prisoner, actions
):
    client.force_login(editor)
    response = save_with_new_event(client, prisoner, status_change="released")

    event = prisoner.events.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/prisoners/prisoner/{prisoner.pk}/outcome/{event.pk}/"
    assert all(is_open(action) for action in actions)


def test_the_confirmation_page_lists_the_open_actions_for_them_and_closes_nothing(
    client, editor, prisoner, actions
):
    event = factories.status_change(prisoner, "released", date=RELEASE_DAY)
    client.force_login(editor)

    page = client.get(f"/admin/prisoners/prisoner/{prisoner.pk}/outcome/{event.pk}/")

    html = page.content.decode()
    assert page.status_code == 200
    assert "Free Roza Tuleteva" in html and "Write to the embassy for Roza" in html
    assert "Free the Zhanaozen strikers" not in html
    assert all(is_open(action) for action in actions)


def test_confirming_closes_the_ticked_actions_with_the_outcome_and_the_editors_message(
    client, editor, prisoner, actions
):
    petition, appeal, unrelated = actions
    event = factories.status_change(prisoner, "released", date=RELEASE_DAY)
    client.force_login(editor)

    response = client.post(
        f"/admin/prisoners/prisoner/{prisoner.pk}/outcome/{event.pk}/",
        {
            "close_petitions": [petition.pk],
            "close_appeals": [appeal.pk],
            "message": "Thank you to everyone who signed and wrote.",
            "close": "Yes",
        },
    )

    assert response.status_code == 302
    for closed in (Petition.objects.get(pk=petition.pk), Appeal.objects.get(pk=appeal.pk)):
        assert not closed.is_open
        assert closed.closed_at is not None
        assert (closed.outcome, closed.outcome_on) == ("released", RELEASE_DAY)
        assert closed.outcome_message == "Thank you to everyone who signed and wrote."
    assert is_open(unrelated)


def test_keeping_them_open_closes_nothing(client, editor, prisoner, actions):
    event = factories.status_change(prisoner, "released", date=RELEASE_DAY)
    client.force_login(editor)

    petition, appeal, _unrelated = actions
    response = client.post(
        f"/admin/prisoners/prisoner/{prisoner.pk}/outcome/{event.pk}/",
        {"close_petitions": [petition.pk], "close_appeals": [appeal.pk], "message": "x", "keep_open": "No"},
    )

    assert response.status_code == 302
    assert all(is_open(action) for action in actions)


def test_confirming_with_nothing_ticked_asks_again_and_closes_nothing(client, editor, prisoner, actions):
    event = factories.status_change(prisoner, "released", date=RELEASE_DAY)
    client.force_login(editor)

    response = client.post(
        f"/admin/prisoners/prisoner/{prisoner.pk}/outcome/{event.pk}/", {"message": "x", "close": "Yes"}
    )

    assert response.status_code == 200
    assert "Tick what to close" in response.content.decode()
    assert all(is_open(action) for action in actions)


def test_only_the_actions_of_that_prisoner_can_be_closed_from_their_page(client, editor, prisoner, actions):
    _petition, _appeal, unrelated = actions
    event = factories.status_change(prisoner, "released", date=RELEASE_DAY)
    client.force_login(editor)

    response = client.post(
        f"/admin/prisoners/prisoner/{prisoner.pk}/outcome/{event.pk}/",
        {"close_petitions": [unrelated.pk], "message": "x", "close": "Yes"},
    )

    assert response.status_code == 200  # not a choice on this page: the form is shown again
    assert is_open(unrelated)


def test_a_transfer_offers_to_close_nothing(client, editor, prisoner, actions):
    client.force_login(editor)
    response = save_with_new_event(
        client, prisoner, status_change="transferred", title_en="Moved to Pavlodar"
    )

    assert response.status_code == 302
    assert "/outcome/" not in response["Location"]
    assert all(is_open(action) for action in actions)


def test_after_a_death_nothing_is_ticked_in_advance(client, editor, prisoner, actions):
    event = factories.status_change(prisoner, "died", date=RELEASE_DAY)
    client.force_login(editor)

    page = client.get(f"/admin/prisoners/prisoner/{prisoner.pk}/outcome/{event.pk}/")

    assert page.status_code == 200
    boxes = action_checkboxes(page)
    assert len(boxes) == 2
    assert not any("checked" in box for box in boxes)


def test_after_a_release_every_action_for_them_is_ticked_in_advance(client, editor, prisoner, actions):
    event = factories.status_change(prisoner, "released", date=RELEASE_DAY)
    client.force_login(editor)

    boxes = action_checkboxes(client.get(f"/admin/prisoners/prisoner/{prisoner.pk}/outcome/{event.pk}/"))

    assert len(boxes) == 2
    assert all("checked" in box for box in boxes)


def action_checkboxes(page):
    return re.findall(r'<input type="checkbox" name="close_[a-z]+"[^>]*>', page.content.decode())


def test_visitors_and_editors_without_the_permission_cannot_reach_the_confirmation(client, prisoner, actions):
    event = factories.status_change(prisoner, "released", date=RELEASE_DAY)
    url = f"/admin/prisoners/prisoner/{prisoner.pk}/outcome/{event.pk}/"
    petition, appeal, _unrelated = actions
    data = {"close_petitions": [petition.pk], "close_appeals": [appeal.pk], "message": "x", "close": "Yes"}

    assert client.post(url, data).status_code == 302  # to the login page
    client.force_login(factories.manager())  # may view petitions, not change prisoners
    assert client.post(url, data).status_code == 403
    assert all(is_open(action) for action in actions)


@pytest.fixture
def drafted(monkeypatch):
    """A stand-in for the app that drafts updates to signers, recording what it is asked."""
    calls = []

    def draft(closed, *, prisoner, outcome, user):
        calls.append({"closed": closed, "prisoner": prisoner, "outcome": outcome, "user": user})

    monkeypatch.setattr(outcomes, "_update_drafters", [draft])
    return calls


def test_an_update_is_drafted_for_what_was_closed_only_when_the_editor_asks(
    client, editor, prisoner, actions, drafted
):
    petition, appeal, _unrelated = actions
    event = factories.status_change(prisoner, "released", date=RELEASE_DAY)
    url = f"/admin/prisoners/prisoner/{prisoner.pk}/outcome/{event.pk}/"
    client.force_login(editor)

    assert 'name="draft_update"' in client.get(url).content.decode()
    assert drafted == []

    client.post(url, {"close_petitions": [petition.pk], "message": "Thank you.", "close": "Yes"})
    assert drafted == []  # closed, and no update asked for

    client.post(
        url, {"close_appeals": [appeal.pk], "message": "Thank you.", "draft_update": "on", "close": "Yes"}
    )
    assert len(drafted) == 1
    assert [action.pk for action in drafted[0]["closed"]["appeals"]] == [appeal.pk]
    assert drafted[0]["outcome"].change == "released" and drafted[0]["outcome"].on == RELEASE_DAY


def test_without_an_app_that_drafts_updates_the_page_does_not_offer_one(
    client, editor, prisoner, actions, monkeypatch
):
    monkeypatch.setattr(outcomes, "_update_drafters", [])
    event = factories.status_change(prisoner, "released", date=RELEASE_DAY)
    client.force_login(editor)

    html = client.get(f"/admin/prisoners/prisoner/{prisoner.pk}/outcome/{event.pk}/").content.decode()

    assert 'name="draft_update"' not in html
