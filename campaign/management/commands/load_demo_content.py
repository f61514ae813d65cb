from importlib import import_module

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from campaign import demo

# Each app loads its own demo content, in this order (later ones link to earlier ones).
APP_DEMOS = ["media_library.demo", "appeals.demo", "petitions.demo"]


class Command(BaseCommand):
    help = (
        "Load the demo categories, posts, prisoners and petitions. Safe to run again: nothing is duplicated."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        call_command("setup_groups", verbosity=0)
        demo.load_content()
        for module in APP_DEMOS:
            import_module(module).load_content()
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
