# The restructure of 2026-12: a petition's prisoners are prisoners.Prisoner (they moved out of the
# appeals app; the rows and the link table stay), and the posts that support a petition are kept
# here (Petition.posts), copied from the post's old single link to one petition.

from django.db import migrations, models


def copy_post_links(apps, schema_editor):
    posts = apps.get_model("publishing", "Post")
    petitions = apps.get_model("petitions", "Petition")
    links = petitions.posts.through
    links.objects.bulk_create(
        [
            links(petition_id=petition_id, post_id=post_id)
            for post_id, petition_id in posts.objects.filter(petition__isnull=False).values_list("pk", "petition_id")
        ],
        batch_size=1000,
    )


def copy_post_links_back(apps, schema_editor):
    posts = apps.get_model("publishing", "Post")
    links = apps.get_model("petitions", "Petition").posts.through
    # A post could support several petitions since; the old column holds one: the first.
    for post_id, petition_id in links.objects.order_by("post_id", "petition_id").values_list("post_id", "petition_id"):
        posts.objects.filter(pk=post_id, petition__isnull=True).update(petition_id=petition_id)


class Migration(migrations.Migration):
    dependencies = [
        ("petitions", "0002_outgoing_email"),
        ("prisoners", "0001_initial"),
        ("publishing", "0002_featured_video_is_a_post"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="petition",
                    name="prisoners",
                    field=models.ManyToManyField(blank=True, related_name="petitions", to="prisoners.prisoner", verbose_name="prisoners"),
                ),
            ]
        ),
        migrations.AddField(
            model_name="petition",
            name="posts",
            field=models.ManyToManyField(blank=True, help_text="Posts that ask their readers to sign: they show the petition with its count.", related_name="petitions", to="publishing.post", verbose_name="posts"),
        ),
        migrations.RunPython(copy_post_links, copy_post_links_back),
    ]
