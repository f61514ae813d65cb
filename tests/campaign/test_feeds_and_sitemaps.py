"""Feed readers and search engines see what visitors see: published posts only, newest first."""

from datetime import timedelta
from unittest import mock
from xml.etree import ElementTree

import pytest
from django.test import override_settings
from django.utils import timezone

from publishing.models import Post, SiteSettings
from tests import factories

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def feed_titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)  # noqa: S314 (the site's own XML)
    if root.tag == f"{ATOM}feed":
        return [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]
    return [item.findtext("title") for item in root.iter("item")]


@pytest.fixture
def news():
    """A category with two published posts, a draft, a scheduled post; one published post elsewhere."""
    news = factories.category("News")
    elsewhere = factories.category("Video")
    factories.article("Older news", slug="older-news", days_ago=5, categories=[news])
    factories.article("Newer news", slug="newer-news", days_ago=1, categories=[news])
    factories.article("Draft news", slug="draft-news", categories=[news], status=factories.DRAFT)
    factories.article("Scheduled news", slug="scheduled-news", days_ago=-1, categories=[news])
    factories.article("Video news", slug="video-news", days_ago=3, categories=[elsewhere])
    return news


@pytest.mark.parametrize("url", ["/feed/", "/feed/atom/"])
def test_the_site_feeds_list_published_posts_newest_first(client, news, url):
    assert feed_titles(client, url) == ["Newer news", "Video news", "Older news"]


@pytest.mark.parametrize("url", ["/category/news/feed/", "/category/news/feed/atom/"])
def test_a_category_feed_lists_its_published_posts_newest_first(client, news, url):
    assert feed_titles(client, url) == ["Newer news", "Older news"]


def test_the_feeds_are_rss_and_atom(client, news):
    assert client.get("/feed/")["Content-Type"].startswith("application/rss+xml")
    assert client.get("/feed/atom/")["Content-Type"].startswith("application/atom+xml")


def test_the_feeds_carry_the_campaigns_name_as_its_editors_set_it(client, news):
    site = SiteSettings.current()
    site.name = "Campaign Zhanaozen"
    site.save()

    def channel_title(url):
        root = ElementTree.fromstring(client.get(url).content)  # noqa: S314 (the site's own XML)
        return root.find("channel").findtext("title")

    assert channel_title("/feed/") == "Campaign Zhanaozen"
    assert channel_title("/category/news/feed/") == "News · Campaign Zhanaozen"


@pytest.mark.parametrize("url", ["/category/no-such-category/feed/", "/category/no-such-category/feed/atom/"])
def test_the_feed_of_an_unknown_category_is_not_found(client, url):
    assert client.get(url).status_code == 404


FEEDS = ["/feed/", "/feed/atom/", "/category/news/feed/", "/category/news/feed/atom/"]


@pytest.mark.parametrize("url", FEEDS)
def test_a_feed_reader_that_has_the_latest_version_gets_304_not_modified(client, news, url):
    etag = client.get(url)["ETag"]
    assert client.get(url)["ETag"] == etag  # also when the feed comes from the page cache

    again = client.get(url, headers={"if-none-match": etag})

    assert again.status_code == 304
    assert again.content == b""


@pytest.mark.parametrize("url", FEEDS)
def test_a_feed_reader_that_sends_if_modified_since_gets_304_not_modified(client, news, url):
    client.get(url)  # stored in the page cache
    last_modified = client.get(url)["Last-Modified"]  # served from it, Last-Modified kept

    again = client.get(url, headers={"if-modified-since": last_modified})

    assert again.status_code == 304


def test_a_feed_reader_gets_the_new_version_once_a_post_is_published(client, news):
    etag = client.get("/feed/")["ETag"]
    factories.article("Breaking news", days_ago=0, categories=[news])

    response = client.get("/feed/", headers={"if-none-match": etag})

    assert response.status_code == 200
    assert response["ETag"] != etag
    assert b"Breaking news" in response.content


def test_a_feed_reader_gets_a_scheduled_post_when_its_time_comes(client, news):
    # Nothing is saved when a scheduled post's time comes, yet the feed must change.
    etag = client.get("/feed/")["ETag"]
    assert b"Scheduled news" not in client.get("/feed/").content

    with mock.patch("django.utils.timezone.now", return_value=timezone.now() + timedelta(days=2)):
        response = client.get("/feed/", headers={"if-none-match": etag})

    assert response.status_code == 200
    assert b"Scheduled news" in response.content


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)  # noqa: S314 (the site's own XML)
    return {url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod") for url in root}


@override_settings(SITE_URL="https://campaign.example")
def test_the_sitemap_lists_every_public_page_at_the_public_address(client, news):
    appeal = factories.appeal("Free Erzhan", days_ago=2)
    video = factories.video_post("Erzhan's message", days_ago=2)
    factories.prisoner("Erzhan", slug="erzhan")
    factories.prisoner("Hidden", slug="hidden", status=factories.DRAFT)
    factories.prisoner("Coming soon", slug="coming-soon", published_at=timezone.now() + timedelta(days=1))
    petition = factories.petition(title="Free Erzhan now")
    draft_petition = factories.petition(title="Not yet", status=factories.DRAFT)

    entries = sitemap_entries(client)

    site = "https://campaign.example"
    for path in (
        "/",
        "/posts/",
        "/prisoners/",
        "/posts/newer-news/",
        "/posts/older-news/",
        appeal.get_absolute_url(),
        video.get_absolute_url(),
        petition.get_absolute_url(),
        "/category/news/",
        "/category/video/",
        "/prisoners/erzhan/",
    ):
        assert site + path in entries, path
    assert (
        entries[f"{site}/posts/newer-news/"]
        == Post.objects.get(slug="newer-news").updated_at.date().isoformat()
    )
    for path in (
        "/posts/draft-news/",
        "/posts/scheduled-news/",
        "/prisoners/hidden/",
        "/prisoners/coming-soon/",
        draft_petition.get_absolute_url(),
    ):
        assert site + path not in entries, path


@override_settings(SITE_URL="https://campaign.example")
def test_robots_txt_lets_crawlers_in_except_admin_and_search_and_names_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Allow: /" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /search/" in lines
    assert "Sitemap: https://campaign.example/sitemap.xml" in lines
    assert "Disallow: /" not in lines
