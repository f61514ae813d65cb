"""Russian and Kazakh columns for what visitors read (django-modeltranslation); what each row
held so far becomes its English."""

from django.db import migrations, models

from publishing.migration_helpers import english_copied_from_original

TRANSLATED = {
    "appeals.Appeal": (
        "letter_subject",
        "letter_salutation",
        "letter_body",
        "letter_closing",
        "closing_message",
    ),
    "appeals.Recipient": ("name", "salutation"),
}


class Migration(migrations.Migration):
    dependencies = [
        ("appeals", "0005_action_window"),
    ]

    operations = [
        migrations.AddField(
            model_name="appeal",
            name="closing_message_en",
            field=models.TextField(
                blank=True,
                help_text="What visitors read once it is closed, instead of the standard sentence; for example what it achieved.",
                null=True,
                verbose_name="closing message",
            ),
        ),
        migrations.AddField(
            model_name="appeal",
            name="closing_message_kk",
            field=models.TextField(
                blank=True,
                help_text="What visitors read once it is closed, instead of the standard sentence; for example what it achieved.",
                null=True,
                verbose_name="closing message",
            ),
        ),
        migrations.AddField(
            model_name="appeal",
            name="closing_message_ru",
            field=models.TextField(
                blank=True,
                help_text="What visitors read once it is closed, instead of the standard sentence; for example what it achieved.",
                null=True,
                verbose_name="closing message",
            ),
        ),
        migrations.AddField(
            model_name="appeal",
            name="letter_body_en",
            field=models.TextField(
                blank=True,
                help_text="Plain text. Supporters add their own paragraph and name.",
                null=True,
                verbose_name="model letter",
            ),
        ),
        migrations.AddField(
            model_name="appeal",
            name="letter_body_kk",
            field=models.TextField(
                blank=True,
                help_text="Plain text. Supporters add their own paragraph and name.",
                null=True,
                verbose_name="model letter",
            ),
        ),
        migrations.AddField(
            model_name="appeal",
            name="letter_body_ru",
            field=models.TextField(
                blank=True,
                help_text="Plain text. Supporters add their own paragraph and name.",
                null=True,
                verbose_name="model letter",
            ),
        ),
        migrations.AddField(
            model_name="appeal",
            name="letter_closing_en",
            field=models.CharField(
                blank=True,
                default="Yours in protest,",
                max_length=100,
                null=True,
                verbose_name="letter closing",
            ),
        ),
        migrations.AddField(
            model_name="appeal",
            name="letter_closing_kk",
            field=models.CharField(
                blank=True,
                default="Yours in protest,",
                max_length=100,
                null=True,
                verbose_name="letter closing",
            ),
        ),
        migrations.AddField(
            model_name="appeal",
            name="letter_closing_ru",
            field=models.CharField(
                blank=True,
                default="Yours in protest,",
                max_length=100,
                null=True,
                verbose_name="letter closing",
            ),
        ),
        migrations.AddField(
            model_name="appeal",
            name="letter_salutation_en",
            field=models.CharField(
                blank=True,
                help_text="Used when the recipient has no salutation of its own, e.g. 'Dear Ambassador,'.",
                max_length=200,
                null=True,
                verbose_name="letter salutation",
            ),
        ),
        migrations.AddField(
            model_name="appeal",
            name="letter_salutation_kk",
            field=models.CharField(
                blank=True,
                help_text="Used when the recipient has no salutation of its own, e.g. 'Dear Ambassador,'.",
                max_length=200,
                null=True,
                verbose_name="letter salutation",
            ),
        ),
        migrations.AddField(
            model_name="appeal",
            name="letter_salutation_ru",
            field=models.CharField(
                blank=True,
                help_text="Used when the recipient has no salutation of its own, e.g. 'Dear Ambassador,'.",
                max_length=200,
                null=True,
                verbose_name="letter salutation",
            ),
        ),
        migrations.AddField(
            model_name="appeal",
            name="letter_subject_en",
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name="letter subject"),
        ),
        migrations.AddField(
            model_name="appeal",
            name="letter_subject_kk",
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name="letter subject"),
        ),
        migrations.AddField(
            model_name="appeal",
            name="letter_subject_ru",
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name="letter subject"),
        ),
        migrations.AddField(
            model_name="recipient",
            name="name_en",
            field=models.CharField(max_length=200, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="recipient",
            name="name_kk",
            field=models.CharField(max_length=200, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="recipient",
            name="name_ru",
            field=models.CharField(max_length=200, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="recipient",
            name="salutation_en",
            field=models.CharField(
                blank=True,
                help_text="For example: Your Excellency,",
                max_length=200,
                null=True,
                verbose_name="salutation",
            ),
        ),
        migrations.AddField(
            model_name="recipient",
            name="salutation_kk",
            field=models.CharField(
                blank=True,
                help_text="For example: Your Excellency,",
                max_length=200,
                null=True,
                verbose_name="salutation",
            ),
        ),
        migrations.AddField(
            model_name="recipient",
            name="salutation_ru",
            field=models.CharField(
                blank=True,
                help_text="For example: Your Excellency,",
                max_length=200,
                null=True,
                verbose_name="salutation",
            ),
        ),
        migrations.RunPython(*english_copied_from_original(TRANSLATED)),
    ]
