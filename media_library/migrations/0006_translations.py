"""Russian and Kazakh columns for what visitors read (django-modeltranslation); what each row
held so far becomes its English."""

from django.db import migrations, models

from publishing.migration_helpers import english_copied_from_original

TRANSLATED = {"media_library.VideoPost": ("transcript",)}


class Migration(migrations.Migration):
    dependencies = [
        ("media_library", "0005_image_library"),
    ]

    operations = [
        migrations.AddField(
            model_name="videopost",
            name="transcript_en",
            field=models.TextField(
                blank=True,
                help_text="What is said in the video, for people who cannot listen to it. Shown under the player.",
                null=True,
                verbose_name="transcript",
            ),
        ),
        migrations.AddField(
            model_name="videopost",
            name="transcript_kk",
            field=models.TextField(
                blank=True,
                help_text="What is said in the video, for people who cannot listen to it. Shown under the player.",
                null=True,
                verbose_name="transcript",
            ),
        ),
        migrations.AddField(
            model_name="videopost",
            name="transcript_ru",
            field=models.TextField(
                blank=True,
                help_text="What is said in the video, for people who cannot listen to it. Shown under the player.",
                null=True,
                verbose_name="transcript",
            ),
        ),
        migrations.RunPython(*english_copied_from_original(TRANSLATED)),
    ]
