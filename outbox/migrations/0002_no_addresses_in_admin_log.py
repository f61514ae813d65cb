# The admin's log named each e-mail by its subject and its recipient's address
# (OutgoingEmail.__str__): deleting one in the admin kept the address in the log for as long
# as the log is kept. E-mails are named by subject and number now; this renames them in the log.

from django.db import migrations
from django.db.models import Value
from django.db.models.functions import Concat


def forget_addresses(apps, schema_editor):
    content_types = apps.get_model("contenttypes", "ContentType")
    log_entries = apps.get_model("admin", "LogEntry")
    email_type = content_types.objects.filter(app_label="outbox", model="outgoingemail").first()
    if email_type is None:
        return  # a new database: nothing was ever logged
    log_entries.objects.filter(content_type=email_type).update(
        object_repr=Concat(Value("E-mail #"), "object_id")
    )


class Migration(migrations.Migration):

    dependencies = [
        ("outbox", "0001_initial"),
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(forget_addresses, migrations.RunPython.noop, elidable=True),
    ]
