# The restructure of 2026-12: the petition a post supports is now kept by the petitions app
# (Petition.posts, copied there by petitions/0003).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("publishing", "0002_featured_video_is_a_post"),
        ("petitions", "0003_links_to_ground_apps"),
    ]

    operations = [
        migrations.RemoveField(model_name="post", name="petition"),
    ]
