# The admin's log named each signature by its signer's full name (Signature.__str__), and the
# entry written when a signature was deleted kept that name for as long as the log is kept,
# past any erasure. Signatures are named by number now; this renames them in the log too.

from django.db import migrations
from django.db.models import Value
from django.db.models.functions import Concat


def forget_signer_names(apps, schema_editor):
    content_types = apps.get_model("contenttypes", "ContentType")
    log_entries = apps.get_model("admin", "LogEntry")
    signature_type = content_types.objects.filter(app_label="petitions", model="signature").first()
    if signature_type is None:
        return  # a new database: nothing was ever logged
    log_entries.objects.filter(content_type=signature_type).update(
        object_repr=Concat(Value("Signature #"), "object_id")
    )


class Migration(migrations.Migration):

    dependencies = [
        ("petitions", "0006_signature_review_permission"),
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(forget_signer_names, migrations.RunPython.noop, elidable=True),
    ]
