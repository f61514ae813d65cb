"""The demo video posts: published, with a poster each, and safe to load again."""

import pytest
from PIL import Image

from media_library import demo
from media_library.models import VideoPost
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_categories():
    for name in ("Video", "Appeals", "Articles", "Press release"):
        factories.category(name)


def test_the_demo_publishes_the_campaigns_videos_with_their_own_posters(client, demo_categories):
    demo.load_content()

    videos = VideoPost.objects.published()
    assert {video.title for video in videos} >= {
        "Irish foreign minister challenged over Vadim Kuramshin",
        "Full video of London commemoration",
        "South African miners declare solidarity with Kazakhstan workers",
        "Video message from Paul Murphy for debate in Brussels on 18 April",
    }
    for video in videos:
        assert video.provider in ("youtube", "vimeo")
        assert video.image_alt
        with Image.open(video.image) as poster:
            assert poster.size == (1280, 720)
    listing = client.get("/category/video/").content.decode()
    assert listing.count('<span class="play-badge">') == videos.count()


def test_loading_the_demo_again_duplicates_nothing_and_keeps_an_editors_poster(demo_categories):
    demo.load_content()
    video = VideoPost.objects.get(slug="full-video-of-london-commemoration")
    video.image.save("editors-own-still.png", video.image.file, save=True)
    count = VideoPost.objects.count()

    demo.load_content()

    assert VideoPost.objects.count() == count
    video.refresh_from_db()
    assert "editors-own-still" in video.image.name
    assert [category.slug for category in video.categories.order_by("slug")] == ["press-release", "video"]
