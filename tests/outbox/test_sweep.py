"""The sweep hands on every e-mail whose delivery was lost: its worker killed mid-send, or never queued."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from outbox import tasks
from outbox.models import OutgoingEmail

from .delivery import queued_deliveries, run_worker, write_email

pytestmark = pytest.mark.django_db(transaction=True)


def simulate_a_worker_killed_while_sending(email):
    """The worker took the task and leased the e-mail, then died: its task stays RUNNING for ever."""
    queued_deliveries().update(status="RUNNING", started_at=timezone.now())
    assert OutgoingEmail.objects.claim(email.pk) is not None


def test_the_sweep_redelivers_an_email_whose_worker_died_once_its_lease_expires(worker_queue):
    email = write_email("interrupted@example.org")
    simulate_a_worker_killed_while_sending(email)

    assert tasks.deliver_due_emails.call() == 0  # the lease still runs: the worker may be alive
    assert not queued_deliveries().exists()
    run_worker()
    assert mail.outbox == []

    OutgoingEmail.objects.filter(pk=email.pk).update(available_at=timezone.now() - timedelta(seconds=1))
    assert tasks.deliver_due_emails.call() == 1
    run_worker()

    assert [message.to for message in mail.outbox] == [["interrupted@example.org"]]
    email.refresh_from_db()
    assert email.sent_at is not None and email.attempts == 2
    assert tasks.deliver_due_emails.call() == 0


def test_the_sweep_leaves_alone_emails_whose_delivery_is_already_queued(worker_queue):
    write_email("waiting@example.org")
    assert queued_deliveries().count() == 1

    assert tasks.deliver_due_emails.call() == 0
    assert queued_deliveries().count() == 1


def test_the_sweep_delivers_an_email_whose_delivery_was_never_queued(worker_queue):
    write_email("lost-task@example.org")
    queued_deliveries().delete()  # say the process died between the commit and the queuing

    assert tasks.deliver_due_emails.call() == 1
    run_worker()
    assert [message.to for message in mail.outbox] == [["lost-task@example.org"]]
