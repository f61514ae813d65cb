"""When an editor closes the actions for a released prisoner and asks for it, a draft update to
those petitions' signers is waiting in the admin: written, never sent until they send it."""

from datetime import date

import pytest

from petitions.models import Update
from tests import factories

pytestmark = pytest.mark.django_db

RELEASE_DAY = date(2014, 3, 12)


@pytest.fixture
def released(editor):
    prisoner = factories.prisoner("Roza Tuleteva")
    petition = factories.petition(title="Free Roza Tuleteva")
    petition.prisoners.add(prisoner)
    factories.signer(petition, email="aigul@example.org")
    event = factories.status_change(prisoner, "released", date=RELEASE_DAY)
    return prisoner, petition, f"/admin/prisoners/prisoner/{prisoner.pk}/outcome/{event.pk}/"


def test_asking_for_an_update_leaves_one_draft_about_the_prisoner_and_sends_nothing(
    client, editor, released, mailoutbox
):
    prisoner, petition, url = released
    client.force_login(editor)

    client.post(
        url,
        {"close_petitions": [petition.pk], "message": "Roza is free.", "draft_update": "on", "close": "Yes"},
    )

    update = Update.objects.get()
    assert update.prisoner == prisoner and update.status == Update.Status.DRAFT
    assert update.subject_en == "Roza Tuleteva: Released on 12 March 2014"
    assert update.subject_ru.startswith("Roza Tuleteva: ") and "2014" in update.subject_ru
    assert "Roza is free." in update.body and "Free Roza Tuleteva" in update.body
    assert update.created_by == editor
    assert mailoutbox == []
    assert not update.recipients.exists()


def test_closing_without_asking_drafts_nothing(client, editor, released):
    _prisoner, petition, url = released
    client.force_login(editor)

    client.post(url, {"close_petitions": [petition.pk], "message": "Roza is free.", "close": "Yes"})

    assert not Update.objects.exists()
