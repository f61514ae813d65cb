"""Full-text search of prisoner profiles on SQLite: an FTS5 table beside theirs.

PostgreSQL searches the rows themselves; with a few dozen profiles an index would not be used.
"""

from django.db import migrations

from prisoners.models import PRISONER_SEARCH_INDEX


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        prisoner_model = apps.get_model("prisoners", "Prisoner")
        PRISONER_SEARCH_INDEX.create(schema_editor)
        PRISONER_SEARCH_INDEX.rebuild(
            prisoner_model.objects.order_by("pk"), using=schema_editor.connection.alias
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        PRISONER_SEARCH_INDEX.drop(schema_editor)


class Migration(migrations.Migration):

    dependencies = [
        ("prisoners", "0002_publishable_profiles"),
    ]

    operations = [migrations.RunPython(create, drop)]
