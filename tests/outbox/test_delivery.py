"""When the mail server fails, an e-mail in the outbox is retried, never lost or doubled."""

import logging
from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from outbox import tasks
from outbox.models import OutgoingEmail
from tests.mail import mail_server_down

from .delivery import BODY, SUBJECT, make_due, queued_deliveries, run_worker, write_email

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_email_is_delivered_as_soon_as_its_transaction_commits(immediate_tasks):
    with transaction.atomic():
        write_email("aigerim@example.org")
        assert mail.outbox == []

    [message] = mail.outbox
    assert message.to == ["aigerim@example.org"]
    assert (message.subject, message.body) == (SUBJECT, BODY)
    email = OutgoingEmail.objects.get()
    assert message.extra_headers["Message-ID"] == email.message_id
    assert email.sent_at is not None and email.attempts == 1


def test_an_email_written_in_a_transaction_that_rolls_back_is_neither_kept_nor_sent(immediate_tasks):
    class Abort(Exception):
        pass

    with pytest.raises(Abort), transaction.atomic():
        write_email("rolled-back@example.org")
        assert OutgoingEmail.objects.count() == 1
        raise Abort
    assert not OutgoingEmail.objects.exists()
    assert mail.outbox == []


def test_a_failed_email_is_retried_later_and_then_arrives_exactly_once(worker_queue):
    email = write_email("aigerim@example.org")

    with mail_server_down():
        run_worker()

    email.refresh_from_db()
    assert email.sent_at is None and email.attempts == 1
    assert "SMTPException: 451 mail server unavailable" in email.last_error
    retry = queued_deliveries().get()
    assert retry.args_kwargs["args"] == [email.pk]
    assert retry.run_after == email.available_at
    assert timedelta(seconds=25) < email.available_at - timezone.now() <= timedelta(seconds=30)
    run_worker()  # too early: the retry waits for its time
    assert mail.outbox == []

    make_due(email)
    run_worker()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["aigerim@example.org"]
    assert (message.subject, message.body) == (SUBJECT, BODY)  # the e-mail as written, links and all
    email.refresh_from_db()
    assert message.extra_headers["Message-ID"] == email.message_id
    assert email.sent_at is not None and email.attempts == 2


def test_delivering_an_email_twice_sends_it_once(immediate_tasks):
    email = write_email("once@example.org")
    email.refresh_from_db()
    assert email.sent_at is not None and len(mail.outbox) == 1

    make_due(email)
    assert tasks.deliver_email.call(email.pk) == "not due"
    assert len(mail.outbox) == 1


def test_after_the_last_attempt_the_email_is_kept_with_its_error_and_logged(
    worker_queue, settings, mail_server_down, caplog
):
    settings.EMAIL_RETRY_MAX_ATTEMPTS = 2
    email = write_email("unlucky@example.org")
    run_worker()
    make_due(email)

    with caplog.at_level(logging.ERROR, logger="outbox.tasks"):
        run_worker()

    email.refresh_from_db()
    assert (email.sent_at, email.attempts) == (None, 2)
    assert "451" in email.last_error
    assert not queued_deliveries().exists()
    assert "Gave up on e-mail" in caplog.text
    assert "unlucky@example.org" not in caplog.text  # no personal data in the logs
    assert OutgoingEmail.objects.given_up().get() == email
    make_due(email)
    assert tasks.deliver_due_emails.call() == 0
