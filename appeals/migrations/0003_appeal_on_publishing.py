# The restructure of 2026-12: an appeal now extends publishing.Post (it extended campaign.Post).
# Only Django's record of the model changes: the tables and their rows stay as they are.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("appeals", "0002_prisoner_event_date_precision"),
        ("publishing", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="Appeal"),
                migrations.CreateModel(
                    name="Appeal",
                    fields=[
                        ("post_ptr", models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to="publishing.post")),
                        ("letter_subject", models.CharField(blank=True, max_length=200, verbose_name="letter subject")),
                        ("letter_salutation", models.CharField(blank=True, help_text="Used when the recipient has no salutation of its own, e.g. 'Dear Ambassador,'.", max_length=200, verbose_name="letter salutation")),
                        ("letter_body", models.TextField(blank=True, help_text="Plain text. Supporters add their own paragraph and name.", verbose_name="model letter")),
                        ("letter_closing", models.CharField(blank=True, default="Yours in protest,", max_length=100, verbose_name="letter closing")),
                        ("write_to_embassies", models.BooleanField(default=True, verbose_name="send to the embassy in the supporter's country")),
                        ("deadline", models.DateField(blank=True, null=True, verbose_name="deadline")),
                        ("action_status", models.CharField(choices=[("open", "Open"), ("closed", "Closed"), ("won", "Won")], default="open", max_length=20, verbose_name="action status")),
                        ("letters_sent", models.PositiveIntegerField(default=0, editable=False, verbose_name="letters sent")),
                        ("addressees", models.ManyToManyField(blank=True, help_text="Always copied, whatever the supporter's country (e.g. the presidential administration).", limit_choices_to={"kind": "central"}, related_name="appeals", to="appeals.recipient", verbose_name="central addressees")),
                    ],
                    options={
                        "verbose_name": "appeal",
                        "verbose_name_plural": "appeals",
                    },
                    bases=("publishing.post",),
                ),
            ]
        ),
    ]
