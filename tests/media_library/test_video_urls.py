"""Which addresses an editor can paste, and which players and links the site builds from them."""

import pytest

from media_library.video_urls import VIMEO, YOUTUBE, VideoReference, embed_url, parse_video_url, watch_url

YOUTUBE_ID = "dQw4w9WgXcQ"
VIMEO_ID = "123456789"


@pytest.mark.parametrize(
    "url",
    [
        f"https://www.youtube.com/watch?v={YOUTUBE_ID}",
        f"https://www.youtube.com/watch?feature=shared&v={YOUTUBE_ID}&t=42s",
        f"http://youtube.com/watch?v={YOUTUBE_ID}",
        f"https://m.youtube.com/watch?v={YOUTUBE_ID}",
        f"https://youtu.be/{YOUTUBE_ID}",
        f"https://youtu.be/{YOUTUBE_ID}?si=tracking123&t=10",
        f"https://www.youtube.com/shorts/{YOUTUBE_ID}",
        f"https://www.youtube.com/embed/{YOUTUBE_ID}",
        f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}?rel=0",
        f"https://www.youtube.com/live/{YOUTUBE_ID}",
        f"  https://WWW.YouTube.com/watch?v={YOUTUBE_ID}  ",
    ],
)
def test_youtube_addresses_editors_paste_are_recognised(url):
    assert parse_video_url(url) == VideoReference(YOUTUBE, YOUTUBE_ID)


@pytest.mark.parametrize(
    "url",
    [
        f"https://vimeo.com/{VIMEO_ID}",
        f"https://www.vimeo.com/{VIMEO_ID}/",
        f"https://vimeo.com/channels/staffpicks/{VIMEO_ID}",
        f"https://vimeo.com/groups/unions/videos/{VIMEO_ID}",
        f"https://player.vimeo.com/video/{VIMEO_ID}",
        f"https://player.vimeo.com/video/{VIMEO_ID}?dnt=1",
    ],
)
def test_vimeo_addresses_editors_paste_are_recognised(url):
    assert parse_video_url(url) == VideoReference(VIMEO, VIMEO_ID)


UNLISTED_ID, PRIVACY_HASH = "81617180", "abcdef1234"


@pytest.mark.parametrize(
    "url",
    [
        # What Vimeo's "Share" gives for an unlisted video, and the player address in its embed code.
        f"https://vimeo.com/{UNLISTED_ID}/{PRIVACY_HASH}",
        f"https://vimeo.com/{UNLISTED_ID}/{PRIVACY_HASH}?share=copy",
        f"https://www.vimeo.com/{UNLISTED_ID}/{PRIVACY_HASH}/",
        f"https://player.vimeo.com/video/{UNLISTED_ID}?h={PRIVACY_HASH}",
        f"https://player.vimeo.com/video/{UNLISTED_ID}?h={PRIVACY_HASH}&badge=0&dnt=1",
        f"https://vimeo.com/{UNLISTED_ID}?h={PRIVACY_HASH}",
    ],
)
def test_unlisted_vimeo_addresses_are_recognised_with_their_privacy_hash(url):
    assert parse_video_url(url) == VideoReference(VIMEO, UNLISTED_ID, PRIVACY_HASH)


def test_an_unlisted_vimeo_video_plays_and_links_with_its_privacy_hash():
    assert embed_url(VIMEO, UNLISTED_ID, PRIVACY_HASH) == (
        f"https://player.vimeo.com/video/{UNLISTED_ID}?h={PRIVACY_HASH}&dnt=1&autoplay=1"
    )
    assert watch_url(VIMEO, UNLISTED_ID, PRIVACY_HASH) == f"https://vimeo.com/{UNLISTED_ID}/{PRIVACY_HASH}"


@pytest.mark.parametrize(
    "url",
    [
        "",
        None,
        "   ",
        "not a url",
        f"javascript:alert('https://youtu.be/{YOUTUBE_ID}')",
        f"data:text/html,https://youtu.be/{YOUTUBE_ID}",
        f"ftp://youtube.com/watch?v={YOUTUBE_ID}",
        f"//youtu.be/{YOUTUBE_ID}",
        # Other hosts, including ones dressed up as YouTube or Vimeo.
        f"https://example.com/watch?v={YOUTUBE_ID}",
        f"https://youtube.com.example.com/watch?v={YOUTUBE_ID}",
        f"https://www.youtube.com@example.com/watch?v={YOUTUBE_ID}",
        f"https://notyoutu.be/{YOUTUBE_ID}",
        f"https://dailymotion.com/video/{VIMEO_ID}",
        f"https://vimeo.com.example.org/{VIMEO_ID}",
        # Malformed or missing ids.
        "https://www.youtube.com/watch?v=short",
        f"https://www.youtube.com/watch?v={YOUTUBE_ID}x",
        "https://www.youtube.com/watch?v=dQw4w9WgXc!",
        f"https://www.youtube.com/watch?v={YOUTUBE_ID}%0A",
        "https://www.youtube.com/watch",
        "https://www.youtube.com/",
        f"https://www.youtube.com/channel/{YOUTUBE_ID}",
        "https://youtu.be/",
        f"https://youtu.be/{YOUTUBE_ID}/extra",
        "https://vimeo.com/",
        "https://vimeo.com/channels/staffpicks",
        "https://vimeo.com/12345",
        "https://vimeo.com/1234567890123",
        "https://vimeo.com/12345678a",
        f"https://player.vimeo.com/{VIMEO_ID}",
        "https://player.vimeo.com/video/",
        # A privacy hash is a few hexadecimal digits, nothing else.
        f"https://vimeo.com/{UNLISTED_ID}/settings",
        f"https://vimeo.com/{UNLISTED_ID}/abc",
        f"https://vimeo.com/{UNLISTED_ID}/%22%3E%3Cscript%3E",
        f"https://player.vimeo.com/video/{UNLISTED_ID}?h=%22%3E%3Cscript%3E",
        f"https://player.vimeo.com/video/{UNLISTED_ID}?h={PRIVACY_HASH}&h=0123456789",
        f"https://vimeo.com/{UNLISTED_ID}/{PRIVACY_HASH}/extra",
        "https://[::1/watch?v=dQw4w9WgXcQ",
    ],
)
def test_anything_else_is_refused(url):
    assert parse_video_url(url) is None


def test_youtube_plays_from_the_no_cookie_domain():
    assert embed_url(YOUTUBE, YOUTUBE_ID).startswith(f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}?")


def test_vimeo_plays_with_do_not_track():
    assert embed_url(VIMEO, VIMEO_ID).startswith(f"https://player.vimeo.com/video/{VIMEO_ID}?dnt=1")


def test_links_without_javascript_go_to_the_providers_own_page():
    assert watch_url(YOUTUBE, YOUTUBE_ID) == f"https://www.youtube.com/watch?v={YOUTUBE_ID}"
    assert watch_url(VIMEO, VIMEO_ID) == f"https://vimeo.com/{VIMEO_ID}"
