"""A post's page: shared well on social sites, and naming the people the story is about."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def test_the_post_page_has_share_links_open_graph_and_canonical(client):
    post = factories.article("Free Vadim Kuramshin")
    html = client.get(post.get_absolute_url()).content.decode()
    url = f"http://testserver{post.get_absolute_url()}"
    assert f'<link rel="canonical" href="{url}">' in html
    assert '<meta property="og:title" content="Free Vadim Kuramshin">' in html
    for network in ("facebook.com/sharer", "twitter.com/intent", "wa.me", "t.me/share", "mailto:?subject"):
        assert network in html
    assert "Copy link" in html


def test_the_post_page_names_only_the_published_people_in_the_story(client):
    kuramshin = factories.prisoner("Vadim Kuramshin")
    unpublished = factories.prisoner("Profile Not Yet Public", status=factories.DRAFT)
    post = factories.article("Kuramshin moved to a harsher prison", prisoners=[kuramshin, unpublished])

    html = client.get(post.get_absolute_url()).content.decode()

    people = html[html.index("People in this story") :]
    assert f'href="{kuramshin.get_absolute_url()}">Vadim Kuramshin</a>' in people
    assert "Profile Not Yet Public" not in html


def test_a_post_about_nobody_published_has_no_people_section(client):
    unpublished = factories.prisoner("Profile Not Yet Public", status=factories.DRAFT)
    post = factories.article("Strike news", prisoners=[unpublished])
    assert "People in this story" not in client.get(post.get_absolute_url()).content.decode()


def test_a_post_shows_the_player_of_the_video_it_features(client):
    video = factories.video_post("Solidarity from Limpopo")
    post = factories.article("Miners send a message", featured_video=video)
    html = client.get(post.get_absolute_url()).content.decode()
    assert "Play video from YouTube" in html
    assert f'src="{video.image.url}"' in html
