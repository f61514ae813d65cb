"""Delivering the outbox: work done by the task worker (`manage.py db_worker`), never in a request."""

import logging
from datetime import timedelta

from django.conf import settings
from django.tasks import task
from django.utils import timezone

from . import periodic
from .models import OutgoingEmail

logger = logging.getLogger(__name__)

# How often the sweep looks for e-mails whose delivery was lost, and how many it takes at once.
EMAIL_SWEEP_INTERVAL = timedelta(minutes=1)
EMAIL_SWEEP_BATCH = 500
# How often e-mails past EMAIL_OUTBOX_RETENTION_DAYS are deleted.
PURGE_INTERVAL = timedelta(hours=24)


@task
def deliver_email(email_id):
    """Deliver one e-mail from the outbox, retrying later if the mail server fails.

    Guarantees:
    - idempotent: an e-mail already sent, or being sent by another worker, is left alone;
    - a failure is recorded on the row and retried after a growing wait (this task queues
      itself again), up to EMAIL_RETRY_MAX_ATTEMPTS attempts; then it gives up and logs;
    - sending happens outside any transaction, under a lease: if the worker dies mid-send
      the lease expires and the sweep queues the e-mail again. The e-mail then goes out at
      most twice, with the same Message-ID, only if the worker died after the mail server
      accepted it and before the row was marked sent.
    """
    email = OutgoingEmail.objects.claim(email_id)
    if email is None:
        return "not due"
    if not email.write():
        email.delete()  # what it was about is gone: nobody is waiting for it
        return "nothing to send"
    try:
        email.message().send()
    except Exception as error:
        retry_at = email.record_failure(error)
        if retry_at is None:
            logger.error(
                "Gave up on e-mail %s (%s) after %d attempts: %s",
                email.pk,
                email.message_id,
                email.attempts,
                email.last_error,
            )
            return "gave up"
        logger.warning("E-mail %s not delivered, retrying at %s: %s", email.pk, retry_at, email.last_error)
        if deliver_email.get_backend().supports_defer:
            deliver_email.using(run_after=retry_at).enqueue(email.pk)
        return "retrying"
    email.record_sent()
    return "sent"


@task
def deliver_due_emails():
    """The periodic sweep: queue delivery of every e-mail that is due and has none queued.

    Recovers e-mails whose delivery was lost: a worker killed mid-send (its lease has
    expired), a retry or first delivery that was never queued. Then queues its own next
    run, EMAIL_SWEEP_INTERVAL from now. Harmless to run at any time: delivery claims each
    e-mail, so one queued twice is sent once.
    """
    handed_over = 0
    try:
        queued = {args[0] for args in periodic.queued_args(deliver_email) if args}
        due = OutgoingEmail.objects.due().order_by("available_at").values_list("pk", flat=True)
        # Enough rows that those already queued cannot crowd out the rest of the batch.
        for pk in due[: EMAIL_SWEEP_BATCH + len(queued)]:
            if pk not in queued and handed_over < EMAIL_SWEEP_BATCH:
                deliver_email.enqueue(pk)
                handed_over += 1
    finally:
        periodic.schedule_next(deliver_due_emails)
    return handed_over


@task
def purge_old_emails():
    """Delete e-mails sent (or given up) more than EMAIL_OUTBOX_RETENTION_DAYS ago, then queue
    the next purge. Idempotent."""
    try:
        cutoff = timezone.now() - timedelta(days=settings.EMAIL_OUTBOX_RETENTION_DAYS)
        deleted, _ = OutgoingEmail.objects.finished_before(cutoff).delete()
    finally:
        periodic.schedule_next(purge_old_emails)
    return deleted
