"""Each language has its own addresses: English where the site always was, Russian under /ru/,
Kazakh under /kk/. The address alone decides, so every page is one cacheable page per language;
a switcher on every page leads to the same content in the others."""

import re
from xml.etree import ElementTree

import pytest
from django.test import override_settings

from tests import factories

pytestmark = pytest.mark.django_db

SITE = "https://campaign.example"


def html_lang(response):
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


@pytest.mark.parametrize(("prefix", "language"), [("", "en"), ("/ru", "ru"), ("/kk", "kk")])
def test_every_page_is_in_the_language_its_address_names(client, prefix, language):
    petition = factories.petition(slug="free-them")
    post = factories.article("Strike news", slug="strike-news")
    for path in ("/", "/posts/", petition.get_absolute_url(), post.get_absolute_url(), "/prisoners/"):
        response = client.get(prefix + path)
        assert response.status_code == 200, prefix + path
        assert html_lang(response) == language, prefix + path
        assert response["Content-Language"] == language


def test_a_browser_asking_for_russian_gets_the_english_address_in_english_and_no_vary(client):
    """The unprefixed address is the English page for everyone: no redirect by Accept-Language,
    no Vary on it, so that any cache may store and share it."""
    factories.article("Strike news", slug="strike-news")
    for path in ("/", "/posts/strike-news/"):
        response = client.get(path, headers={"accept-language": "ru-RU,ru;q=0.9"})
        assert response.status_code == 200
        assert html_lang(response) == "en"
        assert "accept-language" not in response.get("Vary", "").lower()
        russian = client.get(f"/ru{path}", headers={"accept-language": "en"})
        assert html_lang(russian) == "ru"
        assert "accept-language" not in russian.get("Vary", "").lower()


def test_a_language_cookie_changes_nothing(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "kk"
    assert html_lang(client.get("/")) == "en"
    assert html_lang(client.get("/ru/")) == "ru"


@pytest.mark.parametrize(
    "path", ["/ru/admin/", "/kk/healthz/", "/ru/robots.txt", "/ru/sitemap.xml", "/en/", "/de/", "/ru/ru/"]
)
def test_addresses_that_are_the_same_in_every_language_have_no_language_prefix(client, path):
    assert client.get(path).status_code == 404


def test_machine_addresses_stay_where_they_were(client):
    assert client.get("/healthz").status_code == 200
    assert client.get("/robots.txt").status_code == 200
    assert client.get("/sitemap.xml").status_code == 200
    assert client.get("/admin/").status_code == 302  # to the login


def test_old_wordpress_addresses_keep_leading_to_the_english_page(client):
    post = factories.article("Zhanaozen, eight years on", slug="zhanaozen-eight-years-on")
    response = client.get("/index.php/2019/12/16/zhanaozen-eight-years-on/")
    assert response.status_code == 301
    assert response["Location"] == post.get_absolute_url() == "/posts/zhanaozen-eight-years-on/"
    assert client.get("/index.php/feed/")["Location"] == "/feed/"


@override_settings(SITE_URL=SITE)
def test_the_switcher_leads_to_the_same_page_in_each_language_named_in_itself(client):
    petition = factories.petition(slug="free-them")
    html = client.get(f"/ru{petition.get_absolute_url()}").content.decode()

    switcher = re.search(r'<nav class="language-switcher"[^>]*>(.*?)</nav>', html, re.S).group(1)
    links = re.findall(r"<a ([^>]*)>([^<]*)</a>", switcher)
    assert [name for _attributes, name in links] == ["English", "Русский", "Қазақша"]
    english, russian, kazakh = (attributes for attributes, _name in links)
    assert 'href="/petitions/free-them/"' in english and 'lang="en"' in english and 'hreflang="en"' in english
    assert 'href="/ru/petitions/free-them/"' in russian and 'aria-current="true"' in russian
    assert 'href="/kk/petitions/free-them/"' in kazakh and 'lang="kk"' in kazakh
    assert "aria-current" not in english + kazakh


def test_the_switcher_keeps_the_query_of_the_page(client):
    html = client.get("/ru/search/", {"q": "Жанаозен"}).content.decode()
    assert 'href="/kk/search/?q=%D0%96%D0%B0%D0%BD%D0%B0%D0%BE%D0%B7%D0%B5%D0%BD"' in html


def test_the_switcher_is_on_the_page_of_an_address_that_does_not_exist(client):
    response = client.get("/ru/no-such-page/")
    assert response.status_code == 404
    assert 'href="/kk/no-such-page/"' in response.content.decode()


@override_settings(SITE_URL=SITE)
def test_every_page_names_its_versions_in_the_other_languages_for_search_engines(client):
    post = factories.article("Strike news", slug="strike-news")
    for prefix in ("", "/ru", "/kk"):
        html = client.get(f"{prefix}{post.get_absolute_url()}").content.decode()
        alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
        assert alternates == {
            "en": f"{SITE}/posts/strike-news/",
            "ru": f"{SITE}/ru/posts/strike-news/",
            "kk": f"{SITE}/kk/posts/strike-news/",
            "x-default": f"{SITE}/posts/strike-news/",
        }


@override_settings(SITE_URL=SITE)
def test_the_sitemap_lists_each_page_in_each_language_with_its_alternates(client):
    post = factories.article("Strike news", slug="strike-news")
    response = client.get("/sitemap.xml")
    root = ElementTree.fromstring(response.content)  # noqa: S314 (the site's own XML)
    sitemap = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    xhtml = "{http://www.w3.org/1999/xhtml}"
    entries = {url.findtext(f"{sitemap}loc"): url for url in root}
    for prefix in ("", "/ru", "/kk"):
        assert f"{SITE}{prefix}{post.get_absolute_url()}" in entries
    alternates = {
        link.get("hreflang"): link.get("href")
        for link in entries[f"{SITE}/ru/posts/strike-news/"].findall(f"{xhtml}link")
    }
    assert alternates == {
        "en": f"{SITE}/posts/strike-news/",
        "ru": f"{SITE}/ru/posts/strike-news/",
        "kk": f"{SITE}/kk/posts/strike-news/",
        "x-default": f"{SITE}/posts/strike-news/",
    }


def test_each_language_has_its_own_feed_with_its_own_titles_and_addresses(client):
    factories.article("Strike news", slug="strike-news", title_ru="Новости забастовки")
    english = client.get("/feed/").content.decode()
    russian = client.get("/ru/feed/").content.decode()
    kazakh = client.get("/kk/feed/").content.decode()

    assert "Strike news" in english and "<language>en</language>" in english
    assert "Новости забастовки" in russian and "Strike news" not in russian
    assert "<language>ru</language>" in russian and "/ru/posts/strike-news/" in russian
    # No Kazakh version: the original title, at the Kazakh address.
    assert "Strike news" in kazakh and "/kk/posts/strike-news/" in kazakh


def test_a_page_cached_in_one_language_is_never_served_in_another(client):
    factories.article(
        "Strike news", slug="strike-news", title_ru="Новости забастовки", title_kk="Ереуіл жаңалықтары"
    )
    warm = client.get("/ru/posts/strike-news/")
    assert warm["X-Page-Cache"] == "miss"
    assert client.get("/ru/posts/strike-news/")["X-Page-Cache"] == "hit"

    kazakh = client.get("/kk/posts/strike-news/")
    english = client.get("/posts/strike-news/")

    assert kazakh["X-Page-Cache"] == "miss" and english["X-Page-Cache"] == "miss"
    assert html_lang(kazakh) == "kk" and "Ереуіл жаңалықтары" in kazakh.content.decode()
    assert html_lang(english) == "en" and "Новости забастовки" not in english.content.decode()
    assert "Новости забастовки" not in kazakh.content.decode()


def test_the_search_page_is_never_cached_in_any_language(client):
    for path in ("/search/", "/ru/search/", "/kk/search/"):
        client.get(path, {"q": "strike"})
        assert "X-Page-Cache" not in client.get(path, {"q": "strike"}), path


@pytest.mark.parametrize("prefix", ["", "/ru", "/kk"])
def test_share_links_include_vk_with_the_address_of_the_page_in_its_language(client, prefix):
    factories.article("Strike news", slug="strike-news")
    html = client.get(f"{prefix}/posts/strike-news/").content.decode()
    link = re.search(r'href="(https://vk\.com/share\.php\?url=[^"]+)"', html).group(1)
    assert f"url=http%3A%2F%2Ftestserver{prefix.replace('/', '%2F')}%2Fposts%2Fstrike-news%2F" in link
    assert "vk.com/js" not in html


def test_a_renamed_post_keeps_its_old_address_in_every_language(client):
    post = factories.article("Strike news", slug="strike-news")
    post.slug = "strike-news-from-zhezkazgan"
    post.save()  # adds the redirect from the English address

    assert client.get("/posts/strike-news/")["Location"] == "/posts/strike-news-from-zhezkazgan/"
    for prefix in ("/ru", "/kk"):
        response = client.get(f"{prefix}/posts/strike-news/")
        assert response.status_code == 301
        assert response["Location"] == f"{prefix}/posts/strike-news-from-zhezkazgan/"
        assert client.get(response["Location"]).status_code == 200
    assert client.get("/ru/posts/never-was/").status_code == 404
