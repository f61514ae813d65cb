# The restructure of 2026-12: a video post now extends publishing.Post (it extended campaign.Post).
# Only Django's record of the model changes: the table and its rows stay as they are.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("media_library", "0002_video_help_texts"),
        ("publishing", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="VideoPost"),
                migrations.CreateModel(
                    name="VideoPost",
                    fields=[
                        ("post_ptr", models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to="publishing.post")),
                        ("video_url", models.URLField(help_text="The address of the video on YouTube or Vimeo, copied from the browser's address bar.", max_length=300, verbose_name="video address")),
                        ("provider", models.CharField(choices=[("youtube", "YouTube"), ("vimeo", "Vimeo")], editable=False, max_length=20, verbose_name="provider")),
                        ("provider_video_id", models.CharField(editable=False, max_length=40, verbose_name="video id")),
                        ("duration", models.DurationField(blank=True, help_text="For example 4:35 or 1:02:10.", null=True, verbose_name="duration")),
                        ("transcript", models.TextField(blank=True, help_text="What is said in the video, for people who cannot listen to it. Shown under the player.", verbose_name="transcript")),
                    ],
                    options={
                        "verbose_name": "video post",
                        "verbose_name_plural": "video posts",
                        "constraints": [models.CheckConstraint(condition=models.Q(("provider__in", ["youtube", "vimeo"])), name="videopost_known_provider")],
                    },
                    bases=("publishing.post",),
                ),
            ]
        ),
    ]
