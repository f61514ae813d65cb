# The restructure of 2026-12: a post's featured video points at the video's post (publishing.Post),
# not at media_library.VideoPost, so that publishing needs nothing from media_library. The ids are
# the same (a video post's id is its post's id): only the column's foreign key changes.

import django.db.models.deletion
from django.db import migrations, models

import publishing.models


class Migration(migrations.Migration):
    dependencies = [
        ("publishing", "0001_initial"),
        ("media_library", "0003_videopost_on_publishing"),
    ]

    operations = [
        # The column as it is (campaign_post.featured_video_id, to media_library_videopost).
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(
                    model_name="post",
                    name="featured_video",
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="media_library.videopost", verbose_name="featured video"),
                ),
            ]
        ),
        migrations.AlterField(
            model_name="post",
            name="featured_video",
            field=models.ForeignKey(blank=True, help_text="Show this video's player at the top of the post.", limit_choices_to=publishing.models.posts_with_a_player, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="featured_in", to="publishing.post", verbose_name="featured video"),
        ),
    ]
