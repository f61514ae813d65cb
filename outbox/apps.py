from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    """The e-mail outbox: every e-mail the site sends, stored with the change it reports and
    delivered by the task worker, with retries and leases; and the worker's periodic tasks."""

    name = "outbox"
    verbose_name = _("E-mail outbox")

    def ready(self):
        from . import periodic, tasks

        periodic.register(
            tasks.deliver_due_emails, every=tasks.EMAIL_SWEEP_INTERVAL, first_run_after=timedelta(0)
        )
        periodic.register(tasks.purge_old_emails, every=tasks.PURGE_INTERVAL)
        # Bulk mail (updates) at the configured rate; each run queues the next itself.
        periodic.register(tasks.deliver_bulk_emails, every=timedelta(minutes=1), first_run_after=timedelta(0))
