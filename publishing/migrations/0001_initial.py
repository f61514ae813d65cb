# The restructure of 2026-12: categories, posts and articles move here from the campaign app.
# Django's record of the models moves; the tables and their rows stay where they are
# (campaign_category, campaign_post) until 0004 renames them.

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import publishing.images
from publishing.migration_helpers import content_type_mover

move_content_types, move_content_types_back = content_type_mover(
    "campaign", "publishing", ["category", "post", "article"]
)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("campaign", "0005_detach_links"),
        ("petitions", "0002_outgoing_email"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Category",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(max_length=100, unique=True, verbose_name="name")),
                        ("slug", models.SlugField(max_length=100, unique=True, verbose_name="slug")),
                        ("description", models.TextField(blank=True, verbose_name="description")),
                        ("navigation_order", models.PositiveSmallIntegerField(default=0, help_text="Lower numbers come first.", verbose_name="order in navigation")),
                        ("show_in_navigation", models.BooleanField(default=True, verbose_name="show in navigation")),
                    ],
                    options={
                        "verbose_name": "category",
                        "verbose_name_plural": "categories",
                        "ordering": ["navigation_order", "name"],
                        "db_table": "campaign_category",
                    },
                ),
                migrations.CreateModel(
                    name="Post",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("kind", models.CharField(choices=[("article", "Article"), ("appeal", "Appeal"), ("video", "Video")], default="article", editable=False, max_length=20, verbose_name="kind")),
                        ("title", models.CharField(max_length=200, verbose_name="title")),
                        ("slug", models.SlugField(help_text="The end of the page's address. Filled from the title; fixed once published.", max_length=200, unique=True, verbose_name="slug")),
                        ("status", models.CharField(choices=[("draft", "Draft"), ("published", "Published")], default="draft", max_length=20, verbose_name="status")),
                        ("published_at", models.DateTimeField(default=django.utils.timezone.now, help_text="A date in the future schedules the post: it appears by itself at that time.", verbose_name="publish date")),
                        ("standfirst", models.TextField(blank=True, help_text="One or two sentences under the title, also used as the excerpt.", verbose_name="standfirst")),
                        ("byline", models.CharField(blank=True, help_text="Who wrote it, as readers should see it.", max_length=200, verbose_name="byline")),
                        ("body", models.TextField(blank=True, verbose_name="body")),
                        ("image", publishing.images.CleanImageField(blank=True, upload_to="posts/%Y/%m/", verbose_name="image")),
                        ("image_alt", models.CharField(blank=True, help_text="What the image shows, for people who cannot see it. Required with an image.", max_length=250, verbose_name="image description (alt text)")),
                        ("image_caption", models.CharField(blank=True, max_length=300, verbose_name="image caption")),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        ("author", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="posts", to=settings.AUTH_USER_MODEL, verbose_name="editor")),
                        ("categories", models.ManyToManyField(blank=True, related_name="posts", to="publishing.category", verbose_name="categories")),
                        # Until petitions/0003 has copied it to Petition.posts (then 0003 here drops it).
                        ("petition", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="petitions.petition", verbose_name="petition")),
                    ],
                    options={
                        "verbose_name": "post",
                        "verbose_name_plural": "posts",
                        "ordering": ["-published_at", "-id"],
                        "db_table": "campaign_post",
                        "indexes": [models.Index(fields=["status", "-published_at"], name="post_published_idx")],
                        "constraints": [models.CheckConstraint(condition=models.Q(("image", ""), models.Q(("image_alt", ""), _negated=True), _connector="OR"), name="post_image_has_alt_text")],
                    },
                ),
                migrations.CreateModel(
                    name="Article",
                    fields=[],
                    options={
                        "verbose_name": "article",
                        "verbose_name_plural": "articles",
                        "proxy": True,
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=("publishing.post",),
                ),
            ]
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
