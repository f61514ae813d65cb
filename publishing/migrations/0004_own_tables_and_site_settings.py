# The restructure of 2026-12: categories and posts get their own app's table names, the body
# is a sanitised-HTML field, the image rule is the shared one (ImageWithAltText), and the
# campaign's own words move from templates into the admin (SiteSettings, one row).

import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import publishing.fields
import publishing.images
import publishing.models


def create_site_settings(apps, schema_editor):
    site_settings = apps.get_model("publishing", "SiteSettings")
    site_settings.objects.get_or_create(pk=1, defaults={"name": settings.SITE_NAME})


class Migration(migrations.Migration):
    dependencies = [
        ("publishing", "0003_remove_post_petition"),
        ("campaign", "0006_moved_to_publishing"),
    ]

    operations = [
        migrations.AlterModelTable(name="category", table=None),
        migrations.AlterModelTable(name="post", table=None),
        migrations.RemoveConstraint(model_name="post", name="post_image_has_alt_text"),
        migrations.AddConstraint(
            model_name="post",
            constraint=models.CheckConstraint(condition=models.Q(("image", ""), models.Q(("image_alt", ""), _negated=True), _connector="OR"), name="publishing_post_image_has_alt_text"),
        ),
        migrations.AlterField(
            model_name="post",
            name="body",
            field=publishing.fields.SanitisedHTMLField(blank=True, verbose_name="body"),
        ),
        migrations.AlterField(
            model_name="post",
            name="image",
            field=publishing.images.CleanImageField(blank=True, upload_to=publishing.models.image_upload_to, verbose_name="image"),
        ),
        migrations.AlterField(
            model_name="post",
            name="kind",
            field=models.CharField(default="article", editable=False, max_length=20, verbose_name="kind"),
        ),
        migrations.AlterField(
            model_name="post",
            name="published_at",
            field=models.DateTimeField(default=django.utils.timezone.now, help_text="A date in the future schedules it: it appears by itself at that time.", verbose_name="publish date"),
        ),
        migrations.CreateModel(
            name="SiteSettings",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(help_text="Shown in the header, page titles and e-mails.", max_length=100, verbose_name="campaign name")),
                ("tagline", models.CharField(blank=True, help_text="One sentence on what the campaign stands for: the home page heading and the description search engines show.", max_length=200, verbose_name="tagline")),
                ("introduction", models.TextField(blank=True, help_text="A few sentences under the tagline on the home page, when no appeal is featured.", verbose_name="introduction")),
                ("footer_text", models.CharField(blank=True, help_text="Under the campaign's name in every footer.", max_length=300, verbose_name="footer text")),
            ],
            options={
                "verbose_name": "site settings",
                "verbose_name_plural": "site settings",
            },
        ),
        migrations.RunPython(create_site_settings, migrations.RunPython.noop),
    ]
