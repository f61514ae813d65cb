# The restructure of 2026-12: categories, posts and articles now belong to the publishing app
# (publishing/0001 and later); the campaign app keeps no models.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("campaign", "0005_detach_links"),
        ("publishing", "0002_featured_video_is_a_post"),
        ("media_library", "0003_videopost_on_publishing"),
        ("appeals", "0003_appeal_on_publishing"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="Article"),
                migrations.DeleteModel(name="Post"),
                migrations.DeleteModel(name="Category"),
            ]
        ),
    ]
