from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from campaign import demo, site


class Command(BaseCommand):
    help = (
        "Load the demo categories, posts, prisoners and petitions. Safe to run again: nothing is duplicated."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        call_command("setup_groups", verbosity=0)
        # Each app loads its own share, in the order of INSTALLED_APPS (campaign/site.py).
        for load_content in site.demo_loaders():
            load_content()
        if not settings.DEBUG:
            self.stdout.write("Demo content loaded. No demo editor was created because DEBUG is off.")
            return
        demo.create_demo_editor()
        self.stdout.write(
            self.style.SUCCESS(
                "Demo content loaded. Log in to /admin/ as the demo editor: "
                f"username '{demo.DEMO_EDITOR_USERNAME}', password '{demo.DEMO_EDITOR_PASSWORD}'."
            )
        )
