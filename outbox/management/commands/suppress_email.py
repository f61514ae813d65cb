"""Mark addresses undeliverable by hand (a bounce read in the mailbox, a complaint by letter),
or take them off the list: `manage.py suppress_email a@example.org b@example.org [--remove]`."""

from django.core.management.base import BaseCommand, CommandError

from outbox.models import SuppressedAddress


class Command(BaseCommand):
    help = "Never e-mail these addresses again (or, with --remove, e-mail them again)."

    def add_arguments(self, parser):
        parser.add_argument("addresses", nargs="+")
        parser.add_argument(
            "--reason", choices=[choice.value for choice in SuppressedAddress.Reason], default="manual"
        )
        parser.add_argument("--remove", action="store_true", help="Take the addresses off the list.")

    def handle(self, *args, addresses, reason, remove, **options):
        for address in addresses:
            if "@" not in address:
                raise CommandError(f"Not an e-mail address: {address!r}")
        for address in addresses:
            if remove:
                deleted, _ = SuppressedAddress.objects.of(address).delete()
                self.stdout.write(f"{address}: {'taken off the list' if deleted else 'was not on the list'}")
            else:
                added = SuppressedAddress.suppress(address, reason=reason, source="manage.py")
                self.stdout.write(f"{address}: {'suppressed' if added else 'already suppressed'}")
