# The restructure of 2026-12, step 1: the post's links to other apps leave the old campaign.Post
# (in Django's record of the models only; the columns stay). publishing/0001 takes over the post.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("campaign", "0004_post_petition"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(model_name="post", name="featured_video"),
                migrations.RemoveField(model_name="post", name="prisoners"),
                migrations.RemoveField(model_name="post", name="petition"),
            ]
        ),
    ]
