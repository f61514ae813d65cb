"""Full-text search of posts: a GIN index on PostgreSQL, an FTS5 table on SQLite.

The index is built from publishing.models.POST_SEARCH_WEIGHTS, the expression every search
repeats (PostgreSQL uses an expression index only for that same expression): a change to
those weights needs a migration that rebuilds the index.
"""

from django.db import migrations

from publishing import fulltext
from publishing.models import POST_SEARCH_INDEX, POST_SEARCH_WEIGHTS

INDEX_NAME = "post_search_idx"


def gin_index():
    from django.contrib.postgres.indexes import GinIndex

    return GinIndex(fulltext.weighted_vector(POST_SEARCH_WEIGHTS), name=INDEX_NAME)


def create(apps, schema_editor):
    post_model = apps.get_model("publishing", "Post")
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.add_index(post_model, gin_index())
    elif vendor == "sqlite":
        POST_SEARCH_INDEX.create(schema_editor)
        POST_SEARCH_INDEX.rebuild(post_model.objects.order_by("pk"), using=schema_editor.connection.alias)


def drop(apps, schema_editor):
    post_model = apps.get_model("publishing", "Post")
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.remove_index(post_model, gin_index())
    elif vendor == "sqlite":
        POST_SEARCH_INDEX.drop(schema_editor)


class Migration(migrations.Migration):

    dependencies = [
        ("publishing", "0004_own_tables_and_site_settings"),
    ]

    operations = [migrations.RunPython(create, drop)]
