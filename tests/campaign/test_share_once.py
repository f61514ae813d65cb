"""Every page offers its share buttons once: on a post, a prisoner's profile or a petition
they share that page, where the reader finishes it; elsewhere the sidebar shares the site."""

import re

import pytest

from tests import factories

pytestmark = pytest.mark.django_db

SHARE_LIST = re.compile(r'<ul class="share-links[^"]*" data-share-url="([^"]*)"')


def share_lists(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    return html, SHARE_LIST.findall(html)


@pytest.mark.parametrize(
    "build",
    [
        lambda: factories.article("An article"),
        lambda: factories.appeal("An appeal"),
        lambda: factories.video_post("A video"),
        lambda: factories.article("A post with a video", featured_video=factories.video_post("Featured")),
        lambda: factories.prisoner("Vadim Kuramshin"),
        lambda: factories.petition(title="Free the oil workers", is_featured=True),
    ],
    ids=["article", "appeal", "video", "post-with-video", "prisoner", "petition"],
)
def test_a_page_of_its_own_shares_itself_once(client, build):
    item = build()

    html, shared = share_lists(client, item.get_absolute_url())

    assert shared == [f"http://testserver{item.get_absolute_url()}"]
    assert html.count("Share this with your friends") + html.count("Share this petition") == 1


@pytest.mark.parametrize(
    "url", ["/", "/posts/", "/category/news/", "/prisoners/", "/petitions/", "/search/?q=x"]
)
def test_other_pages_share_the_site_once_from_the_sidebar(client, url):
    factories.category("News")
    factories.article("Some news")

    html, shared = share_lists(client, url)

    assert len(shared) == 1
    assert html.count("Share this with your friends") == 1


def test_after_signing_the_supporter_is_asked_once_to_share_the_petition(client):
    petition = factories.petition(title="Free the oil workers")

    html, shared = share_lists(client, f"/petitions/{petition.slug}/check-your-email/")

    assert shared == [f"http://testserver{petition.get_absolute_url()}"]
    assert html.count("Ask your friends to sign too") == 1
