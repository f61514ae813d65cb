"""`manage.py import_wordpress EXPORT.xml [--uploads DIR] [--dry-run]`: a WordPress site, moved over."""

import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from campaign.wordpress.importer import import_export
from campaign.wordpress.wxr import ExportError


class Command(BaseCommand):
    help = (
        "Import a WordPress export (Tools → Export → All content): categories, tags, authors, posts, "
        "pages and images, with a redirect from every old address. Safe to run again: what is already "
        "here is updated, never duplicated, and an editor's later changes are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", help="the WXR file WordPress wrote (.xml)")
        parser.add_argument(
            "--uploads",
            metavar="DIR",
            help="a copy of the old site's wp-content/uploads folder (images are imported from it)",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="do everything and report, then save nothing"
        )

    def handle(self, *args, export, uploads, dry_run, **options):
        def progress(iterable, **kwargs):
            # On a terminal only; a log gets the report alone.
            return tqdm(iterable, file=sys.stderr, disable=None, leave=False, **kwargs)

        try:
            report = import_export(export, uploads=uploads, dry_run=dry_run, progress=progress)
        except FileNotFoundError as error:
            raise CommandError(f"There is no file {error.filename!r}.") from error
        except IsADirectoryError as error:
            raise CommandError(f"{export!r} is a folder; give the export file (.xml) itself.") from error
        except ExportError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(report.text())
