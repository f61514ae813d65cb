"""Search of prisoner profiles in each language on SQLite: an FTS5 table per language.

PostgreSQL searches the rows themselves; with a few dozen profiles an index would not be used.
"""

from django.db import migrations

from prisoners.models import PRISONER_SEARCH_INDEXES


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        prisoner_model = apps.get_model("prisoners", "Prisoner")
        for index in PRISONER_SEARCH_INDEXES.values():
            index.create(schema_editor)
            index.rebuild(prisoner_model.objects.order_by("pk"), using=schema_editor.connection.alias)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for language, index in PRISONER_SEARCH_INDEXES.items():
            if language != "en":
                index.drop(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("prisoners", "0004_translations"),
    ]

    operations = [migrations.RunPython(create, drop)]
