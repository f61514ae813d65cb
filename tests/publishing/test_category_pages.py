"""A category page lists its posts of every kind, newest first, a page at a time."""

import pytest
from django.utils import timezone

from tests import factories

pytestmark = pytest.mark.django_db


def test_category_page_lists_every_kind_newest_first_with_pagination(client):
    appeals = factories.category("Appeals")
    old = factories.article("Oldest article", categories=[appeals], days_ago=30)
    factories.appeal("Newest appeal", categories=[appeals], days_ago=0)
    factories.video_post("Middle video", categories=[appeals], days_ago=3)
    html = client.get("/category/appeals/").content.decode()
    assert html.index("Newest appeal") < html.index("Middle video") < html.index("Oldest article")

    for number in range(12):
        factories.article(f"Filler {number}", categories=[appeals], days_ago=10)
    first_page = client.get("/category/appeals/").content.decode()
    second_page = client.get("/category/appeals/?page=2").content.decode()
    assert "Page 1 of 2" in first_page
    assert old.title in second_page and old.title not in first_page


def test_category_entries_show_date_byline_categories_and_excerpt(client):
    appeals, video = factories.category("Appeals"), factories.category("Video")
    factories.article(
        "Solidarity from South Africa",
        categories=[appeals, video],
        byline="Our correspondent",
        standfirst="Miners in Limpopo sent a message of support.",
        published_at=timezone.make_aware(timezone.datetime(2014, 3, 9, 12, 0)),
    )
    html = client.get("/category/video/").content.decode()
    assert "9 March 2014" in html
    assert "by Our correspondent" in html
    assert "Miners in Limpopo sent a message of support." in html
    assert 'href="/category/appeals/"' in html and 'href="/category/video/"' in html


def test_an_empty_category_says_so_and_an_unknown_one_is_404(client):
    factories.category("Press release")
    response = client.get("/category/press-release/")
    assert response.status_code == 200
    assert "Nothing has been published in this category yet" in response.content.decode()
    assert client.get("/category/no-such-thing/").status_code == 404
