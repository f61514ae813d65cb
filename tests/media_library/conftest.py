from datetime import timedelta
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from campaign.models import Category, Post
from media_library.models import VideoPost


def poster_upload(name="poster.jpg"):
    """A small real JPEG, as an editor's upload."""
    buffer = BytesIO()
    Image.new("RGB", (320, 180), "#9b1c1c").save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


@pytest.fixture
def video_category(db):
    return Category.objects.get_or_create(slug="video", defaults={"name": "Video"})[0]


@pytest.fixture
def make_video_post(video_category):
    """A published video post with a poster, in the Video category, in one line."""

    def make(title="South African miners declare solidarity", **fields):
        fields.setdefault("slug", title.lower().replace(" ", "-"))
        fields.setdefault("video_url", "https://youtu.be/dQw4w9WgXcQ")
        fields.setdefault("status", Post.Status.PUBLISHED)
        fields.setdefault("published_at", timezone.now() - timedelta(hours=1))
        fields.setdefault("standfirst", "Hundreds of miners in Limpopo backed a message of support.")
        fields.setdefault("image", poster_upload())
        fields.setdefault("image_alt", "Miners raise their hands in a packed hall")
        post = VideoPost.objects.create(title=title, **fields)
        post.categories.add(video_category)
        return post

    return make
