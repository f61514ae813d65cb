"""Search in each language: a GIN index per language on PostgreSQL (each language's text with
its own configuration, publishing.fulltext.weighted_vector), an FTS5 table per language on
SQLite. The index of the untranslated columns (0005) goes: no query repeats it any more."""

from django.db import migrations

from publishing import fulltext
from publishing.models import POST_SEARCH_INDEXES, POST_SEARCH_WEIGHTS

OLD_INDEX_NAME = "post_search_idx"


def gin_index(language=None):
    from django.contrib.postgres.indexes import GinIndex

    name = OLD_INDEX_NAME if language is None else f"post_search_{language}_idx"
    return GinIndex(fulltext.weighted_vector(POST_SEARCH_WEIGHTS, language), name=name)


def create(apps, schema_editor):
    post_model = apps.get_model("publishing", "Post")
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.remove_index(post_model, gin_index())
        for language in fulltext.CONFIGS:
            schema_editor.add_index(post_model, gin_index(language))
    elif vendor == "sqlite":
        for index in POST_SEARCH_INDEXES.values():
            index.create(schema_editor)
            index.rebuild(post_model.objects.order_by("pk"), using=schema_editor.connection.alias)


def drop(apps, schema_editor):
    post_model = apps.get_model("publishing", "Post")
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        for language in fulltext.CONFIGS:
            schema_editor.remove_index(post_model, gin_index(language))
        schema_editor.add_index(post_model, gin_index())
    elif vendor == "sqlite":
        for language, index in POST_SEARCH_INDEXES.items():
            if language != "en":
                index.drop(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("publishing", "0009_translations"),
    ]

    operations = [migrations.RunPython(create, drop)]
