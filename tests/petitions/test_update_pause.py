"""The editor can pause an update: no more of its e-mails go out until they resume it, and it
then goes on where it stopped, each recipient still once."""

import pytest

from petitions import updates
from petitions.models import Update
from tests import factories
from tests.outbox.delivery import DATABASE_TASKS

from .updating import drain, recipients_of, start_sending, without_caps

# Committed for real: the tasks queued after commit run, as in production.
pytestmark = pytest.mark.django_db(transaction=True)

SIGNERS = 12


@pytest.fixture(autouse=True)
def _worker_queue(settings):
    settings.TASKS = DATABASE_TASKS
    without_caps(settings)


@pytest.fixture
def sending(db, editor):
    petition = factories.petition()
    for number in range(SIGNERS):
        factories.signer(petition, email=f"signer{number:02}@example.org")
    update = start_sending(factories.update(petition=petition), editor)
    updates.list_recipients(update.pk)
    updates.hand_over(update.pk, batch=5)
    return update


def test_pause_stops_delivery_and_resume_continues(sending, settings):
    drain()
    assert len(recipients_of()) == 5
    updates.hand_over(sending.pk, batch=4)  # four more wait in the outbox

    assert updates.pause(sending)
    assert sending.status == Update.Status.PAUSED
    assert updates.advance(sending.pk) is False  # nothing is handed over while paused
    drain()
    assert len(recipients_of()) == 5
    progress = updates.progress(sending)
    assert (progress["sent"], progress["queued"], progress["in_outbox"]) == (5, SIGNERS - 5, 0)

    assert updates.resume(sending)
    while updates.advance(sending.pk):
        drain()
    sending.refresh_from_db()
    assert sending.status == Update.Status.SENT
    assert recipients_of() == [f"signer{number:02}@example.org" for number in range(SIGNERS)]


def test_an_email_already_tried_is_held_at_its_next_attempt_while_paused(sending):
    from datetime import timedelta

    from django.utils import timezone

    from outbox.models import OutgoingEmail
    from tests.mail import mail_server_down

    with mail_server_down():
        drain()  # five attempts failed: they wait for their retry, counted as tried
    assert OutgoingEmail.objects.bulk().filter(attempts=1).count() == 5
    assert updates.pause(sending)
    OutgoingEmail.objects.unsent().update(available_at=timezone.now() - timedelta(seconds=1))
    drain()
    assert recipients_of() == []
    assert updates.progress(sending)["queued"] == SIGNERS

    updates.resume(sending)
    while updates.advance(sending.pk):
        drain()
    assert len(recipients_of()) == SIGNERS


def test_pausing_a_draft_or_resuming_a_sending_update_does_nothing(db, sending):
    draft = factories.update()
    assert updates.pause(draft) is False
    assert updates.resume(sending) is False
    assert Update.objects.get(pk=draft.pk).status == Update.Status.DRAFT
