"""When the mail server fails, the signature is kept and its e-mail is retried, never lost or doubled."""

import logging
from datetime import timedelta
from smtplib import SMTPException
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from petitions import tasks
from petitions.models import OutgoingEmail, Signature

from .conftest import form_data, links_in, sign

pytestmark = pytest.mark.django_db(transaction=True)

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def mail_server_down():
    """Every attempt to hand an e-mail to the mail server fails, as when SMTP is down."""
    with mock.patch(
        "django.core.mail.backends.locmem.EmailBackend.send_messages",
        side_effect=SMTPException("451 mail server unavailable"),
    ) as send_messages:
        yield send_messages


@pytest.fixture
def worker_queue(settings):
    """Tasks wait in the database queue, as in production, until `run_worker()` runs them."""
    settings.TASKS = DATABASE_TASKS
    settings.EMAIL_RETRY_BACKOFF_SECONDS = 30
    settings.EMAIL_LEASE_SECONDS = 600


def run_worker():
    """One pass of the real worker loop over every task that is due now."""
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    ).run()


def queued_deliveries():
    return DBTaskResult.objects.filter(status="READY", task_path=tasks.deliver_email.module_path)


def make_due(email):
    """Let the time pass until the e-mail's next attempt (retry time or lease expiry)."""
    OutgoingEmail.objects.filter(pk=email.pk).update(available_at=timezone.now() - timedelta(seconds=1))
    queued_deliveries().update(run_after=timezone.now() - timedelta(seconds=1))


def test_a_supporter_signing_while_the_mail_server_is_down_is_kept_and_told_to_check_their_email(
    client, petition, mail_server_down
):
    response = client.post(f"/petitions/{petition.slug}/sign/", form_data(email="tom@example.org"))

    assert response.status_code == 302
    assert response["Location"] == f"/petitions/{petition.slug}/check-your-email/"
    assert Signature.objects.get().email == "tom@example.org"
    email = OutgoingEmail.objects.get()
    assert (email.to, email.sent_at, email.attempts) == ("tom@example.org", None, 1)
    assert "451 mail server unavailable" in email.last_error
    assert mail.outbox == []


def test_a_failed_email_is_retried_later_and_then_arrives_exactly_once(petition, worker_queue):
    sign(petition, email="aigerim@example.org")
    email = OutgoingEmail.objects.get()

    with mock.patch(
        "django.core.mail.backends.locmem.EmailBackend.send_messages",
        side_effect=SMTPException("451 mail server unavailable"),
    ):
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
    assert "confirm your signature" in message.subject.lower()
    assert links_in(message)["confirm"].startswith("/signatures/confirm/")
    email.refresh_from_db()
    assert message.extra_headers["Message-ID"] == email.message_id
    assert email.sent_at is not None and email.attempts == 2
    assert Signature.objects.get().email == "aigerim@example.org"


def test_delivering_an_email_twice_sends_it_once(petition):
    sign(petition, email="once@example.org")
    email = OutgoingEmail.objects.get()
    assert email.sent_at is not None and len(mail.outbox) == 1

    make_due(email)
    assert tasks.deliver_email.call(email.pk) == "not due"
    assert len(mail.outbox) == 1


def test_the_email_is_written_with_the_signature_and_rolled_back_with_it(petition):
    from django.db import transaction

    class Abort(Exception):
        pass

    with pytest.raises(Abort), transaction.atomic():
        sign(petition, email="rolled-back@example.org")
        assert OutgoingEmail.objects.count() == 1
        raise Abort
    assert not OutgoingEmail.objects.exists()
    assert mail.outbox == []


def test_after_the_last_attempt_the_email_is_kept_with_its_error_and_logged(
    petition, worker_queue, settings, mail_server_down, caplog
):
    settings.EMAIL_RETRY_MAX_ATTEMPTS = 2
    sign(petition, email="unlucky@example.org")
    email = OutgoingEmail.objects.get()
    run_worker()
    make_due(email)

    with caplog.at_level(logging.ERROR, logger="petitions.tasks"):
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


def simulate_a_worker_killed_while_sending(email):
    """The worker took the task and leased the e-mail, then died: its task stays RUNNING for ever."""
    queued_deliveries().update(status="RUNNING", started_at=timezone.now())
    assert OutgoingEmail.objects.claim(email.pk) is not None


def test_the_sweep_redelivers_an_email_whose_worker_died_once_its_lease_expires(petition, worker_queue):
    sign(petition, email="interrupted@example.org")
    email = OutgoingEmail.objects.get()
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


def test_the_sweep_leaves_alone_emails_whose_delivery_is_already_queued(petition, worker_queue):
    sign(petition, email="waiting@example.org")
    assert queued_deliveries().count() == 1

    assert tasks.deliver_due_emails.call() == 0
    assert queued_deliveries().count() == 1


def test_the_sweep_delivers_an_email_whose_delivery_was_never_queued(petition, worker_queue):
    sign(petition, email="lost-task@example.org")
    queued_deliveries().delete()  # say the process died between the commit and the queuing

    assert tasks.deliver_due_emails.call() == 1
    run_worker()
    assert [message.to for message in mail.outbox] == [["lost-task@example.org"]]


def test_the_sweep_keeps_exactly_one_future_run_queued(worker_queue):
    call_command("start_periodic_tasks")
    call_command("start_periodic_tasks")
    sweeps = DBTaskResult.objects.filter(status="READY", task_path=tasks.deliver_due_emails.module_path)
    maintenance = DBTaskResult.objects.filter(status="READY", task_path=tasks.run_maintenance.module_path)
    assert sweeps.count() == 1 and maintenance.count() == 1
    assert sweeps.get().run_after <= timezone.now()  # the first sweep runs at once

    run_worker()

    next_sweep = sweeps.get()
    assert timedelta(seconds=50) < next_sweep.run_after - timezone.now() <= timedelta(minutes=1)
    assert maintenance.count() == 1


def test_withdrawing_a_signature_deletes_its_emails(client, petition):
    sign(petition, email="changed-my-mind@example.org")
    assert OutgoingEmail.objects.count() == 1
    client.post(links_in(mail.outbox[-1])["withdraw"])
    assert not Signature.objects.exists()
    assert not OutgoingEmail.objects.exists()


def test_maintenance_deletes_emails_sent_long_ago_but_keeps_recent_and_unsent_ones(
    petition, settings, mail_server_down
):
    settings.EMAIL_OUTBOX_RETENTION_DAYS = 7
    for address in ("old@example.org", "recent@example.org", "unsent@example.org"):
        sign(petition, email=address)
    OutgoingEmail.objects.exclude(to="unsent@example.org").update(sent_at=timezone.now())
    OutgoingEmail.objects.exclude(to="recent@example.org").update(
        created_at=timezone.now() - timedelta(days=8)
    )

    assert tasks.purge_old_emails() == 1
    assert sorted(OutgoingEmail.objects.values_list("to", flat=True)) == [
        "recent@example.org",
        "unsent@example.org",
    ]


def test_the_admin_shows_the_outbox_to_superusers_only(client, petition, django_user_model):
    sign(petition, email="private@example.org")
    email = OutgoingEmail.objects.get()
    editor = django_user_model.objects.create_user("editor", password="x" * 12, is_staff=True)
    client.force_login(editor)
    assert client.get("/admin/petitions/outgoingemail/").status_code == 403

    client.force_login(django_user_model.objects.create_superuser("root", "root@example.org", "x" * 12))
    assert "private@example.org" in client.get("/admin/petitions/outgoingemail/").content.decode()
    page = client.get(f"/admin/petitions/outgoingemail/{email.pk}/change/").content.decode()
    assert email.message_id.strip("<>") in page
    assert 'name="_save"' not in page  # read-only
