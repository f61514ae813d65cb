"""Delivering the outbox: work done by the task worker (`manage.py db_worker`), never in a request."""

import logging
import time
from collections import Counter
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from . import holds, pacing, periodic
from .models import OutgoingEmail, Priority, SuppressedAddress
from .signals import email_finished

logger = logging.getLogger(__name__)

# How often the sweep looks for e-mails whose delivery was lost, and how many it takes at once.
EMAIL_SWEEP_INTERVAL = timedelta(minutes=1)
EMAIL_SWEEP_BATCH = 500
# How often e-mails past EMAIL_OUTBOX_RETENTION_DAYS are deleted.
PURGE_INTERVAL = timedelta(hours=24)
# How long one run of the bulk drain sends before handing over to its next run (so that a
# deploy's restart waits for at most this), and how soon it looks again when nothing is due.
BULK_DRAIN_SECONDS = 50
BULK_IDLE_INTERVAL = timedelta(seconds=30)


def _attempt(email):
    """Send one claimed e-mail unless it must not go; record what happened. Returns the outcome.

    The suppression list is checked before every send, confirmations included: a hard bounce
    means the mailbox does not exist, and mailing someone who marked us as spam again is what
    makes providers block a sender, which would stop every signer's confirmation. (A manager
    can take an address off the list: `manage.py suppress_email --remove`.)
    """
    if not email.write():
        email.delete()  # what it was about is gone: nobody is waiting for it
        return "nothing to send"
    if holds.is_unwanted(email):
        with transaction.atomic():
            OutgoingEmail.objects.filter(pk=email.pk, sent_at__isnull=True).delete()
            email_finished.send(OutgoingEmail, email=email, outcome="withdrawn")
        return "withdrawn"
    if SuppressedAddress.objects.is_suppressed(email.to):
        email.record_suppressed()
        return "suppressed"
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
        if email.priority == Priority.TRANSACTIONAL and deliver_email.get_backend().supports_defer:
            deliver_email.using(run_after=retry_at).enqueue(email.pk)
        return "retrying"
    email.record_sent()
    return "sent"


@task
def deliver_email(email_id):
    """Deliver one e-mail from the outbox, retrying later if the mail server fails.

    Guarantees:
    - idempotent: an e-mail already sent, or being sent by another worker, is left alone;
    - the provider's caps hold (outbox/pacing.py): over them, the e-mail waits for the next
      window without losing an attempt;
    - never to an address on the suppression list, nor once its app says it is no longer
      wanted (outbox/holds.py);
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
    wait_until = pacing.take_slot(email.priority)
    if wait_until is not None:
        email.postpone(wait_until)
        if email.priority == Priority.TRANSACTIONAL and deliver_email.get_backend().supports_defer:
            deliver_email.using(run_after=wait_until).enqueue(email.pk)
        return "over the cap"
    return _attempt(email)


@task
def deliver_bulk_emails():
    """The drain: send bulk e-mails (updates), oldest first, as fast as the caps allow.

    Bulk e-mails have no task each (100,000 of them would be 100,000 queued tasks): this one
    claims them one at a time (a lease each, as `deliver_email`), so several drains at once
    never send the same e-mail. It stops after BULK_DRAIN_SECONDS, or when the bulk share of
    a window is used up, and queues its next run then (or the next window). Idempotent.
    """
    deadline = time.monotonic() + BULK_DRAIN_SECONDS
    outcomes = Counter()
    next_run = None
    try:
        while time.monotonic() < deadline:
            moment = pacing.now()
            next_run = pacing.take_slot(Priority.BULK, moment)
            if next_run is not None:
                break
            email = OutgoingEmail.objects.claim_next_bulk()
            if email is None:
                pacing.give_back(Priority.BULK, moment)
                next_run = timezone.now() + BULK_IDLE_INTERVAL
                break
            outcome = _attempt(email)
            if outcome in ("withdrawn", "suppressed", "nothing to send"):
                pacing.give_back(Priority.BULK, moment)
            outcomes[outcome] += 1
    finally:
        if deliver_bulk_emails.get_backend().supports_defer:
            periodic.schedule_next(
                deliver_bulk_emails, delay=max((next_run or timezone.now()) - timezone.now(), timedelta(0))
            )
    return dict(outcomes)


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
        # Bulk e-mails are the drain's (deliver_bulk_emails): no task each.
        due = (
            OutgoingEmail.objects.due().transactional().order_by("available_at").values_list("pk", flat=True)
        )
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
        pacing.purge_before(timezone.now())
    finally:
        periodic.schedule_next(purge_old_emails)
    return deleted


@task
def confirm_sns_subscription(url):
    """Open the SubscribeURL Amazon SNS sent to the bounce webhook, which confirms the
    subscription. The URL was checked to be Amazon's (bounces.sns_confirmation_url)."""
    from urllib.request import urlopen

    from .bounces import sns_confirmation_url

    url = sns_confirmation_url({"SubscribeURL": url})
    with urlopen(url, timeout=20) as response:  # noqa: S310 (https to *.amazonaws.com only)
        return response.status
