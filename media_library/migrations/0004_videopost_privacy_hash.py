import re
from urllib.parse import parse_qs, urlparse

from django.db import migrations, models

HASH = re.compile(r"[0-9a-f]{6,32}")


def keep_the_hash_of_unlisted_vimeo_videos(apps, schema_editor):
    """Before this, player.vimeo.com/video/<id>?h=<hash> was saved without its hash, and the
    video did not play. The address the editor pasted still has it: take it from there."""
    video_model = apps.get_model("media_library", "VideoPost")
    for video in video_model.objects.filter(provider="vimeo", video_url__contains="h="):
        hashes = parse_qs(urlparse(video.video_url).query).get("h", [])
        if len(hashes) == 1 and HASH.fullmatch(hashes[0]):
            video.privacy_hash = hashes[0]
            video.save(update_fields=["privacy_hash"])


class Migration(migrations.Migration):

    dependencies = [
        ('media_library', '0003_videopost_on_publishing'),
    ]

    operations = [
        migrations.AddField(
            model_name='videopost',
            name='privacy_hash',
            field=models.CharField(blank=True, editable=False, help_text="Part of an unlisted Vimeo video's address: Vimeo plays the video only with it.", max_length=40, verbose_name='privacy hash'),
        ),
        migrations.RunPython(keep_the_hash_of_unlisted_vimeo_videos, migrations.RunPython.noop, elidable=True),
    ]
