"""A worker killed at any point of sending an update (while listing recipients, while handing
them to the outbox, between two e-mails of a batch) and started again sends each opted-in
signer the update exactly once: nobody twice, nobody skipped."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.utils import timezone

from outbox.models import OutgoingEmail
from petitions import updates
from petitions.models import Update, UpdateRecipient
from tests import factories
from tests.outbox.delivery import DATABASE_TASKS

from .updating import drain, recipients_of, start_sending, without_caps

# Committed for real: the tasks queued after commit run, as in production.
pytestmark = pytest.mark.django_db(transaction=True)

SIGNERS = 23


class WorkerKilled(BaseException):
    """What the worker's process dying looks like to the code it was running: it stops there.
    (A BaseException, as SIGKILL is: no `except Exception` in the code under test catches it.)"""


@pytest.fixture(autouse=True)
def _worker_queue(settings):
    """Tasks wait in the database queue: these tests run the worker's steps themselves."""
    settings.TASKS = DATABASE_TASKS
    without_caps(settings)


@pytest.fixture
def update(db, editor):
    petition = factories.petition()
    for number in range(SIGNERS):
        factories.signer(petition, email=f"signer{number}@example.org")
    factories.signer(petition, email="no-news@example.org", wants_updates=False)
    return start_sending(factories.update(petition=petition), editor)


def killed_on_call(number, function):
    """A stand-in for `function` that runs it normally, except that the `number`-th call dies first."""
    calls = {"n": 0}

    def wrapper(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == number:
            raise WorkerKilled
        return function(*args, **kwargs)

    return wrapper


def restart_after_leases_expire():
    """What happens once a killed worker's leases have run out: its e-mails are due again."""
    OutgoingEmail.objects.unsent().update(available_at=timezone.now() - timedelta(seconds=1))


def send_to_the_end(update):
    while updates.advance(update.pk):
        restart_after_leases_expire()
        drain()
    update.refresh_from_db()
    assert update.status == Update.Status.SENT


def test_killed_while_listing_recipients(update, monkeypatch):
    monkeypatch.setattr(updates, "LIST_BATCH", 5)
    original = UpdateRecipient.objects.bulk_create
    with (
        mock.patch.object(UpdateRecipient.objects, "bulk_create", killed_on_call(3, original)),
        pytest.raises(WorkerKilled),
    ):
        updates.list_recipients(update.pk, batch=5)
    assert UpdateRecipient.objects.filter(update=update).count() == 10  # two batches kept, the third lost

    send_to_the_end(update)

    assert recipients_of() == sorted(f"signer{number}@example.org" for number in range(SIGNERS))


def test_killed_while_handing_a_batch_to_the_outbox(update):
    updates.list_recipients(update.pk)
    original = updates.send_bulk_later
    with (
        mock.patch.object(updates, "send_bulk_later", killed_on_call(2, original)),
        pytest.raises(WorkerKilled),
    ):
        updates.hand_over(update.pk, batch=10)
        updates.hand_over(update.pk, batch=10)
    assert OutgoingEmail.objects.bulk().count() == 10  # the first batch; the second rolled back whole
    assert update.recipients.filter(state=UpdateRecipient.State.IN_OUTBOX).count() == 10

    send_to_the_end(update)

    assert recipients_of() == sorted(f"signer{number}@example.org" for number in range(SIGNERS))


def test_killed_between_two_emails_of_a_batch_then_restarted(update):
    updates.advance(update.pk)  # every recipient handed to the outbox
    original = EmailBackend.send_messages
    with (
        mock.patch.object(
            EmailBackend, "send_messages", autospec=True, side_effect=killed_on_call(8, original)
        ),
        pytest.raises(WorkerKilled),
    ):
        drain()
    assert len(mail.outbox) == 7
    # A worker started again sends the rest, but not the e-mail the dead one had claimed: its lease
    # still holds it (the dead worker may have handed it to the mail server a moment before dying).
    assert drain() == {"sent": SIGNERS - 8}
    assert len(mail.outbox) == SIGNERS - 1

    send_to_the_end(update)

    assert recipients_of() == sorted(f"signer{number}@example.org" for number in range(SIGNERS))
    assert updates.progress(update)["sent"] == SIGNERS
