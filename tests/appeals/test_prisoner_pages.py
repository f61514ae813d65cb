"""Visitors find the people the campaign defends, read their story and learn how to write to them."""

import re
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from appeals.models import Appeal, Prisoner, PrisonerEvent
from campaign.models import Post
from tests import factories
from tests.appeals import builders

pytestmark = pytest.mark.django_db


def names_listed(page):
    return re.findall(r'class="prisoner-card-name"><a href="[^"]*">([^<]*)</a>', page)


# --- The list ------------------------------------------------------------------------


def test_the_list_filters_by_status_with_plain_links(client):
    builders.prisoner("Roza Tuleteva", status=Prisoner.Status.SENTENCED)
    builders.prisoner("Vladimir Kozlov", status=Prisoner.Status.RELEASED)
    builders.prisoner("Hidden Draft", is_published=False)

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
    builders.prisoner(
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
    builders.prisoner("Roza Tuleteva")
    page = client.get("/prisoners/", {"status": "deceased"}).content.decode()
    assert "No profiles with the status “Deceased”." in page
    assert names_listed(page) == []


def test_pages_of_the_list_keep_the_status_filter(client):
    for number in range(30):
        builders.prisoner(f"Striker {number:02}", status=Prisoner.Status.DETAINED)
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
    person = builders.prisoner(
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
    PrisonerEvent.objects.create(
        prisoner=person, date=date(2012, 12, 1), title="Sentenced", date_precision="month"
    )
    PrisonerEvent.objects.create(
        prisoner=person, date=date(2012, 8, 1), title="Acquitted", date_precision="month"
    )
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
    factories.article("Irish minister challenged over Kuramshin").prisoners.add(kuramshin)
    factories.article("Unrelated report")
    factories.article("Draft about Kuramshin", status=Post.Status.DRAFT).prisoners.add(kuramshin)
    appeal = builders.appeal("Urgent action for Vadim Kuramshin", prisoners=[kuramshin], letters_sent=7)
    builders.appeal("Won appeal for Kuramshin", prisoners=[kuramshin], action_status=Appeal.ActionStatus.WON)

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
    builders.prisoner(
        "Vladimir Kozlov", slug="kozlov", status=Prisoner.Status.RELEASED, postal_address="Old colony"
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


def test_an_unpublished_profile_is_hidden_from_the_public_and_previewed_by_editors(client):
    builders.prisoner("Not Yet Public", slug="not-yet-public", is_published=False)
    assert client.get("/prisoners/not-yet-public/").status_code == 404

    call_command("setup_groups", verbosity=0)
    editor = get_user_model().objects.create_user("editor", password="x" * 16, is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    page = client.get("/prisoners/not-yet-public/").content.decode()
    assert "Preview: this profile is not published." in page
    assert '<meta name="robots" content="noindex">' in page


def test_staff_without_the_right_to_see_profiles_get_no_preview(client):
    builders.prisoner("Not Yet Public", slug="not-yet-public", is_published=False)
    client.force_login(get_user_model().objects.create_user("intern", password="x" * 16, is_staff=True))
    assert client.get("/prisoners/not-yet-public/").status_code == 404


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_list_and_a_profile_cost_the_same_queries_however_much_there_is(client):
    person = builders.prisoner("Roza Tuleteva", slug="roza")
    appeals = factories.category("Appeals")
    builders.appeal("First appeal", prisoners=[person], categories=[appeals])
    few_on_list = queries_for(client, "/prisoners/")
    few_on_profile = queries_for(client, "/prisoners/roza/")

    for number in range(10):
        builders.prisoner(f"Striker {number}")
        factories.article(f"Report {number}", categories=[appeals]).prisoners.add(person)
        builders.appeal(f"Appeal {number}", prisoners=[person], categories=[appeals])
        PrisonerEvent.objects.create(prisoner=person, date=date(2012, 1, number + 1), title=f"Day {number}")
    assert queries_for(client, "/prisoners/") == few_on_list
    assert queries_for(client, "/prisoners/roza/") == few_on_profile
