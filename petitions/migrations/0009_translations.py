"""Russian and Kazakh columns for what visitors read (django-modeltranslation); what each row
held so far becomes its English."""

import publishing.fields
from django.db import migrations, models

from publishing.migration_helpers import english_copied_from_original

TRANSLATED = {"petitions.Petition": ("title", "summary", "text", "addressee", "closing_message")}


class Migration(migrations.Migration):
    dependencies = [
        ("petitions", "0008_signature_language"),
    ]

    operations = [
        migrations.AddField(
            model_name="petition",
            name="addressee_en",
            field=models.CharField(
                help_text="Who the petition will be handed to, e.g. 'The President of the Republic'.",
                max_length=300,
                null=True,
                verbose_name="addressed to",
            ),
        ),
        migrations.AddField(
            model_name="petition",
            name="addressee_kk",
            field=models.CharField(
                help_text="Who the petition will be handed to, e.g. 'The President of the Republic'.",
                max_length=300,
                null=True,
                verbose_name="addressed to",
            ),
        ),
        migrations.AddField(
            model_name="petition",
            name="addressee_ru",
            field=models.CharField(
                help_text="Who the petition will be handed to, e.g. 'The President of the Republic'.",
                max_length=300,
                null=True,
                verbose_name="addressed to",
            ),
        ),
        migrations.AddField(
            model_name="petition",
            name="closing_message_en",
            field=models.TextField(
                blank=True,
                help_text="What visitors read once it is closed, instead of the standard sentence; for example what it achieved.",
                null=True,
                verbose_name="closing message",
            ),
        ),
        migrations.AddField(
            model_name="petition",
            name="closing_message_kk",
            field=models.TextField(
                blank=True,
                help_text="What visitors read once it is closed, instead of the standard sentence; for example what it achieved.",
                null=True,
                verbose_name="closing message",
            ),
        ),
        migrations.AddField(
            model_name="petition",
            name="closing_message_ru",
            field=models.TextField(
                blank=True,
                help_text="What visitors read once it is closed, instead of the standard sentence; for example what it achieved.",
                null=True,
                verbose_name="closing message",
            ),
        ),
        migrations.AddField(
            model_name="petition",
            name="summary_en",
            field=models.CharField(
                blank=True,
                help_text="One or two sentences, shown in lists, in the sidebar and when the petition is shared.",
                max_length=300,
                null=True,
                verbose_name="summary",
            ),
        ),
        migrations.AddField(
            model_name="petition",
            name="summary_kk",
            field=models.CharField(
                blank=True,
                help_text="One or two sentences, shown in lists, in the sidebar and when the petition is shared.",
                max_length=300,
                null=True,
                verbose_name="summary",
            ),
        ),
        migrations.AddField(
            model_name="petition",
            name="summary_ru",
            field=models.CharField(
                blank=True,
                help_text="One or two sentences, shown in lists, in the sidebar and when the petition is shared.",
                max_length=300,
                null=True,
                verbose_name="summary",
            ),
        ),
        migrations.AddField(
            model_name="petition",
            name="text_en",
            field=publishing.fields.SanitisedHTMLField(
                help_text="What signers put their name to.", null=True, verbose_name="petition text"
            ),
        ),
        migrations.AddField(
            model_name="petition",
            name="text_kk",
            field=publishing.fields.SanitisedHTMLField(
                help_text="What signers put their name to.", null=True, verbose_name="petition text"
            ),
        ),
        migrations.AddField(
            model_name="petition",
            name="text_ru",
            field=publishing.fields.SanitisedHTMLField(
                help_text="What signers put their name to.", null=True, verbose_name="petition text"
            ),
        ),
        migrations.AddField(
            model_name="petition",
            name="title_en",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="petition",
            name="title_kk",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="petition",
            name="title_ru",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.RunPython(*english_copied_from_original(TRANSLATED)),
    ]
