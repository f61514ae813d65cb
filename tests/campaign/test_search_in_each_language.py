"""Visitors search in their language: Russian and Kazakh pages search the Russian and Kazakh text
(or the original where a post has none), on SQLite as on PostgreSQL (PostgreSQL's russian
configuration for Russian, simple for Kazakh)."""

import pytest
from django.db import connection

from prisoners.models import Prisoner
from publishing.models import Post
from tests import factories

pytestmark = pytest.mark.django_db


def found(client, prefix, query):
    response = client.get(f"{prefix}/search/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def posts():
    strike = factories.article(
        "Oil workers on strike",
        slug="strike",
        body="<p>The oil workers of Zhanaozen stopped work.</p>",
        title_ru="Нефтяники бастуют",
        body_ru="<p>Нефтяники Жанаозена остановили работу.</p>",
        title_kk="Мұнайшылар ереуілде",
        body_kk="<p>Жаңаөзен мұнайшылары жұмысты тоқтатты.</p>",
    )
    untranslated = factories.article(
        "Letter from the embassy",
        slug="embassy-letter",
        body="<p>The embassy answered the copper workers.</p>",
    )
    return strike, untranslated


def test_a_russian_search_finds_the_russian_text(client, posts):
    html = found(client, "/ru", "нефтяники")
    assert 'href="/ru/posts/strike/"' in html
    assert "Нефтяники бастуют" in html
    assert "embassy-letter" not in html


def test_a_kazakh_search_finds_the_kazakh_text(client, posts):
    html = found(client, "/kk", "мұнайшылар")
    assert 'href="/kk/posts/strike/"' in html
    assert "Мұнайшылар ереуілде" in html


def test_each_language_searches_its_own_text_only(client, posts):
    assert "posts/strike/" not in found(client, "", "нефтяники")
    assert "posts/strike/" not in found(client, "/kk", "нефтяники")
    assert "posts/strike/" not in found(client, "/ru", "мұнайшылар")
    # The English words of a translated post are not its Russian text.
    assert "posts/strike/" not in found(client, "/ru", "Zhanaozen")


def test_a_post_without_a_version_in_the_language_is_found_by_its_original_words(client, posts):
    html = found(client, "/ru", "embassy")
    assert 'href="/ru/posts/embassy-letter/"' in html


def test_prisoner_profiles_are_searched_in_the_visitors_language(client):
    factories.prisoner(
        "Roza Tuleteva", slug="roza", name_ru="Роза Тулетаева", summary_ru="Нефтяница из Жанаозена"
    )
    assert 'href="/ru/prisoners/roza/"' in found(client, "/ru", "Тулетаева")
    assert "prisoners/roza/" not in found(client, "", "Тулетаева")
    assert 'href="/kk/prisoners/roza/"' in found(client, "/kk", "Tuleteva")  # no Kazakh version: the original


def test_a_translation_added_later_is_found_at_once(client):
    post = factories.article("Strike", slug="strike", body="<p>Strike.</p>")
    assert "posts/strike/" not in found(client, "/ru", "забастовка")
    post.title_ru = "Забастовка"
    post.save()
    assert 'href="/ru/posts/strike/"' in found(client, "/ru", "забастовка")


def test_hostile_queries_in_russian_are_searched_as_words(client, posts):
    for query in ('"нефтяники', "нефтяники OR -", "title_ru:нефтяники", "NEAR(нефтяники)", "-нефтяники"):
        found(client, "/ru", query)


@pytest.mark.postgres
def test_postgresql_finds_other_forms_of_a_russian_word_and_uses_an_index_per_language(client, posts):
    assert connection.vendor == "postgresql"
    # "нефтяников" and "нефтяники" are one word to PostgreSQL's russian configuration.
    assert 'href="/ru/posts/strike/"' in found(client, "/ru", "нефтяников")
    # Kazakh ("simple"): words as written, any case.
    assert 'href="/kk/posts/strike/"' in found(client, "/kk", "МҰНАЙШЫЛАР")
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = %s", [Post._meta.db_table])
        names = {row[0] for row in cursor.fetchall()}
    assert {"post_search_en_idx", "post_search_ru_idx", "post_search_kk_idx"} <= names
    assert "post_search_idx" not in names
    assert Prisoner.objects.search("Tuleteva").count() == 0
