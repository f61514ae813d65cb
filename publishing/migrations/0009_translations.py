"""Russian and Kazakh columns for what visitors read (django-modeltranslation); what each row
held so far becomes its English."""

import publishing.fields
from django.db import migrations, models

from publishing.migration_helpers import english_copied_from_original

TRANSLATED = {
    "publishing.Post": ("title", "standfirst", "body", "image_caption"),
    "publishing.Page": ("title", "standfirst", "body"),
    "publishing.Category": ("name", "description"),
    "publishing.Tag": ("name", "description"),
    "publishing.SiteSettings": ("tagline", "introduction", "footer_text"),
}


class Migration(migrations.Migration):
    dependencies = [
        ("publishing", "0008_pages_tags_authors_redirects"),
    ]

    operations = [
        migrations.AddField(
            model_name="category",
            name="description_en",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="category",
            name="description_kk",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="category",
            name="description_ru",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="category",
            name="name_en",
            field=models.CharField(max_length=100, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="category",
            name="name_kk",
            field=models.CharField(max_length=100, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="category",
            name="name_ru",
            field=models.CharField(max_length=100, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="page",
            name="body_en",
            field=publishing.fields.SanitisedHTMLField(blank=True, null=True, verbose_name="body"),
        ),
        migrations.AddField(
            model_name="page",
            name="body_kk",
            field=publishing.fields.SanitisedHTMLField(blank=True, null=True, verbose_name="body"),
        ),
        migrations.AddField(
            model_name="page",
            name="body_ru",
            field=publishing.fields.SanitisedHTMLField(blank=True, null=True, verbose_name="body"),
        ),
        migrations.AddField(
            model_name="page",
            name="standfirst_en",
            field=models.TextField(blank=True, null=True, verbose_name="standfirst"),
        ),
        migrations.AddField(
            model_name="page",
            name="standfirst_kk",
            field=models.TextField(blank=True, null=True, verbose_name="standfirst"),
        ),
        migrations.AddField(
            model_name="page",
            name="standfirst_ru",
            field=models.TextField(blank=True, null=True, verbose_name="standfirst"),
        ),
        migrations.AddField(
            model_name="page",
            name="title_en",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="page",
            name="title_kk",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="page",
            name="title_ru",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="post",
            name="body_en",
            field=publishing.fields.SanitisedHTMLField(blank=True, null=True, verbose_name="body"),
        ),
        migrations.AddField(
            model_name="post",
            name="body_kk",
            field=publishing.fields.SanitisedHTMLField(blank=True, null=True, verbose_name="body"),
        ),
        migrations.AddField(
            model_name="post",
            name="body_ru",
            field=publishing.fields.SanitisedHTMLField(blank=True, null=True, verbose_name="body"),
        ),
        migrations.AddField(
            model_name="post",
            name="image_caption_en",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="image caption"),
        ),
        migrations.AddField(
            model_name="post",
            name="image_caption_kk",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="image caption"),
        ),
        migrations.AddField(
            model_name="post",
            name="image_caption_ru",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="image caption"),
        ),
        migrations.AddField(
            model_name="post",
            name="standfirst_en",
            field=models.TextField(
                blank=True,
                help_text="One or two sentences under the title, also used as the excerpt.",
                null=True,
                verbose_name="standfirst",
            ),
        ),
        migrations.AddField(
            model_name="post",
            name="standfirst_kk",
            field=models.TextField(
                blank=True,
                help_text="One or two sentences under the title, also used as the excerpt.",
                null=True,
                verbose_name="standfirst",
            ),
        ),
        migrations.AddField(
            model_name="post",
            name="standfirst_ru",
            field=models.TextField(
                blank=True,
                help_text="One or two sentences under the title, also used as the excerpt.",
                null=True,
                verbose_name="standfirst",
            ),
        ),
        migrations.AddField(
            model_name="post",
            name="title_en",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="post",
            name="title_kk",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="post",
            name="title_ru",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="sitesettings",
            name="footer_text_en",
            field=models.CharField(
                blank=True,
                help_text="Under the campaign's name in every footer.",
                max_length=300,
                null=True,
                verbose_name="footer text",
            ),
        ),
        migrations.AddField(
            model_name="sitesettings",
            name="footer_text_kk",
            field=models.CharField(
                blank=True,
                help_text="Under the campaign's name in every footer.",
                max_length=300,
                null=True,
                verbose_name="footer text",
            ),
        ),
        migrations.AddField(
            model_name="sitesettings",
            name="footer_text_ru",
            field=models.CharField(
                blank=True,
                help_text="Under the campaign's name in every footer.",
                max_length=300,
                null=True,
                verbose_name="footer text",
            ),
        ),
        migrations.AddField(
            model_name="sitesettings",
            name="introduction_en",
            field=models.TextField(
                blank=True,
                help_text="A few sentences under the tagline on the home page, when no appeal is featured.",
                null=True,
                verbose_name="introduction",
            ),
        ),
        migrations.AddField(
            model_name="sitesettings",
            name="introduction_kk",
            field=models.TextField(
                blank=True,
                help_text="A few sentences under the tagline on the home page, when no appeal is featured.",
                null=True,
                verbose_name="introduction",
            ),
        ),
        migrations.AddField(
            model_name="sitesettings",
            name="introduction_ru",
            field=models.TextField(
                blank=True,
                help_text="A few sentences under the tagline on the home page, when no appeal is featured.",
                null=True,
                verbose_name="introduction",
            ),
        ),
        migrations.AddField(
            model_name="sitesettings",
            name="tagline_en",
            field=models.CharField(
                blank=True,
                help_text="One sentence on what the campaign stands for: the home page heading and the description search engines show.",
                max_length=200,
                null=True,
                verbose_name="tagline",
            ),
        ),
        migrations.AddField(
            model_name="sitesettings",
            name="tagline_kk",
            field=models.CharField(
                blank=True,
                help_text="One sentence on what the campaign stands for: the home page heading and the description search engines show.",
                max_length=200,
                null=True,
                verbose_name="tagline",
            ),
        ),
        migrations.AddField(
            model_name="sitesettings",
            name="tagline_ru",
            field=models.CharField(
                blank=True,
                help_text="One sentence on what the campaign stands for: the home page heading and the description search engines show.",
                max_length=200,
                null=True,
                verbose_name="tagline",
            ),
        ),
        migrations.AddField(
            model_name="tag",
            name="description_en",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="tag",
            name="description_kk",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="tag",
            name="description_ru",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="tag",
            name="name_en",
            field=models.CharField(max_length=100, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="tag",
            name="name_kk",
            field=models.CharField(max_length=100, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="tag",
            name="name_ru",
            field=models.CharField(max_length=100, null=True, unique=True, verbose_name="name"),
        ),
        migrations.RunPython(*english_copied_from_original(TRANSLATED)),
    ]
