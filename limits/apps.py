from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LimitsConfig(AppConfig):
    """Hourly counters for the limits against floods (signings from one address, e-mails to
    one signer, letters reported from one address), shared by every worker and server."""

    name = "limits"
    verbose_name = _("Abuse limits")

    def ready(self):
        from outbox import periodic

        from . import tasks

        periodic.register(tasks.purge_expired_counters, every=timedelta(hours=1))
