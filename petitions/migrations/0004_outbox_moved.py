# The restructure of 2026-12: the e-mail outbox is its own app (outbox), for every e-mail the site
# sends. Its rows are copied there with their ids and Message-IDs, each tied to its signature
# (OutgoingEmail.about), and tasks already queued are pointed at the outbox's tasks.

from django.db import migrations

COLUMNS = ["id", "to", "subject", "body", "message_id", "created_at", "sent_at", "attempts", "available_at", "last_error"]
MOVED_TASKS = {
    "petitions.tasks.deliver_email": "outbox.tasks.deliver_email",
    "petitions.tasks.deliver_due_emails": "outbox.tasks.deliver_due_emails",
}


def _signature_content_type_id(apps):
    content_types = apps.get_model("contenttypes", "ContentType")
    return content_types.objects.get_or_create(app_label="petitions", model="signature")[0].pk


def copy_to_outbox(apps, schema_editor):
    connection = schema_editor.connection
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM petitions_outgoingemail")
        if not cursor.fetchone()[0]:
            return
        columns = ", ".join(quote(column) for column in COLUMNS)
        cursor.execute(
            f"INSERT INTO outbox_outgoingemail ({columns}, about_type_id, about_id) "  # noqa: S608 -- fixed names
            f"SELECT {columns}, CASE WHEN signature_id IS NULL THEN NULL ELSE %s END, signature_id "
            "FROM petitions_outgoingemail",
            [_signature_content_type_id(apps)],
        )
    _reset_id_sequence(apps, schema_editor, "outbox", "OutgoingEmail")


def copy_back(apps, schema_editor):
    connection = schema_editor.connection
    quote = connection.ops.quote_name
    columns = ", ".join(quote(column) for column in COLUMNS)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO petitions_outgoingemail ({columns}, signature_id) "  # noqa: S608 -- fixed names
            f"SELECT {columns}, about_id FROM outbox_outgoingemail WHERE about_type_id = %s",
            [_signature_content_type_id(apps)],
        )
    _reset_id_sequence(apps, schema_editor, "petitions", "OutgoingEmail")


def _reset_id_sequence(apps, schema_editor, app_label, model_name):
    """Rows were copied with their ids: the next new row must come after them (PostgreSQL)."""
    from django.core.management.color import no_style

    statements = schema_editor.connection.ops.sequence_reset_sql(no_style(), [apps.get_model(app_label, model_name)])
    with schema_editor.connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def move_queued_tasks(apps, schema_editor):
    _rename_tasks(apps, MOVED_TASKS)


def move_queued_tasks_back(apps, schema_editor):
    _rename_tasks(apps, {new: old for old, new in MOVED_TASKS.items()})


def _rename_tasks(apps, renames):
    results = apps.get_model("django_tasks_database", "DBTaskResult")
    for old, new in renames.items():
        results.objects.filter(status="READY", task_path=old).update(task_path=new)


class Migration(migrations.Migration):
    dependencies = [
        ("petitions", "0003_links_to_ground_apps"),
        ("outbox", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [
        migrations.RunPython(copy_to_outbox, copy_back),
        migrations.RunPython(move_queued_tasks, move_queued_tasks_back),
        migrations.DeleteModel(name="OutgoingEmail"),
    ]
