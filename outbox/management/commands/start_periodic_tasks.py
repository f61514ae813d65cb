from django.core.management.base import BaseCommand

from outbox import periodic


class Command(BaseCommand):
    help = (
        "Queue the worker's periodic tasks unless they are already queued: the e-mail sweep (now, then "
        "every minute), the purge of old e-mails and each app's own (petition maintenance, ...). Run it "
        "at every deploy and start; running it again changes nothing."
    )

    def handle(self, *args, **options):
        for task_path, queued in periodic.start_all().items():
            if queued:
                self.stdout.write(f"{task_path}: queued.")
            else:
                self.stdout.write(f"{task_path}: already queued (or the task backend cannot defer).")
