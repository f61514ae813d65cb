"""Pages cost the same number of queries however much has been published."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from appeals.models import Appeal, Prisoner
from media_library.models import VideoPost
from tests import factories

pytestmark = pytest.mark.django_db


def publish_mixed_posts(how_many, categories, prisoner, video):
    """Articles, appeals and video posts in turn, each in two categories with linked content."""
    start = Appeal.objects.count() + VideoPost.objects.count() + 1000 * how_many
    for number in range(how_many):
        fields = {
            "title": f"Post {start + number}",
            "slug": f"post-{start + number}",
            "status": "published",
            "published_at": timezone.now() - timedelta(hours=number + 1),
            "featured_video": video,
        }
        kind = number % 3
        if kind == 0:
            post = factories.article(**fields)
        elif kind == 1:
            post = Appeal.objects.create(**fields, letter_body="Free them.")
        else:
            fields.pop("featured_video")
            post = VideoPost.objects.create(**fields, video_url=f"https://vimeo.com/{100000000 + number}")
        post.categories.set(categories)
        post.prisoners.add(prisoner)


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.fixture
def site():
    categories = [factories.category("Appeals"), factories.category("Video")]
    prisoner = Prisoner.objects.create(name="Vadim Kuramshin", slug="vadim-kuramshin", is_published=True)
    video = VideoPost.objects.create(
        title="Featured", slug="featured", status="published", video_url="https://youtu.be/dQw4w9WgXcQ"
    )
    return categories, prisoner, video


@pytest.mark.parametrize(
    "url", ["/", "/category/appeals/", "/posts/", "POST_PAGE", "APPEAL_PAGE", "VIDEO_PAGE"]
)
def test_queries_do_not_grow_with_the_number_of_posts(client, site, url):
    categories, prisoner, video = site
    publish_mixed_posts(3, categories, prisoner, video)

    def resolve():
        if url == "POST_PAGE":
            return factories.Article.objects.published().first().get_absolute_url()
        if url == "APPEAL_PAGE":
            return Appeal.objects.published().first().get_absolute_url()
        if url == "VIDEO_PAGE":
            return VideoPost.objects.published().first().get_absolute_url()
        return url

    with_three = queries_for(client, resolve())
    publish_mixed_posts(57, categories, prisoner, video)
    with_sixty = queries_for(client, resolve())
    assert with_sixty == with_three
