from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS, connections, transaction

from publishing.fulltext import registered_indexes


class Command(BaseCommand):
    help = (
        "Rebuild the SQLite full-text search tables (posts, prisoner profiles) from their rows. "
        "Saves and deletes keep them in step; run this after writes that bypass save(), such as "
        "bulk imports. Safe to repeat. Nothing to do on PostgreSQL, which searches the rows themselves."
    )

    def add_arguments(self, parser):
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, database, **options):
        if connections[database].vendor != "sqlite":
            self.stdout.write("PostgreSQL searches the rows themselves: there is no search table to rebuild.")
            return
        for index in registered_indexes():
            rows = index.model._base_manager.using(database).order_by("pk")
            with transaction.atomic(using=database):
                index.rebuild(rows.iterator(), using=database)
            self.stdout.write(f"{index.table}: {rows.count()} rows indexed.")
