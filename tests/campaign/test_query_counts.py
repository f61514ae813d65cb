"""Pages cost the same number of queries however much has been published."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from appeals.models import Appeal
from campaign import page_cache
from media_library.models import VideoPost
from publishing.models import Article, SiteSettings
from tests import factories

pytestmark = pytest.mark.django_db


def publish_mixed_posts(how_many, categories, prisoner, video, petition):
    """Articles, appeals and video posts in turn, each in two categories with linked content."""
    for number in range(how_many):
        linked = {"categories": categories, "prisoners": [prisoner], "days_ago": 0}
        kind = number % 3
        if kind == 0:
            post = factories.article(featured_video=video, **linked)
        elif kind == 1:
            post = factories.appeal(featured_video=video, **linked)
        else:
            post = factories.video_post(video_url=f"https://vimeo.com/{100000000 + number}", **linked)
        petition.posts.add(post)


def queries_for(client, url):
    """The queries of one page as most visitors cause them: the site's own words (read once a
    minute), the time of the next scheduled item (read once per change) and what every page
    shows around its content (the navigation and featured petition, read once per content
    version) are already known."""
    SiteSettings.current()
    page_cache.content_version()
    client.get("/privacy/")  # a page with the navigation and the sidebar
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.fixture
def site():
    categories = [factories.category("Appeals"), factories.category("Video")]
    prisoner = factories.prisoner("Vadim Kuramshin")
    video = factories.video_post("Featured", days_ago=2)
    petition = factories.petition(title="Free Vadim Kuramshin")
    return categories, prisoner, video, petition


@pytest.mark.parametrize(
    "url", ["/", "/category/appeals/", "/posts/", "POST_PAGE", "APPEAL_PAGE", "VIDEO_PAGE"]
)
def test_queries_do_not_grow_with_the_number_of_posts(client, site, url):
    publish_mixed_posts(3, *site)

    def resolve():
        if url == "POST_PAGE":
            return Article.objects.published().first().get_absolute_url()
        if url == "APPEAL_PAGE":
            return Appeal.objects.published().first().get_absolute_url()
        if url == "VIDEO_PAGE":
            return VideoPost.objects.published().first().get_absolute_url()
        return url

    with_three = queries_for(client, resolve())
    publish_mixed_posts(57, *site)
    with_sixty = queries_for(client, resolve())
    assert with_sixty == with_three


@pytest.mark.parametrize("kind", ["article", "appeal"])
def test_featuring_a_video_costs_no_extra_query(client, kind):
    build = {"article": factories.article, "appeal": factories.appeal}[kind]
    plain = build()
    featuring = build(featured_video=factories.video_post())
    assert queries_for(client, featuring.get_absolute_url()) == queries_for(client, plain.get_absolute_url())
