"""Links to the old WordPress site keep working: each answers a permanent redirect to its page here."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests import factories

pytestmark = pytest.mark.django_db


def assert_moved_permanently(client, old_url, new_url):
    response = client.get(old_url)
    assert response.status_code == 301, old_url
    assert response["Location"] == new_url, old_url


@pytest.mark.parametrize(
    "old_url",
    [
        "/index.php/2019/12/16/zhanaozen-eight-years-on/",
        "/index.php/2019/12/16/zhanaozen-eight-years-on",
        # The date is ignored: the slug alone names the post.
        "/index.php/2021/01/01/zhanaozen-eight-years-on/",
    ],
)
def test_an_old_post_address_leads_to_the_post(client, old_url):
    post = factories.article("Zhanaozen, eight years on", slug="zhanaozen-eight-years-on")
    assert_moved_permanently(client, old_url, post.get_absolute_url())
    assert client.get(old_url, follow=True).status_code == 200


def test_an_old_appeal_address_leads_to_the_appeal_page(client):
    appeal = factories.appeal("Free Erzhan", slug="free-erzhan")
    assert_moved_permanently(client, "/index.php/2022/03/08/free-erzhan/", appeal.get_absolute_url())
    assert appeal.get_absolute_url().startswith("/appeals/")


def test_an_old_address_of_a_missing_draft_or_scheduled_post_is_not_found(client):
    factories.article("Still a draft", slug="still-a-draft", status=factories.DRAFT)
    factories.article("Coming soon", slug="coming-soon", published_at=timezone.now() + timedelta(days=1))
    for slug in ("no-such-post", "still-a-draft", "coming-soon"):
        assert client.get(f"/index.php/2020/05/01/{slug}/").status_code == 404


@pytest.mark.parametrize("trailing_slash", ["/", ""])
def test_an_old_category_address_leads_to_the_category(client, trailing_slash):
    factories.category("Appeals")
    assert_moved_permanently(client, f"/index.php/category/appeals{trailing_slash}", "/category/appeals/")
    assert_moved_permanently(
        client, f"/index.php/category/appeals/page/3{trailing_slash}", "/category/appeals/?page=3"
    )


def test_an_old_address_of_an_unknown_category_is_not_found(client):
    assert client.get("/index.php/category/no-such-category/").status_code == 404
    assert client.get("/index.php/category/no-such-category/page/2/").status_code == 404


@pytest.mark.parametrize("trailing_slash", ["/", ""])
def test_an_old_blog_page_leads_to_the_same_page_of_all_posts(client, trailing_slash):
    assert_moved_permanently(client, f"/index.php/page/2{trailing_slash}", "/posts/?page=2")


@pytest.mark.parametrize("old_url", ["/index.php/", "/index.php"])
def test_the_old_front_page_leads_home(client, old_url):
    assert_moved_permanently(client, old_url, "/")


def test_old_feed_addresses_lead_to_the_feeds(client):
    factories.category("News")
    assert_moved_permanently(client, "/index.php/feed/", "/feed/")
    assert_moved_permanently(client, "/index.php/category/news/feed/", "/category/news/feed/")
    assert client.get("/index.php/category/no-such-category/feed/").status_code == 404
