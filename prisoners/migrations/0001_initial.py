# The restructure of 2026-12: prisoner profiles and their timelines move here from the appeals app,
# with the link from posts to the people they are about. Django's record of the models moves; the
# tables and their rows stay where they are (appeals_prisoner, appeals_prisonerevent,
# campaign_post_prisoners) until 0002 renames them.

import django.db.models.deletion
from django.db import migrations, models

import publishing.images
from publishing.migration_helpers import content_type_mover

move_content_types, move_content_types_back = content_type_mover(
    "appeals", "prisoners", ["prisoner", "prisonerevent"]
)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("appeals", "0003_appeal_on_publishing"),
        ("publishing", "0002_featured_video_is_a_post"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Prisoner",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(max_length=200, verbose_name="name")),
                        ("slug", models.SlugField(max_length=200, unique=True, verbose_name="slug")),
                        ("is_published", models.BooleanField(default=False, verbose_name="published")),
                        ("status", models.CharField(choices=[("detained", "Detained"), ("sentenced", "Sentenced"), ("released", "Released"), ("in_exile", "In exile"), ("deceased", "Deceased")], default="detained", max_length=20, verbose_name="status")),
                        ("summary", models.CharField(blank=True, help_text="One line: who they are and why they are held.", max_length=300, verbose_name="summary")),
                        ("photo", publishing.images.CleanImageField(blank=True, upload_to="prisoners/", verbose_name="photo")),
                        ("photo_alt", models.CharField(blank=True, max_length=250, verbose_name="photo description (alt text)")),
                        ("detained_on", models.DateField(blank=True, null=True, verbose_name="detained on")),
                        ("sentenced_on", models.DateField(blank=True, null=True, verbose_name="sentenced on")),
                        ("release_expected_on", models.DateField(blank=True, null=True, verbose_name="release expected on")),
                        ("released_on", models.DateField(blank=True, null=True, verbose_name="released on")),
                        ("charges", models.TextField(blank=True, verbose_name="charges")),
                        ("sentence", models.CharField(blank=True, max_length=300, verbose_name="sentence")),
                        ("place_of_detention", models.CharField(blank=True, max_length=300, verbose_name="place of detention")),
                        ("postal_address", models.TextField(blank=True, help_text="The full address supporters write to, one line per line of the envelope.", verbose_name="postal address for letters")),
                        ("biography", models.TextField(blank=True, verbose_name="biography")),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        ("posts", models.ManyToManyField(blank=True, db_table="campaign_post_prisoners", related_name="prisoners", to="publishing.post", verbose_name="posts about them")),
                    ],
                    options={
                        "verbose_name": "prisoner profile",
                        "verbose_name_plural": "prisoner profiles",
                        "ordering": ["name"],
                        "db_table": "appeals_prisoner",
                        "constraints": [models.CheckConstraint(condition=models.Q(("photo", ""), models.Q(("photo_alt", ""), _negated=True), _connector="OR"), name="prisoner_photo_has_alt_text")],
                    },
                ),
                migrations.CreateModel(
                    name="PrisonerEvent",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("date", models.DateField(verbose_name="date")),
                        ("date_precision", models.CharField(choices=[("day", "Exact day"), ("month", "Month only"), ("year", "Year only")], default="day", help_text="When only the month or year is known, enter its first day and choose it here.", max_length=10, verbose_name="date known to")),
                        ("title", models.CharField(max_length=200, verbose_name="what happened")),
                        ("description", models.TextField(blank=True, verbose_name="details")),
                        ("prisoner", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="events", to="prisoners.prisoner")),
                    ],
                    options={
                        "verbose_name": "timeline event",
                        "verbose_name_plural": "timeline",
                        "ordering": ["date", "id"],
                        "db_table": "appeals_prisonerevent",
                    },
                ),
            ]
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
