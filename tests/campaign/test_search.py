"""Supporters search posts and prisoner profiles from the box in the header."""

import re
from html import unescape
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from publishing.models import Post, SiteSettings
from tests import factories

pytestmark = pytest.mark.django_db


def search(client, query, **params):
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


def test_search_finds_a_post_by_a_word_in_its_body(client):
    post = factories.article(
        "Oil workers on strike", body="<p>The miners of Zhanaozen stopped work on Monday.</p>"
    )
    factories.article("Letter to the embassy", body="<p>Nothing about it here.</p>")

    html = search(client, "Zhanaozen")

    assert f'href="{post.get_absolute_url()}"' in html
    assert "Oil workers on strike" in html
    assert "Letter to the embassy" not in html
    assert "1 post found" in html


def test_search_finds_posts_of_every_kind(client):
    appeal = factories.appeal("Free the Zhanaozen strikers")
    video = factories.video_post("Zhanaozen, ten years on")
    html = search(client, "Zhanaozen")
    assert f'href="{appeal.get_absolute_url()}"' in html
    assert f'href="{video.get_absolute_url()}"' in html


def test_search_finds_a_published_prisoner_by_name(client):
    prisoner = factories.prisoner("Erzhan Yessimkhanov")
    factories.prisoner("Unpublished Yessimkhanov", status=factories.DRAFT)

    html = search(client, "yessimkhanov")

    assert "Prisoner profiles" in html
    assert f'href="{prisoner.get_absolute_url()}"' in html
    assert "Unpublished Yessimkhanov" not in html


def test_search_never_shows_drafts_or_scheduled_posts(client):
    factories.article("Published Zhanaozen report", body="Zhanaozen")
    factories.article("Draft Zhanaozen report", body="Zhanaozen", status=factories.DRAFT)
    factories.article("Scheduled Zhanaozen report", body="Zhanaozen", days_ago=-1)

    html = search(client, "Zhanaozen")

    assert "Published Zhanaozen report" in html
    assert "Draft Zhanaozen report" not in html
    assert "Scheduled Zhanaozen report" not in html


def test_every_word_of_the_query_must_match(client):
    factories.article("Strike in Zhanaozen", body="The oil workers went on strike.")
    factories.article("Strike elsewhere", body="Another strike, in another town.")

    html = search(client, "strike Zhanaozen")

    assert "Strike in Zhanaozen" in html
    assert "Strike elsewhere" not in html


def test_a_title_match_ranks_above_a_body_only_match(client):
    # The body-only match is newer, so date order alone would put it first.
    factories.article(
        "Solidarity news", body="<p>A word about the hunger strike of the teachers.</p>", days_ago=1
    )
    factories.article("Hunger strike in prison", body="<p>Day twelve.</p>", days_ago=10)

    html = search(client, "hunger strike")

    assert html.index("Hunger strike in prison") < html.index("Solidarity news")


def test_a_word_can_be_excluded_with_a_minus(client):
    factories.article("Strike at the oil field", body="Oil workers stopped work.")
    factories.article("Strike at the copper mine", body="Miners stopped work.")

    html = search(client, "strike -oil")

    assert "Strike at the copper mine" in html
    assert "Strike at the oil field" not in html


def test_search_understands_word_forms(client):
    factories.article("Workers arrested", body="Police arrested the organisers of the strike.")
    assert "Workers arrested" in search(client, "arrest")


def test_an_empty_search_asks_what_to_look_for(client):
    factories.article("Some news", body="Anything.")
    for query in ("", "   ", "\x00\x01"):
        html = search(client, query)
        assert "What are you looking for?" in html
        assert "Nothing matches" not in html
        assert "Some news" not in html


def test_a_search_without_results_says_so(client):
    factories.article("Some news", body="Anything.")
    html = search(client, "xylophone")
    assert "Nothing matches “xylophone”" in html
    assert "Some news" not in html


@pytest.mark.parametrize(
    "query",
    [
        "\x00",
        "Zhana\x00ozen",
        "\x01\x08\x1b[31m\x7f\x9f",
        "Қазақстан ереуіл 🚩 Ünïcödé ‮reversed",
        "' OR 1=1 --",
        "%_%",
        '"unterminated',
        "-",
        "!!!((( & | : * <-> !",
        "a" * 5000,
        "the and of",
        # FTS5's own syntax: never an operator or a column filter when a visitor types it.
        "title:strike",
        "body:Zhanaozen OR",
        "NEAR(strike Zhanaozen)",
        "strike*",
        "^strike",
        '"a" AND',
        "a OR OR b",
        "- -",
        '""""',
        '"',
        "OR",
        "-Zhanaozen",
        "{title body}: strike",
        "strike NOT",
        "AND AND",
    ],
)
def test_hostile_or_odd_input_never_breaks_the_page(client, query):
    factories.article("Zhanaozen report", body="Zhanaozen")
    search(client, query)


def test_what_the_visitor_typed_is_shown_escaped(client):
    html = search(client, "<script>alert(1)</script>")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_very_long_search_is_shortened_and_the_visitor_told(client):
    factories.article("Zhanaozen report", body="Zhanaozen")

    html = search(client, "Zhanaozen " * 30)

    assert "only its first 200 characters were used" in html
    assert "Zhanaozen report" in html
    assert 'maxlength="200"' in html
    # The box shows what was searched for.
    shortened = ("Zhanaozen " * 30)[:200].rstrip()
    assert f'value="{shortened}"' in html


def test_the_search_box_shows_the_query_without_control_characters(client):
    html = search(client, "Zhana\x00ozen\x1b strike")
    assert 'value="Zhana ozen strike"' in html
    assert "\x00" not in html


def test_results_are_paginated_and_keep_the_query(client):
    for number in range(12):
        factories.article(f"Strike report {number}", body="strike", days_ago=number + 1)
    factories.prisoner("Strike leader")

    first = search(client, "strike")
    assert "12 posts found" in first
    assert first.count('class="post-card ') == 10
    assert "?q=strike&amp;page=2" in first
    assert "Strike leader" in first

    second = search(client, "strike", page=2)
    assert second.count('class="post-card ') == 2
    assert "Strike leader" not in second  # prisoners are listed once, above the first page


def test_a_page_past_the_end_is_not_found(client):
    factories.article("Strike report", body="strike")
    assert client.get("/search/", {"q": "strike", "page": "99"}).status_code == 404
    assert client.get("/search/", {"q": "strike", "page": "x\x00"}).status_code == 404


def test_results_cost_the_same_queries_for_two_posts_or_ten(client):
    def queries_for_results():
        SiteSettings.current()  # read once a minute, not per page
        with CaptureQueriesContext(connection) as queries:
            search(client, "strike")
        return len(queries)

    for number in range(2):
        factories.article(f"Strike report {number}", body="strike")
    with_two = queries_for_results()
    for number in range(2, 10):
        factories.article(f"Strike report {number}", body="strike")
    assert queries_for_results() == with_two


def test_every_page_has_a_search_box_that_works_without_javascript(client):
    html = client.get("/").content.decode()
    assert 'action="/search/" method="get"' in html
    assert '<label class="visually-hidden" for="site-search-query">Search the site</label>' in html
    assert 'name="q"' in html


def test_search_results_are_kept_out_of_search_engines(client):
    assert '<meta name="robots" content="noindex">' in search(client, "strike")


# --- The same answers on SQLite and PostgreSQL for what visitors type ----------------------------


def found(client, query):
    """The names of the profiles, then the titles of the posts a search lists, in order."""
    html = search(client, query)
    prisoners = re.findall(r'<li class="prisoner-tile">.*?<a href="[^"]*">([^<]*)</a>', html, re.DOTALL)
    posts = re.findall(r'class="post-card-title"><a href="[^"]*">([^<]*)</a>', html)
    return [unescape(name) for name in prisoners + posts]


@pytest.fixture
def kuramshin_posts():
    factories.article("Vadim Kuramshin moved to a harsher prison", body="<p>The lawyer was moved.</p>")
    factories.article("Letters for Roza and Vadim", body="<p>Roza Tuleteva and Vadim Kuramshin write.</p>")
    factories.article("Kuramshin's appeal refused", body="<p>The court refused the appeal.</p>")
    factories.article("Solidarity in Zhezkazgan", body="<p>Copper workers strike.</p>")


def test_a_phrase_in_quotes_finds_the_words_side_by_side(client, kuramshin_posts):
    factories.article("Vadim speaks", body="<p>Vadim met the lawyer of Kuramshin.</p>")
    assert sorted(found(client, '"vadim kuramshin"')) == [
        "Letters for Roza and Vadim",
        "Vadim Kuramshin moved to a harsher prison",
    ]


def test_a_word_with_a_minus_leaves_out_what_mentions_it(client, kuramshin_posts):
    assert sorted(found(client, "kuramshin -roza")) == [
        "Kuramshin's appeal refused",
        "Vadim Kuramshin moved to a harsher prison",
    ]
    assert sorted(found(client, '"vadim kuramshin" -roza')) == ["Vadim Kuramshin moved to a harsher prison"]


def test_a_minus_alone_lists_everything_without_that_word(client, kuramshin_posts):
    assert sorted(found(client, "-kuramshin")) == ["Solidarity in Zhezkazgan"]


def test_or_finds_either_word(client, kuramshin_posts):
    assert sorted(found(client, "zhezkazgan OR refused")) == [
        "Kuramshin's appeal refused",
        "Solidarity in Zhezkazgan",
    ]
    assert sorted(found(client, "copper strike OR lawyer moved")) == [
        "Solidarity in Zhezkazgan",
        "Vadim Kuramshin moved to a harsher prison",
    ]


def test_case_does_not_matter_and_common_words_are_ignored(client, kuramshin_posts):
    assert found(client, "ZHEZKAZGAN") == ["Solidarity in Zhezkazgan"]
    assert found(client, "the solidarity of zhezkazgan") == ["Solidarity in Zhezkazgan"]
    assert found(client, "the and of") == []


def test_accents_count_and_words_are_whole_words(client):
    # What we chose, on both databases alike: no accent folding (PostgreSQL's english
    # configuration keeps accents) and no prefix matching (websearch syntax has none).
    factories.article("Questions in the Dáil", body="<p>TDs asked about Kuramshin.</p>")
    assert found(client, "Dáil") == ["Questions in the Dáil"]
    assert found(client, "dáil") == ["Questions in the Dáil"]
    assert found(client, "Dail") == []
    assert found(client, "kuram") == []
    assert found(client, "kuramshin") == ["Questions in the Dáil"]


def test_words_in_cyrillic_are_found_in_any_case(client):
    factories.article("Забастовка в Жанаозене", body="<p>Нефтяники Жанаозена.</p>")
    assert found(client, "ЗАБАСТОВКА") == ["Забастовка в Жанаозене"]


def test_prisoner_profiles_understand_phrases_and_minus_too(client):
    factories.prisoner("Vadim Kuramshin", summary="Human-rights lawyer.")
    factories.prisoner("Roza Tuleteva", summary="Oil worker, friend of Vadim Kuramshin's family.")
    factories.prisoner("Vadim Petrov", summary="Kuramshin's neighbour.")

    assert found(client, '"vadim kuramshin"') == ["Vadim Kuramshin", "Roza Tuleteva"]  # the name first
    assert found(client, "kuramshin -roza") == ["Vadim Kuramshin", "Vadim Petrov"]


def test_what_an_editor_changes_or_deletes_is_searched_as_it_now_is(client):
    post = factories.article("Strike report", body="<p>Copper workers in Zhezkazgan.</p>")
    assert found(client, "zhezkazgan") == ["Strike report"]

    post.body = "<p>Oil workers in Zhanaozen.</p>"
    post.save()
    assert found(client, "zhezkazgan") == []
    assert found(client, "zhanaozen") == ["Strike report"]

    post.delete()
    assert found(client, "zhanaozen") == []


def test_markup_in_a_body_is_not_searched_as_words(client):
    factories.article(
        "Strike report", body='<p><strong>Workers</strong> <a href="https://example.org">met</a>.</p>'
    )
    assert found(client, "strong") == []
    assert found(client, "example") == []
    assert found(client, "workers met") == ["Strike report"]


def test_rebuilding_the_search_index_catches_up_with_writes_that_bypass_saving(client):
    post = factories.article("Strike report", body="<p>Copper workers.</p>")
    Post.objects.filter(pk=post.pk).update(title="Hunger strike report")  # no signal is sent

    call_command("rebuild_search_index", stdout=StringIO())

    assert found(client, "hunger") == ["Hunger strike report"]
    call_command("rebuild_search_index", stdout=StringIO())  # safe to repeat
    assert found(client, "hunger") == ["Hunger strike report"]
