"""Old addresses kept in the redirect table answer 301 in one request; the table never loops."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from publishing.models import Redirect
from publishing.redirects import redirect_key
from tests import factories

pytestmark = pytest.mark.django_db


def add(old, new):
    return Redirect.objects.add(old, new, source=Redirect.Source.EDITOR)


@pytest.mark.parametrize(
    ("address", "key"),
    [
        ("/index.php/2013/06/28/Angry-Protests/", "/index.php/2013/06/28/angry-protests"),
        ("http://old.example.org/2013/06/28/angry-protests", "/2013/06/28/angry-protests"),
        ("/?p=123", "?p=123"),
        ("http://old.example.org/index.php?page_id=7&preview=true", "?page_id=7"),
        ("/category/%d0%b2%d0%b8%d0%b4%d0%b5%d0%be/", "/category/видео"),
        ("/", "/"),
    ],
)
def test_addresses_are_stored_in_one_form(address, key):
    assert redirect_key(address) == key


@pytest.mark.parametrize(
    "old_url",
    [
        "/index.php/2013/06/28/angry-protests/",
        "/index.php/2013/06/28/angry-protests",
        "/INDEX.PHP/2013/06/28/Angry-Protests/",
    ],
)
def test_an_old_address_in_the_table_answers_301_in_one_request(client, old_url):
    post = factories.article("Angry protests", slug="angry-protests-erupt-in-zhezkazgan")
    add("/index.php/2013/06/28/angry-protests/", post.get_absolute_url())
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == post.get_absolute_url()
    assert client.get(response["Location"]).status_code == 200


def test_numbered_wordpress_addresses_lead_to_their_item_and_unknown_numbers_are_not_the_home_page(client):
    post = factories.article("Angry protests")
    add("/?p=123", post.get_absolute_url())
    assert client.get("/?p=123")["Location"] == post.get_absolute_url()
    assert client.get("/index.php?p=123")["Location"] == post.get_absolute_url()
    assert client.get("/?p=999").status_code == 404


def test_wordpress_search_and_feed_addresses_lead_to_ours(client):
    response = client.get("/", {"s": "kuramshin prison"})
    assert response.status_code == 301 and response["Location"] == "/search/?q=kuramshin+prison"
    assert client.get("/?feed=rss2")["Location"] == "/feed/"
    assert client.get("/?paged=3")["Location"] == "/posts/?page=3"


def test_the_home_page_and_ordinary_pages_never_read_the_table(client):
    factories.article("Angry protests", slug="angry-protests")
    for url in ("/", "/posts/", "/posts/angry-protests/", "/?utm_source=newsletter"):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        assert not [query for query in queries if "publishing_redirect" in query["sql"]], url


def test_a_missing_address_without_a_redirect_is_still_not_found(client):
    assert client.get("/no-such-page/").status_code == 404
    assert client.get("/index.php/2013/06/28/no-such-post/").status_code == 404
    assert client.get("/wp-content/uploads/2013/06/none.jpg").status_code == 404


def test_adding_a_redirect_from_a_live_address_removes_the_loop_and_chains_are_flattened():
    add("/a/", "/b/")
    add("/b/", "/c/")  # /a/ must now lead to /c/ in one hop
    assert Redirect.objects.get(old_path="/a").new_path == "/c/"
    add("/c/", "/a/")  # /a/ is alive again: its own redirect goes
    assert not Redirect.objects.filter(old_path="/a").exists()
    assert Redirect.objects.get(old_path="/b").new_path == "/a/"
    assert Redirect.objects.get(old_path="/c").new_path == "/a/"
    assert add("/same/", "/same") is None


def test_an_editor_cannot_make_a_loop_or_a_chain_in_the_admin(client, editor):
    add("/old-one/", "/posts/new-one/")
    with pytest.raises(ValidationError, match="circle"):
        Redirect(old_path="/posts/new-one/", new_path="/old-one/").full_clean()
    with pytest.raises(ValidationError, match="itself redirected"):
        Redirect(old_path="/another/", new_path="/old-one/").full_clean()
    with pytest.raises(ValidationError, match="starting with a slash"):
        Redirect(old_path="/another/", new_path="https://evil.example/").full_clean()

    client.force_login(editor)
    response = client.post(
        "/admin/publishing/redirect/add/",
        {"old_path": "/posts/new-one/", "new_path": "/old-one/", "note": ""},
    )
    assert response.status_code == 200
    assert "go round in a circle" in response.content.decode()
    response = client.post(
        "/admin/publishing/redirect/add/",
        {"old_path": "/donate-now/", "new_path": "/donate/", "note": "Leaflet address"},
    )
    assert response.status_code == 302
    assert Redirect.objects.get(old_path="/donate-now").source == Redirect.Source.EDITOR
    assert "/donate-now" in client.get("/admin/publishing/redirect/").content.decode()
