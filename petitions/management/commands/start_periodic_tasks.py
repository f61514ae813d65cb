from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand

from petitions import tasks


class Command(BaseCommand):
    help = (
        "Queue the worker's periodic tasks unless they are already queued: the e-mail sweep (now, then "
        "every minute) and the maintenance run (retention, recount, purge of old e-mails). Run it at every "
        "deploy and start; running it again changes nothing."
    )

    def handle(self, *args, **options):
        if tasks.schedule_email_sweep(delay=timedelta(0)) is None:
            self.stdout.write("E-mail sweep: already queued (or the task backend cannot defer).")
        else:
            self.stdout.write("E-mail sweep queued: now, then every minute.")
        if tasks.schedule_maintenance() is None:
            self.stdout.write("Maintenance: already queued (or the task backend cannot defer).")
        else:
            hours = settings.PETITIONS_MAINTENANCE_INTERVAL_HOURS
            self.stdout.write(f"Maintenance queued: every {hours} hours.")
