"""Editors publish video posts; visitors see a poster and nothing from YouTube until they press play."""

import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from media_library.models import VideoPost
from tests import factories
from tests.admin_forms import admin_form_data

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/media_library/videopost/add/"
# Any attribute that makes the browser fetch something: src, srcset, poster, data of <object>.
FETCHING_ATTRIBUTE = re.compile(r"""\s(?:src|srcset|poster|data)\s*=\s*["']([^"']*)["']""", re.IGNORECASE)


@pytest.fixture
def video_category(db):
    return factories.category("Video")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def admin_form(client, video_category, **changes):
    """The add form as an editor fills it in."""
    now = timezone.localtime()
    fields = {
        "title": "Irish foreign minister challenged over Vadim Kuramshin",
        "slug": "irish-foreign-minister-challenged",
        "standfirst": "Joe Higgins TD says not enough is being done.",
        "body": "<p>Video report of exchanges in parliament.</p>",
        "video_url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "duration": "4:35",
        "status": factories.PUBLISHED,
        "published_at_0": now.strftime("%Y-%m-%d"),
        "published_at_1": now.strftime("%H:%M:%S"),
        "categories": [video_category.pk],
    }
    return admin_form_data(client.get(ADD_URL), **{**fields, **changes})


def test_the_admin_refuses_an_address_that_is_not_a_youtube_or_vimeo_video(editor_client, video_category):
    response = editor_client.post(
        ADD_URL,
        admin_form(editor_client, video_category, video_url="https://example.com/watch?v=dQw4w9WgXcQ"),
    )
    assert response.status_code == 200  # the form comes back with the error, nothing saved
    errors = response.context["adminform"].form.errors
    assert "not the address of a YouTube or Vimeo video" in str(errors["video_url"])
    assert "not the address of a YouTube or Vimeo video" in response.content.decode()
    assert not VideoPost.objects.exists()


def test_the_admin_saves_a_youtube_address_as_provider_and_id(editor_client, video_category):
    response = editor_client.post(
        ADD_URL,
        admin_form(
            editor_client,
            video_category,
            image=factories.image_upload("poster.jpg"),
            image_alt="Joe Higgins TD speaking in the Dáil",
        ),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    video = VideoPost.objects.get()
    assert (video.provider, video.provider_video_id) == ("youtube", "dQw4w9WgXcQ")
    assert video.kind == "video"
    assert video.kind_label == "Video"
    assert video.duration == timedelta(minutes=4, seconds=35)
    assert video.get_absolute_url() == "/videos/irish-foreign-minister-challenged/"


def test_the_admin_calls_the_image_the_poster(editor_client):
    html = editor_client.get(ADD_URL).content.decode()
    assert "Poster image" in html
    assert "Poster description (alt text)" in html
    assert "the site never loads the provider" in html


def test_a_poster_needs_a_description():
    video = factories.video_post()
    video.image_alt = ""
    with pytest.raises(ValidationError) as error:
        video.full_clean()
    assert "image_alt" in error.value.message_dict


@pytest.mark.parametrize(
    "address", ["https://example.com/video.mp4", "https://www.youtube.com/watch?v=tooshort", ""]
)
def test_full_clean_gives_one_clear_message_on_the_address(video_category, address):
    video = VideoPost(title="Full video of London commemoration", slug="london", video_url=address)
    with pytest.raises(ValidationError) as error:
        video.full_clean()
    messages = error.value.message_dict["video_url"]
    assert len(messages) == 1
    assert messages[0] == "This field cannot be blank." or "YouTube or Vimeo" in messages[0]


def test_the_database_refuses_a_video_post_whose_address_is_not_a_video(video_category):
    with pytest.raises(IntegrityError):
        VideoPost.objects.create(title="Broken", slug="broken", video_url="https://example.com/")


def test_changing_the_address_changes_the_video():
    video = factories.video_post()
    video.video_url = "https://vimeo.com/channels/staffpicks/123456789"
    video.save()
    video.refresh_from_db()
    assert (video.provider, video.provider_video_id) == ("vimeo", "123456789")
    assert video.embed_url == "https://player.vimeo.com/video/123456789?dnt=1&autoplay=1"


@pytest.mark.parametrize(
    "address",
    ["https://vimeo.com/81617180/abcdef1234", "https://player.vimeo.com/video/81617180?h=abcdef1234"],
)
def test_an_editor_publishes_an_unlisted_vimeo_video_that_plays_for_visitors(
    client, editor_client, video_category, address
):
    response = editor_client.post(ADD_URL, admin_form(editor_client, video_category, video_url=address))
    assert response.status_code == 302, response.context["adminform"].form.errors

    video = VideoPost.objects.get()
    assert (video.provider, video.provider_video_id, video.privacy_hash) == (
        "vimeo",
        "81617180",
        "abcdef1234",
    )
    client.logout()
    html = client.get(video.get_absolute_url()).content.decode()
    # Without the hash Vimeo answers "video not found": the player and the link both carry it.
    assert (
        'data-embed-url="https://player.vimeo.com/video/81617180?h=abcdef1234&amp;dnt=1&amp;autoplay=1"'
        in html
    )
    assert 'href="https://vimeo.com/81617180/abcdef1234"' in html


def test_a_public_address_in_place_of_an_unlisted_one_drops_the_old_hash():
    video = factories.video_post(video_url="https://vimeo.com/81617180/abcdef1234")
    video.video_url = "https://vimeo.com/123456789"
    video.save()
    video.refresh_from_db()
    assert (video.provider_video_id, video.privacy_hash) == ("123456789", "")
    assert video.watch_url == "https://vimeo.com/123456789"


def test_the_video_page_shows_the_poster_and_a_link_to_the_video_and_loads_nothing_from_youtube(client):
    video = factories.video_post(duration=timedelta(minutes=4, seconds=35))
    response = client.get(video.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()

    assert f'src="{video.image.url}"' in html
    assert 'alt="Miners raise their hands in a packed hall"' in html
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in html  # works without JavaScript
    assert "Play video from YouTube" in html
    assert 'data-embed-url="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?' in html
    assert '<time datetime="PT275S">4:35</time>' in html

    assert "<iframe" not in html.lower()
    fetched = FETCHING_ATTRIBUTE.findall(html)
    assert fetched, "the pattern must see the page's images and scripts"
    assert not [url for url in fetched if re.search(r"youtube|youtu\.be|vimeo", url)]


def player_in(html):
    start = html.index('<figure class="video-player')
    return html[start : html.index("</figure>", start)]


def test_the_page_without_a_poster_still_offers_the_play_link(client):
    video = factories.video_post(image=None, image_alt="", video_url="https://vimeo.com/123456789")
    html = client.get(video.get_absolute_url()).content.decode()
    assert 'href="https://vimeo.com/123456789"' in html
    assert "Play video from Vimeo" in html
    assert "<iframe" not in html.lower()


def test_a_video_without_a_poster_shows_its_title_and_duration_in_place_of_an_empty_box(client):
    video = factories.video_post(
        "Miners in Limpopo back Kazakh workers", image=None, image_alt="", duration=timedelta(minutes=4)
    )

    player = player_in(client.get(video.get_absolute_url()).content.decode())

    assert 'class="video-player video-player--no-poster"' in player
    assert "<img" not in player
    link = player[player.index("<a ") : player.index("</a>")]
    # The link names what it plays: its text is the title and the play button's label.
    assert '<span class="video-no-poster-title">Miners in Limpopo back Kazakh workers</span>' in link
    assert "Play video from YouTube" in link
    assert '<time datetime="PT240S">4:00</time>' in player


def test_a_post_featuring_a_video_without_a_poster_names_that_video_on_its_player(client):
    video = factories.video_post("Solidarity from Limpopo", image=None, image_alt="")
    post = factories.article("Miners write to Zhanaozen", featured_video=video)

    player = player_in(client.get(post.get_absolute_url()).content.decode())

    assert "video-player--no-poster" in player
    assert "Solidarity from Limpopo" in player
    assert f'href="{video.watch_url}"' in player


def test_a_video_without_a_poster_is_still_shown_as_a_video_in_lists(client, video_category):
    video = factories.video_post("Poster-less", image=None, image_alt="", categories=[video_category])
    factories.article("Featuring it", featured_video=video, categories=[video_category])
    factories.article("Plain news", categories=[video_category])

    html = client.get("/category/video/").content.decode()

    cards = {}
    for card in html.split('<article class="post-card')[1:]:
        title = re.search(r'<h\d class="post-card-title"><a href="[^"]*">([^<]*)</a>', card).group(1)
        cards[title] = card[: card.index("</article>")]
    for title in ("Poster-less", "Featuring it"):
        assert 'class="post-card-media post-card-media--no-poster"' in cards[title]
        assert '<span class="play-badge">' in cards[title]
    assert "post-card-media" not in cards["Plain news"]


def test_the_transcript_is_folded_under_the_player(client):
    video = factories.video_post(transcript="Comrades, we stand with the miners of Zhezkazgan.")
    html = client.get(video.get_absolute_url()).content.decode()
    details = html[html.index('<details class="video-transcript">') : html.index("</details>")]
    assert "Read the transcript" in details
    assert "we stand with the miners of Zhezkazgan" in details


def test_a_draft_video_is_not_shown_to_visitors(client, video_category):
    video = factories.video_post(categories=[video_category], status=factories.DRAFT)
    assert client.get(video.get_absolute_url()).status_code == 404
    assert video.title not in client.get("/category/video/").content.decode()


def test_the_category_page_lists_the_video_with_its_poster_and_a_play_badge(client, video_category):
    video = factories.video_post(categories=[video_category])
    html = client.get("/category/video/").content.decode()
    card = html[html.index('<article class="post-card post-card--video">') :]
    card = card[: card.index("</article>")]
    assert video.title in card
    assert f'href="{video.get_absolute_url()}"' in card
    assert f'src="{video.image.url}"' in card
    assert '<span class="play-badge">' in card
    assert "<iframe" not in html.lower()


def test_durations_read_as_editors_write_them(editor_client, video_category):
    video = factories.video_post("Kuramshin in parliament", duration=timedelta(minutes=3, seconds=12))
    form = editor_client.get(f"/admin/media_library/videopost/{video.pk}/change/").content.decode()
    assert 'name="duration" value="3:12"' in form
    listing = editor_client.get("/admin/media_library/videopost/").content.decode()
    assert '<td class="field-length">3:12</td>' in listing
    # What the form shows is what it takes back.
    response = editor_client.post(ADD_URL, admin_form(editor_client, video_category, duration="1:02:10"))
    assert response.status_code == 302
    assert VideoPost.objects.get(slug="irish-foreign-minister-challenged").duration == timedelta(
        hours=1, minutes=2, seconds=10
    )


def test_a_validation_error_keeps_the_poster(editor_client, video_category):
    first = admin_form(
        editor_client,
        video_category,
        video_url="https://example.com/x",
        image=factories.image_upload("poster.jpg"),
        image_alt="Parliament",
    )
    response = editor_client.post(ADD_URL, first)
    assert response.status_code == 200
    token = re.search(r'name="image__kept" value="([^"]+)"', response.content.decode())[1]
    second = admin_form(editor_client, video_category, image_alt="Parliament")
    assert editor_client.post(ADD_URL, {**second, "image__kept": token}).status_code == 302
    assert VideoPost.objects.get().image


@pytest.mark.django_db(transaction=True)
def test_an_unlisted_vimeo_video_saved_before_the_hash_was_kept_plays_after_the_upgrade(migrator):
    old = migrator.apply_initial_migration(("media_library", "0003_videopost_on_publishing"))
    old.apps.get_model("media_library", "VideoPost").objects.create(
        title="Unlisted",
        slug="unlisted",
        kind="video",
        status="published",
        published_at=timezone.now(),
        video_url="https://player.vimeo.com/video/81617180?h=abcdef1234",
        provider="vimeo",
        provider_video_id="81617180",  # the hash was dropped: Vimeo would not play it
    )

    new = migrator.apply_tested_migration(("media_library", "0004_videopost_privacy_hash"))

    video = new.apps.get_model("media_library", "VideoPost").objects.get(slug="unlisted")
    assert (video.provider_video_id, video.privacy_hash) == ("81617180", "abcdef1234")
