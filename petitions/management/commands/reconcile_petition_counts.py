from django.core.management.base import BaseCommand, CommandError

from petitions import services
from petitions.models import Petition


class Command(BaseCommand):
    help = "Recount petitions exactly from their confirmed signatures and rewrite their counter rows."

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", help="Petitions to recount (all when none given).")

    def handle(self, *args, slugs=(), **options):
        petitions = Petition.objects.order_by("pk")
        if slugs:
            petitions = petitions.filter(slug__in=slugs)
            missing = set(slugs) - set(petitions.values_list("slug", flat=True))
            if missing:
                raise CommandError(f"No petition with slug: {', '.join(sorted(missing))}")
        for petition in petitions:
            total = services.reconcile_counts(petition)
            self.stdout.write(f"{petition.slug}: {total} confirmed signatures")
