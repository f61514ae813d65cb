# Campaign managers may let signatures held for review count: a permission of its own
# (they never get "change signature": signatures change only through petitions.services).

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("petitions", "0005_publishable_action_window"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="signature",
            options={
                "ordering": ["-created_at", "-id"],
                "permissions": [
                    ("export_signatures", "Can export confirmed signatures"),
                    ("review_signatures", "Can count flagged signatures judged genuine"),
                ],
                "verbose_name": "signature",
                "verbose_name_plural": "signatures",
            },
        ),
    ]
