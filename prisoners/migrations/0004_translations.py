"""Russian and Kazakh columns for what visitors read (django-modeltranslation); what each row
held so far becomes its English."""

import publishing.fields
from django.db import migrations, models

from publishing.migration_helpers import english_copied_from_original

TRANSLATED = {
    "prisoners.Prisoner": ("name", "summary", "charges", "sentence", "place_of_detention", "biography"),
    "prisoners.PrisonerEvent": ("title", "description"),
}


class Migration(migrations.Migration):
    dependencies = [
        ("prisoners", "0003_prisoner_search"),
    ]

    operations = [
        migrations.AddField(
            model_name="prisoner",
            name="biography_en",
            field=publishing.fields.SanitisedHTMLField(blank=True, null=True, verbose_name="biography"),
        ),
        migrations.AddField(
            model_name="prisoner",
            name="biography_kk",
            field=publishing.fields.SanitisedHTMLField(blank=True, null=True, verbose_name="biography"),
        ),
        migrations.AddField(
            model_name="prisoner",
            name="biography_ru",
            field=publishing.fields.SanitisedHTMLField(blank=True, null=True, verbose_name="biography"),
        ),
        migrations.AddField(
            model_name="prisoner",
            name="charges_en",
            field=models.TextField(blank=True, null=True, verbose_name="charges"),
        ),
        migrations.AddField(
            model_name="prisoner",
            name="charges_kk",
            field=models.TextField(blank=True, null=True, verbose_name="charges"),
        ),
        migrations.AddField(
            model_name="prisoner",
            name="charges_ru",
            field=models.TextField(blank=True, null=True, verbose_name="charges"),
        ),
        migrations.AddField(
            model_name="prisoner",
            name="name_en",
            field=models.CharField(max_length=200, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="prisoner",
            name="name_kk",
            field=models.CharField(max_length=200, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="prisoner",
            name="name_ru",
            field=models.CharField(max_length=200, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="prisoner",
            name="place_of_detention_en",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="place of detention"),
        ),
        migrations.AddField(
            model_name="prisoner",
            name="place_of_detention_kk",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="place of detention"),
        ),
        migrations.AddField(
            model_name="prisoner",
            name="place_of_detention_ru",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="place of detention"),
        ),
        migrations.AddField(
            model_name="prisoner",
            name="sentence_en",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="sentence"),
        ),
        migrations.AddField(
            model_name="prisoner",
            name="sentence_kk",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="sentence"),
        ),
        migrations.AddField(
            model_name="prisoner",
            name="sentence_ru",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="sentence"),
        ),
        migrations.AddField(
            model_name="prisoner",
            name="summary_en",
            field=models.CharField(
                blank=True,
                help_text="One line: who they are and why they are held.",
                max_length=300,
                null=True,
                verbose_name="summary",
            ),
        ),
        migrations.AddField(
            model_name="prisoner",
            name="summary_kk",
            field=models.CharField(
                blank=True,
                help_text="One line: who they are and why they are held.",
                max_length=300,
                null=True,
                verbose_name="summary",
            ),
        ),
        migrations.AddField(
            model_name="prisoner",
            name="summary_ru",
            field=models.CharField(
                blank=True,
                help_text="One line: who they are and why they are held.",
                max_length=300,
                null=True,
                verbose_name="summary",
            ),
        ),
        migrations.AddField(
            model_name="prisonerevent",
            name="description_en",
            field=models.TextField(blank=True, null=True, verbose_name="details"),
        ),
        migrations.AddField(
            model_name="prisonerevent",
            name="description_kk",
            field=models.TextField(blank=True, null=True, verbose_name="details"),
        ),
        migrations.AddField(
            model_name="prisonerevent",
            name="description_ru",
            field=models.TextField(blank=True, null=True, verbose_name="details"),
        ),
        migrations.AddField(
            model_name="prisonerevent",
            name="title_en",
            field=models.CharField(max_length=200, null=True, verbose_name="what happened"),
        ),
        migrations.AddField(
            model_name="prisonerevent",
            name="title_kk",
            field=models.CharField(max_length=200, null=True, verbose_name="what happened"),
        ),
        migrations.AddField(
            model_name="prisonerevent",
            name="title_ru",
            field=models.CharField(max_length=200, null=True, verbose_name="what happened"),
        ),
        migrations.RunPython(*english_copied_from_original(TRANSLATED)),
    ]
