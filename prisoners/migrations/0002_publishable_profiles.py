# The restructure of 2026-12: prisoner profiles get their own app's table names, are published like
# every other item (status and publish date, so they can be scheduled; a profile that was published
# is published from when it was created), call a prisoner's situation "situation" (the word
# "status" now means published or draft), and use the shared image-with-description fields.

import django.utils.timezone
from django.db import migrations, models

import publishing.fields
import publishing.images
import publishing.models


def publish_published_profiles(apps, schema_editor):
    prisoners = apps.get_model("prisoners", "Prisoner")
    for prisoner in prisoners.objects.filter(is_published=True):
        prisoners.objects.filter(pk=prisoner.pk).update(status="published", published_at=prisoner.created_at)


def unpublish_back(apps, schema_editor):
    prisoners = apps.get_model("prisoners", "Prisoner")
    prisoners.objects.filter(status="published").update(is_published=True)


class Migration(migrations.Migration):
    dependencies = [
        ("prisoners", "0001_initial"),
        ("appeals", "0004_prisoners_moved"),
        ("publishing", "0004_own_tables_and_site_settings"),
    ]

    operations = [
        migrations.AlterModelTable(name="prisoner", table=None),
        migrations.AlterModelTable(name="prisonerevent", table=None),
        migrations.AlterField(
            model_name="prisoner",
            name="posts",
            field=models.ManyToManyField(blank=True, help_text="News, appeals and videos that tell their story.", related_name="prisoners", to="publishing.post", verbose_name="posts about them"),
        ),
        migrations.RemoveConstraint(model_name="prisoner", name="prisoner_photo_has_alt_text"),
        migrations.RenameField(model_name="prisoner", old_name="status", new_name="situation"),
        migrations.AlterField(
            model_name="prisoner",
            name="situation",
            field=models.CharField(choices=[("detained", "Detained"), ("sentenced", "Sentenced"), ("released", "Released"), ("in_exile", "In exile"), ("deceased", "Deceased")], default="detained", max_length=20, verbose_name="situation"),
        ),
        migrations.RenameField(model_name="prisoner", old_name="photo", new_name="image"),
        migrations.AlterField(
            model_name="prisoner",
            name="image",
            field=publishing.images.CleanImageField(blank=True, upload_to=publishing.models.image_upload_to, verbose_name="image"),
        ),
        migrations.RenameField(model_name="prisoner", old_name="photo_alt", new_name="image_alt"),
        migrations.AlterField(
            model_name="prisoner",
            name="image_alt",
            field=models.CharField(blank=True, help_text="What the image shows, for people who cannot see it. Required with an image.", max_length=250, verbose_name="image description (alt text)"),
        ),
        migrations.AddConstraint(
            model_name="prisoner",
            constraint=models.CheckConstraint(condition=models.Q(("image", ""), models.Q(("image_alt", ""), _negated=True), _connector="OR"), name="prisoners_prisoner_image_has_alt_text"),
        ),
        migrations.AlterField(
            model_name="prisoner",
            name="biography",
            field=publishing.fields.SanitisedHTMLField(blank=True, verbose_name="biography"),
        ),
        migrations.AddField(
            model_name="prisoner",
            name="status",
            field=models.CharField(choices=[("draft", "Draft"), ("published", "Published")], default="draft", max_length=20, verbose_name="status"),
        ),
        migrations.AddField(
            model_name="prisoner",
            name="published_at",
            field=models.DateTimeField(default=django.utils.timezone.now, help_text="A date in the future schedules it: it appears by itself at that time.", verbose_name="publish date"),
        ),
        migrations.RunPython(publish_published_profiles, unpublish_back),
        migrations.RemoveField(model_name="prisoner", name="is_published"),
    ]
