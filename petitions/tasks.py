"""Work done by the task worker (`manage.py db_worker`), never in a request."""

import logging
from datetime import timedelta

from django.conf import settings
from django.tasks import task
from django.utils import timezone

from . import services
from .models import OutgoingEmail, Petition

logger = logging.getLogger(__name__)

# How often the sweep looks for e-mails whose delivery was lost, and how many it takes at once.
EMAIL_SWEEP_INTERVAL = timedelta(minutes=1)
EMAIL_SWEEP_BATCH = 500


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
    run, EMAIL_SWEEP_INTERVAL from now, keeping one future run queued, never more.
    Harmless to run at any time: delivery claims each e-mail, so one queued twice is sent once.
    """
    handed_over = 0
    try:
        queued = {args[0] for args in _queued_args(deliver_email) if args}
        due = OutgoingEmail.objects.due().order_by("available_at").values_list("pk", flat=True)
        # Enough rows that those already queued cannot crowd out the rest of the batch.
        for pk in due[: EMAIL_SWEEP_BATCH + len(queued)]:
            if pk not in queued and handed_over < EMAIL_SWEEP_BATCH:
                deliver_email.enqueue(pk)
                handed_over += 1
    finally:
        schedule_email_sweep()
    return handed_over


def schedule_email_sweep(delay=EMAIL_SWEEP_INTERVAL):
    """Queue the next sweep after `delay`, unless one is already queued or the backend cannot defer.

    Returns the queued task result, or None.
    """
    if not deliver_due_emails.get_backend().supports_defer or _queued_args(deliver_due_emails):
        return None
    return deliver_due_emails.using(run_after=timezone.now() + delay).enqueue()


def purge_old_emails(now=None):
    """Delete e-mails sent (or given up) more than EMAIL_OUTBOX_RETENTION_DAYS ago. Idempotent."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.EMAIL_OUTBOX_RETENTION_DAYS)
    deleted, _ = OutgoingEmail.objects.finished_before(cutoff).delete()
    return deleted


@task
def reconcile_counts(petition_id=None):
    """Recount one petition (or every petition) exactly from its signatures. Idempotent."""
    petitions = Petition.objects.all() if petition_id is None else Petition.objects.filter(pk=petition_id)
    return {str(pk): services.reconcile_counts(pk) for pk in petitions.values_list("pk", flat=True)}


@task
def apply_retention():
    """Delete old unconfirmed signatures and anonymise those of long-closed petitions. Idempotent."""
    report = services.apply_retention()
    return {"deleted_unconfirmed": report.deleted_unconfirmed, "anonymised": report.anonymised}


@task
def run_maintenance():
    """The periodic job: retention, an exact recount of every petition and the purge of old
    e-mails, then queue the next run.

    Runs every PETITIONS_MAINTENANCE_INTERVAL_HOURS once started (`manage.py
    start_periodic_tasks`); it keeps one future run queued, never more.
    """
    result = {
        "retention": apply_retention.call(),
        "counts": reconcile_counts.call(),
        "emails_purged": purge_old_emails(),
    }
    schedule_maintenance()
    return result


def _queued_args(task):
    """The arguments of each run of `task` waiting in the queue (empty when the backend cannot tell)."""
    backend = task.get_backend()
    if type(backend).__module__.startswith("django_tasks_db"):
        from django_tasks_db.models import DBTaskResult

        waiting = DBTaskResult.objects.filter(status="READY", task_path=task.module_path)
        return [args_kwargs["args"] for args_kwargs in waiting.values_list("args_kwargs", flat=True)]
    return []


def schedule_maintenance():
    """Queue the next maintenance run, unless one is already queued or the backend cannot defer.

    Returns the queued task result, or None.
    """
    if not run_maintenance.get_backend().supports_defer or _queued_args(run_maintenance):
        return None
    run_after = timezone.now() + timedelta(hours=settings.PETITIONS_MAINTENANCE_INTERVAL_HOURS)
    return run_maintenance.using(run_after=run_after).enqueue()
