"""Visitors find the people the campaign defends, read their story and learn how to write to them."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from appeals.models import Appeal
from prisoners.models import Prisoner
from publishing.models import SiteSettings
from tests import factories

pytestmark = pytest.mark.django_db


def names_listed(page):
    return re.findall(r'class="prisoner-card-name"><a href="[^"]*">([^<]*)</a>', page)


# --- The list ------------------------------------------------------------------------


def test_the_list_filters_by_status_with_plain_links(client):
    factories.prisoner("Roza Tuleteva", situation=Prisoner.Situation.SENTENCED)
    factories.prisoner("Vladimir Kozlov", situation=Prisoner.Situation.RELEASED)
    factories.prisoner("Hidden Draft", status=factories.DRAFT)

    everyone = client.get("/prisoners/").content.decode()
    assert names_listed(everyone) == ["Roza Tuleteva", "Vladimir Kozlov"]
    assert 'href="?status=released"' in everyone

    released = client.get("/prisoners/", {"status": "released"}).content.decode()
    assert names_listed(released) == ["Vladimir Kozlov"]
    assert re.search(r'class="nav-link active" aria-current="page" href="\?status=released"', released)

    # An address someone mistyped shows everyone rather than an error.
    assert names_listed(client.get("/prisoners/", {"status": "nonsense"}).content.decode()) == [
        "Roza Tuleteva",
        "Vladimir Kozlov",
    ]


def test_a_card_shows_status_summary_and_place_of_detention(client):
    factories.prisoner(
        "Aron Atabek",
        summary="Poet held in solitary confinement.",
        place_of_detention="Arkalyk prison (example)",
    )
    page = client.get("/prisoners/").content.decode()
    card = page[page.index('class="prisoner-card"') :]
    assert "Sentenced</span>" in card
    assert "Poet held in solitary confinement." in card
    assert "Arkalyk prison (example)" in card
    assert 'class="prisoner-card-photo prisoner-initials" aria-hidden="true">AA<' in card


def test_a_status_with_nobody_in_it_says_so(client):
    factories.prisoner("Roza Tuleteva")
    page = client.get("/prisoners/", {"status": "deceased"}).content.decode()
    assert "No profiles with the status “Deceased”." in page
    assert names_listed(page) == []


def test_pages_of_the_list_keep_the_status_filter(client):
    for number in range(30):
        factories.prisoner(f"Striker {number:02}", situation=Prisoner.Situation.DETAINED)
    page = client.get("/prisoners/", {"status": "detained"}).content.decode()
    assert len(names_listed(page)) == 24
    assert 'href="?status=detained&amp;page=2"' in page
    second = client.get("/prisoners/", {"status": "detained", "page": 2}).content.decode()
    assert len(names_listed(second)) == 6
    assert (
        '<link rel="canonical" href="http://127.0.0.1:8000/prisoners/?status=detained&amp;page=2">' in second
    )


# --- The profile ---------------------------------------------------------------------


@pytest.fixture
def kuramshin():
    person = factories.prisoner(
        "Vadim Kuramshin",
        slug="vadim-kuramshin",
        summary="Human-rights lawyer sentenced to twelve years.",
        detained_on=date(2012, 9, 24),
        sentenced_on=date(2012, 12, 7),
        charges="Extortion",
        sentence="Twelve years in a strict-regime colony",
        place_of_detention="A penal colony (example)",
        postal_address="Vadim Kuramshin\nInstitution EX-000/0\nExample Town",
        biography="<p>He documented torture.</p><script>alert('x')</script>",
    )
    factories.timeline_event(person, "Sentenced", date=date(2012, 12, 1), date_precision="month")
    factories.timeline_event(person, "Acquitted", date=date(2012, 8, 1), date_precision="month")
    return person


def test_the_profile_shows_the_case_and_a_timeline_in_order(client, kuramshin):
    page = client.get("/prisoners/vadim-kuramshin/").content.decode()
    assert "<h1>Vadim Kuramshin</h1>" in page
    assert "24 September 2012" in page and "7 December 2012" in page
    assert "Extortion" in page and "Twelve years in a strict-regime colony" in page
    assert "He documented torture." in page
    assert "<script>alert" not in page
    # Only the month is known: the timeline says "August 2012", not a made-up day.
    assert re.search(r'<time class="timeline-date" datetime="2012-08">August 2012</time>', page)
    assert page.index("Acquitted") < page.index('<p class="timeline-title">Sentenced')


def test_the_profile_lists_every_published_post_about_them_and_open_appeals(client, kuramshin):
    factories.article("Irish minister challenged over Kuramshin", prisoners=[kuramshin])
    factories.article("Unrelated report")
    factories.article("Draft about Kuramshin", status=factories.DRAFT, prisoners=[kuramshin])
    appeal = factories.appeal("Urgent action for Vadim Kuramshin", prisoners=[kuramshin], letters_sent=7)
    factories.appeal("Won appeal for Kuramshin", prisoners=[kuramshin], action_status=Appeal.ActionStatus.WON)

    page = client.get("/prisoners/vadim-kuramshin/").content.decode()
    posts = page[page.index('class="prisoner-posts"') :]
    assert "Irish minister challenged over Kuramshin" in posts
    assert "Urgent action for Vadim Kuramshin" in posts
    assert "Won appeal for Kuramshin" in posts  # its story stays on the record
    assert "Unrelated report" not in page
    assert "Draft about Kuramshin" not in page

    act_now = page[page.index("Act now for Vadim Kuramshin") : page.index('class="prisoner-posts"')]
    assert f'href="{appeal.get_absolute_url()}#send-letter"' in act_now
    assert "7 letters sent" in act_now
    assert "Won appeal for Kuramshin" not in act_now


def test_the_profile_tells_supporters_how_to_write_to_them(client, kuramshin):
    page = client.get("/prisoners/vadim-kuramshin/").content.decode()
    write_to = page[page.index('id="write-to"') :]
    assert "Write to Vadim Kuramshin" in write_to
    assert "Vadim Kuramshin<br>Institution EX-000/0<br>Example Town" in write_to
    assert "Write in any language" in write_to
    assert "Stay away from politics" in write_to


def test_nobody_is_asked_to_write_to_a_prison_someone_has_left(client):
    factories.prisoner(
        "Vladimir Kozlov", slug="kozlov", situation=Prisoner.Situation.RELEASED, postal_address="Old colony"
    )
    page = client.get("/prisoners/kozlov/").content.decode()
    assert "Write to Vladimir Kozlov" not in page
    assert "Old colony" not in page


def test_the_profile_can_be_shared_and_previewed_by_social_sites(client, kuramshin):
    page = client.get("/prisoners/vadim-kuramshin/").content.decode()
    assert '<link rel="canonical" href="http://testserver/prisoners/vadim-kuramshin/">' in page
    assert '<meta property="og:title" content="Vadim Kuramshin">' in page
    assert '<meta property="og:description" content="Human-rights lawyer sentenced to twelve years.">' in page
    assert "https://t.me/share/url?url=http%3A%2F%2Ftestserver%2Fprisoners%2Fvadim-kuramshin%2F" in page


def test_an_unpublished_profile_is_hidden_from_the_public_and_previewed_by_editors(client, editor):
    factories.prisoner("Not Yet Public", slug="not-yet-public", status=factories.DRAFT)
    assert client.get("/prisoners/not-yet-public/").status_code == 404

    client.force_login(editor)
    page = client.get("/prisoners/not-yet-public/").content.decode()
    assert "Preview: this draft is not published. Only editors can see it." in page
    assert '<meta name="robots" content="noindex">' in page


def test_staff_without_the_right_to_see_profiles_get_no_preview(client):
    factories.prisoner("Not Yet Public", slug="not-yet-public", status=factories.DRAFT)
    client.force_login(factories.staff_user("intern"))
    assert client.get("/prisoners/not-yet-public/").status_code == 404


def queries_for(client, url):
    # The site's own words are read once a minute, not per page: count a page as most visitors get it.
    SiteSettings.current()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_list_and_a_profile_cost_the_same_queries_however_much_there_is(client):
    person = factories.prisoner("Roza Tuleteva", slug="roza")
    appeals = factories.category("Appeals")
    factories.appeal("First appeal", prisoners=[person], categories=[appeals])
    few_on_list = queries_for(client, "/prisoners/")
    few_on_profile = queries_for(client, "/prisoners/roza/")

    for number in range(10):
        factories.prisoner(f"Striker {number}")
        factories.article(f"Report {number}", categories=[appeals], prisoners=[person])
        factories.appeal(f"Appeal {number}", prisoners=[person], categories=[appeals])
        factories.timeline_event(person, f"Day {number}", date=date(2012, 1, number + 1))
    assert queries_for(client, "/prisoners/") == few_on_list
    assert queries_for(client, "/prisoners/roza/") == few_on_profile
