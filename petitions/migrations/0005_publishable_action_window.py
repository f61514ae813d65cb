# The restructure of 2026-12: petitions are published like every other item (status and publish
# date, so they can be scheduled; a petition that was published is published from when it was
# created), and share the action window of appeals: their open/closed status is now
# `action_status` (the word "status" means published or draft), with a closing message.

import django.utils.timezone
from django.db import migrations, models

import publishing.fields


def publish_published_petitions(apps, schema_editor):
    petitions = apps.get_model("petitions", "Petition")
    for petition in petitions.objects.filter(is_published=True):
        petitions.objects.filter(pk=petition.pk).update(status="published", published_at=petition.created_at)


def unpublish_back(apps, schema_editor):
    petitions = apps.get_model("petitions", "Petition")
    petitions.objects.filter(status="published").update(is_published=True)


class Migration(migrations.Migration):
    dependencies = [
        ("petitions", "0004_outbox_moved"),
    ]

    operations = [
        migrations.RenameField(model_name="petition", old_name="status", new_name="action_status"),
        migrations.AlterField(
            model_name="petition",
            name="action_status",
            field=models.CharField(choices=[("open", "Open"), ("closed", "Closed"), ("delivered", "Handed in"), ("won", "Won")], default="open", max_length=20, verbose_name="action status"),
        ),
        migrations.AddField(
            model_name="petition",
            name="closing_message",
            field=models.TextField(blank=True, help_text="What visitors read once it is closed, instead of the standard sentence; for example what it achieved.", verbose_name="closing message"),
        ),
        migrations.AlterField(
            model_name="petition",
            name="deadline",
            field=models.DateField(blank=True, help_text="The last day to take part. Leave empty for none.", null=True, verbose_name="deadline"),
        ),
        migrations.AddField(
            model_name="petition",
            name="status",
            field=models.CharField(choices=[("draft", "Draft"), ("published", "Published")], default="draft", max_length=20, verbose_name="status"),
        ),
        migrations.AddField(
            model_name="petition",
            name="published_at",
            field=models.DateTimeField(default=django.utils.timezone.now, help_text="A date in the future schedules it: it appears by itself at that time.", verbose_name="publish date"),
        ),
        migrations.RunPython(publish_published_petitions, unpublish_back),
        migrations.RemoveField(model_name="petition", name="is_published"),
        migrations.AlterField(
            model_name="petition",
            name="addressee",
            field=models.CharField(help_text="Who the petition will be handed to, e.g. 'The President of the Republic'.", max_length=300, verbose_name="addressed to"),
        ),
        migrations.AlterField(
            model_name="petition",
            name="is_featured",
            field=models.BooleanField(default=False, help_text="Show this petition in the sidebar of every page. Featuring it takes the place of the petition featured before.", verbose_name="featured in the sidebar"),
        ),
        migrations.AlterField(
            model_name="petition",
            name="text",
            field=publishing.fields.SanitisedHTMLField(help_text="What signers put their name to.", verbose_name="petition text"),
        ),
    ]
