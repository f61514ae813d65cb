"""Writing e-mails into the outbox as the site does, and running the real task worker over them."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from outbox.models import OutgoingEmail
from outbox.services import send_later
from outbox.tasks import deliver_email

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

SUBJECT = "Please confirm your signature: Free the Zhanaozen oil workers"
BODY = (
    "Dear Aigerim,\n\nPress the button behind this link to confirm your signature:\n"
    "https://campaign.example/signatures/confirm/abc123/\n"
)


def write_email(to, subject=SUBJECT, body=BODY):
    """An e-mail written into the outbox inside the transaction of the change it reports."""
    with transaction.atomic():
        email = send_later(to=to, subject=subject, body=body)
    return OutgoingEmail.objects.get(pk=email.pk)


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


def queued(task_path):
    """The runs of the task at `task_path` waiting in the queue."""
    return DBTaskResult.objects.filter(status="READY", task_path=task_path)


def queued_deliveries():
    return queued(deliver_email.module_path)


def make_due(email):
    """Let the time pass until the e-mail's next attempt (retry time or lease expiry)."""
    OutgoingEmail.objects.filter(pk=email.pk).update(available_at=timezone.now() - timedelta(seconds=1))
    queued_deliveries().update(run_after=timezone.now() - timedelta(seconds=1))
