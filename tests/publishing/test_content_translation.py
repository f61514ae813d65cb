"""Editors give posts, pages, petitions and prisoner profiles a Russian and a Kazakh version;
a visitor reads theirs, or the original with a note saying so, never an empty page."""

import re

import pytest
from django.utils import translation

from petitions.models import Petition
from publishing.languages import MISSING, PARTIAL, translation_note, translation_state
from publishing.models import Article, Page
from tests import factories

pytestmark = pytest.mark.django_db

NOTE = re.compile(r'<p class="translation-note" role="note">([^<]*)</p>')


def page_text(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def test_a_translated_post_reads_in_each_language_at_its_address(client):
    post = factories.article(
        "Strike at the foundry",
        slug="strike",
        standfirst="Workers stop the furnaces.",
        body="<p>The workers stopped work.</p>",
        title_ru="Забастовка на заводе",
        standfirst_ru="Рабочие остановили печи.",
        body_ru="<p>Рабочие остановили работу.</p>",
    )
    english = page_text(client, post.get_absolute_url())
    russian = page_text(client, f"/ru{post.get_absolute_url()}")

    assert "Strike at the foundry" in english and "Забастовка на заводе" not in english
    assert "<h1>Забастовка на заводе</h1>" in russian
    assert "Рабочие остановили работу." in russian and "The workers stopped work." not in russian
    assert not NOTE.search(russian) and not NOTE.search(english)


def test_an_untranslated_post_shows_the_original_marked_as_english_with_a_note(client):
    post = factories.article("Strike at the foundry", slug="strike", body="<p>The workers stopped work.</p>")

    html = page_text(client, f"/kk{post.get_absolute_url()}")

    assert '<h1 lang="en">Strike at the foundry</h1>' in html
    assert 'lang="en"><p>The workers stopped work.</p>' in html
    assert NOTE.search(html).group(1) == "Бұл бет әлі қазақ тіліне аударылмаған; төменде түпнұсқасы берілген."


def test_a_partly_translated_page_says_which_parts_are_in_the_original(client):
    post = factories.article(
        "Strike at the foundry", slug="strike", body="<p>The workers stopped work.</p>", title_ru="Забастовка"
    )
    html = page_text(client, f"/ru{post.get_absolute_url()}")
    assert "<h1>Забастовка</h1>" in html
    assert 'lang="en"><p>The workers stopped work.</p>' in html
    assert "Часть этой страницы ещё не переведена на русский язык" in NOTE.search(html).group(1)


@pytest.mark.parametrize("kind", ["appeal", "video_post", "page", "petition", "prisoner"])
def test_every_kind_shows_the_original_with_the_note_when_it_has_no_version(client, kind):
    item = {
        "appeal": lambda: factories.appeal("Free the strikers"),
        "video_post": lambda: factories.video_post("Free the strikers"),
        "page": lambda: factories.page("Free the strikers"),
        "petition": lambda: factories.petition(title="Free the strikers"),
        "prisoner": lambda: factories.prisoner("Free the strikers"),
    }[kind]()
    html = page_text(client, f"/ru{item.get_absolute_url()}")
    assert "Free the strikers" in html
    assert NOTE.search(html), kind


def test_a_prisoner_profile_and_its_timeline_read_in_russian(client):
    prisoner = factories.prisoner(
        "Roza Tuleteva", name_ru="Роза Тулетаева", summary="Oil worker", summary_ru="Нефтяница"
    )
    factories.timeline_event(prisoner, title="Arrested in Zhanaozen", title_ru="Арестована в Жанаозене")
    html = page_text(client, f"/ru{prisoner.get_absolute_url()}")
    assert "Роза Тулетаева" in html and "Арестована в Жанаозене" in html
    assert "Arrested in Zhanaozen" not in html


def test_a_petition_reads_in_kazakh_with_its_addressee(client):
    petition = factories.petition(
        title="Free them",
        title_kk="Оларды босатыңыз",
        summary_kk="Қысқаша",
        text_kk="<p>Біз талап етеміз.</p>",
        addressee_kk="Қазақстан Республикасының Президентіне",
    )
    html = page_text(client, f"/kk{petition.get_absolute_url()}")
    assert "Оларды босатыңыз" in html and "Қазақстан Республикасының Президентіне" in html
    assert "Біз талап етеміз." in html
    assert not NOTE.search(html)


def test_categories_read_in_the_visitors_language_in_the_navigation(client):
    factories.category("News", slug="news", name_ru="Новости")
    assert ">Новости</a>" in page_text(client, "/ru/")
    assert ">News</a>" in page_text(client, "/")


def test_static_pages_in_the_navigation_read_in_the_visitors_language(client):
    factories.page("About us", slug="about", title_ru="О нас", navigation=Page.Navigation.HEADER)
    assert ">О нас</a>" in page_text(client, "/ru/")
    assert ">About us</a>" in page_text(client, "/")


def test_script_in_a_russian_or_kazakh_body_is_removed_when_saved():
    post = factories.article(
        "Strike",
        body_ru='<p>Забастовка</p><script>alert("ru")</script><img src="x" onerror="alert(1)">',
        body_kk='<p onclick="alert(2)">Ереуіл</p><script>alert("kk")</script>',
    )
    stored = Article.objects.values("body_ru", "body_kk").get(pk=post.pk)
    assert "<script" not in stored["body_ru"] and "onerror" not in stored["body_ru"]
    assert "<p>Забастовка</p>" in stored["body_ru"]
    assert stored["body_kk"] == "<p>Ереуіл</p>"
    petition = factories.petition(text_ru="<p>Текст</p><script>x()</script>")
    assert Petition.objects.values_list("text_ru", flat=True).get(pk=petition.pk) == "<p>Текст</p>"


def test_saving_in_another_language_never_copies_the_original_into_its_version():
    post = factories.article("Strike", body="<p>The workers stopped work.</p>")
    with translation.override("ru"):
        post.refresh_from_db()
        post.save()
    post.refresh_from_db()
    assert not post.body_ru and not post.title_ru
    assert post.body_en == "<p>The workers stopped work.</p>"
    assert translation_state(post, "ru") == MISSING


def test_the_state_of_a_translation_counts_only_fields_that_have_an_original():
    post = factories.article("Strike", standfirst="", body="<p>Body</p>", title_ru="Забастовка")
    assert translation_state(post, "ru") == PARTIAL
    post.body_ru = "<p>Текст</p>"
    assert translation_state(post, "ru") == "complete"
    assert translation_state(post, "en") == "complete"
    with translation.override("en"):
        assert translation_note(post) == ""
