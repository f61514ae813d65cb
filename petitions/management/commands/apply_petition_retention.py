from django.conf import settings
from django.core.management.base import BaseCommand

from outbox import periodic
from petitions import services, tasks


class Command(BaseCommand):
    help = (
        "Delete signatures never confirmed after PETITIONS_UNCONFIRMED_RETENTION_DAYS and anonymise the "
        "signatures of petitions closed more than PETITIONS_ANONYMISE_AFTER_CLOSE_DAYS ago. With --schedule, "
        "also start the periodic task that does this (and an exact recount) in the worker."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Queue the periodic maintenance task (retention and recount) unless it is already queued.",
        )

    def handle(self, *args, schedule=False, **options):
        report = services.apply_retention()
        days = settings.PETITIONS_UNCONFIRMED_RETENTION_DAYS
        self.stdout.write(
            f"Deleted {report.deleted_unconfirmed} unconfirmed signatures older than {days} days; "
            f"anonymised {report.anonymised} signatures."
        )
        if schedule:
            queued = periodic.schedule_next(tasks.run_maintenance)
            if queued is None:
                self.stdout.write(
                    "Periodic maintenance was already queued (or the task backend cannot defer)."
                )
            else:
                hours = settings.PETITIONS_MAINTENANCE_INTERVAL_HOURS
                self.stdout.write(f"Periodic maintenance queued: every {hours} hours.")
