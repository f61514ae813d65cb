"""A supporter sends the model letter: to the right people, in their own e-mail program or on
paper, and says "I sent it" once."""

import html
import re
from datetime import timedelta
from urllib.parse import unquote, urlsplit

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from appeals.cookies import LETTERS_SENT_COOKIE
from appeals.letters import MAILTO_MAX_LENGTH, compose_letter, mailto_url
from appeals.models import Appeal
from tests import factories

pytestmark = pytest.mark.django_db

CYRILLIC_PARAGRAPH = "Свободу Розе Тулетаевой!\nЯ пишу из Алматы: рабочие Жезказгана не одни."


def decode_mailto(url):
    """(to, fields) of a mailto: link, each part percent-decoded as a mail program does."""
    parts = urlsplit(url)
    assert parts.scheme == "mailto"
    fields = {}
    for pair in parts.query.split("&") if parts.query else []:
        name, _, value = pair.partition("=")
        fields[name] = unquote(value, errors="strict")
    return unquote(parts.path).split(","), fields


def mailto_href(page_html):
    match = re.search(r'class="[^"]*\bjs-mailto\b[^"]*" href="([^"]*)"', page_html)
    return html.unescape(match.group(1)) if match else None


def letter_page(client, appeal, **query):
    response = client.get(appeal.get_absolute_url(), query)
    assert response.status_code == 200
    return response, response.content.decode()


@pytest.fixture
def kazakhmys_appeal():
    administration = factories.central_addressee()
    factories.embassy("DE", name="Embassy of Kazakhstan in Germany")
    factories.embassy("GB", name="Embassy of Kazakhstan in the United Kingdom")
    return factories.appeal("Solidarity with the KazakhMys workers", addressees=[administration])


# --- The mailto: link -----------------------------------------------------------------


def test_mailto_link_carries_addresses_subject_and_a_cyrillic_letter_exactly(kazakhmys_appeal):
    embassy = factories.embassy("FR", name="Embassy of Kazakhstan in France", email="ambassade@example.org")
    letter = compose_letter(
        kazakhmys_appeal, embassy=embassy, name="Мария Иванова", town="Köln", personal=CYRILLIC_PARAGRAPH
    )

    assert letter.mailto, "a letter of this length fits in a mailto: link"
    assert letter.mailto.isascii(), "everything outside ASCII is percent-encoded"
    to, fields = decode_mailto(letter.mailto)
    assert to == ["ambassade@example.org"]
    assert fields["cc"] == "presidential-administration@example.org"
    assert fields["subject"] == "Protest: no closure of the KazakhMys plants"
    # The body is the letter exactly, with line breaks as CRLF (RFC 6068).
    assert fields["body"] == letter.text.replace("\n", "\r\n")
    assert CYRILLIC_PARAGRAPH.replace("\n", "\r\n") in fields["body"]
    assert fields["body"].endswith("Мария Иванова\r\nKöln")


@hypothesis_settings(database=None)  # leave no example database in the project
@given(subject=st.text(), body=st.text())
def test_any_subject_and_body_round_trip_through_url_decoding(subject, body):
    url = mailto_url(["embassy-de@example.org"], ["a@example.org", "b@example.org"], subject, body)
    to, fields = decode_mailto(url)
    assert to == ["embassy-de@example.org"]
    assert fields.get("cc") == "a@example.org,b@example.org"
    assert fields.get("subject", "") == subject
    expected_body = body.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n")
    assert fields.get("body", "") == expected_body


def test_the_link_on_the_page_decodes_to_the_letter_the_supporter_sees(client, kazakhmys_appeal):
    _, page = letter_page(
        client, kazakhmys_appeal, country="DE", name="Мария", town="Берлин", personal="Свободу!"
    )
    to, fields = decode_mailto(mailto_href(page))
    assert to == ["embassy-de@example.org"]
    assert fields["cc"] == "presidential-administration@example.org"
    assert fields["body"].startswith("Your Excellency,\r\n\r\nI am writing to protest")
    assert "Свободу!\r\n\r\nYours in protest,\r\nМария\r\nБерлин" in fields["body"]


def test_central_addressees_are_copied_on_a_letter_to_an_embassy(client, kazakhmys_appeal):
    _, page = letter_page(client, kazakhmys_appeal, country="GB")
    recipients = page[page.index("Who your letter goes to") : page.index('class="letter-sheet"')]
    assert re.search(r"To</span> <strong[^>]*>Embassy of Kazakhstan in the United Kingdom", recipients)
    assert re.search(r"Copy to</span> <strong[^>]*>Presidential Administration", recipients)
    assert "Embassy of Kazakhstan in Germany" not in recipients
    assert "Example address, not a real one" in recipients


def test_supporters_elsewhere_write_to_the_central_addressees(client, kazakhmys_appeal):
    _, page = letter_page(client, kazakhmys_appeal, country="other")
    assert "We have no embassy address for your country yet" in page
    to, fields = decode_mailto(mailto_href(page))
    assert to == ["presidential-administration@example.org"]
    assert "cc" not in fields
    assert fields["body"].startswith("Dear Sir or Madam,")


def test_an_over_long_letter_is_offered_for_copying_instead(client, kazakhmys_appeal):
    long_paragraph = "Свобода политзаключённым! " * 60  # percent-encoded, far beyond the limit
    letter = compose_letter(kazakhmys_appeal, personal=long_paragraph)
    assert len(letter.full_mailto) > MAILTO_MAX_LENGTH
    assert letter.mailto == ""
    assert letter.is_too_long_for_mailto

    _, page = letter_page(client, kazakhmys_appeal, country="DE", personal=long_paragraph)
    assert re.search(r'<p class="js-mailto-ready" hidden>', page)
    notice = re.search(r'<div class="letter-too-long[^"]*"( hidden)?>', page)
    assert notice and not notice.group(1), "the too-long notice is shown"
    assert "too long to hand to your e-mail program" in page
    assert "embassy-de@example.org" in page  # the addresses to paste it to
    copy_box = re.search(r'<textarea id="letter-text"[^>]*>(.*?)</textarea>', page, re.S).group(1)
    assert long_paragraph.strip() in html.unescape(copy_box)


# --- Without JavaScript ---------------------------------------------------------------


def test_without_javascript_the_form_fills_in_the_supporters_letter(client, kazakhmys_appeal):
    response, page = letter_page(
        client, kazakhmys_appeal, country="DE", name="Brigid O'Neill", town="Cork", personal="I am a nurse."
    )
    sheet = page[
        page.index('class="letter-sheet"') : page.index("</article>", page.index('class="letter-sheet"'))
    ]
    assert "Brigid O&#x27;Neill" in sheet
    assert "Cork" in sheet
    assert "I am a nurse." in sheet
    assert "Embassy of Kazakhstan in Germany" in sheet  # the address block
    assert "Your Excellency," in sheet
    assert '<option value="DE" selected>' in page
    # The supporter's name is theirs alone: not kept by any cache, not indexed.
    assert "no-store" in response["Cache-Control"]
    assert '<meta name="robots" content="noindex">' in page


def test_the_first_visit_asks_for_the_country_and_shows_placeholders(client, kazakhmys_appeal):
    response, page = letter_page(client, kazakhmys_appeal)
    assert "Choose your country above" in page
    assert "[Your name]" in page
    assert "no-store" not in response.get("Cache-Control", "")


def test_an_unknown_country_gets_a_clear_message_and_still_a_letter(client, kazakhmys_appeal):
    _, page = letter_page(client, kazakhmys_appeal, country="ZZ", name="Ana")
    assert "We have no embassy address for that country" in page
    assert 'class="letter-sheet"' in page
    assert "Presidential Administration" in page


@pytest.mark.parametrize(
    "query",
    [
        "country=DE&name=%00",
        "country=%FF%FE&town=%C3",
        "country=DE&country=GB&name=A&name=B",
        "country=<script>alert(1)</script>",
        "name=" + "x" * 101,
        "personal=" + "x" * 2001,
        "country[]=DE&personal[]=x",
        "country=other&name=%0D%0ABcc:%20victim@example.org",
    ],
)
def test_bad_input_never_breaks_the_page(client, kazakhmys_appeal, query):
    response = client.get(f"{kazakhmys_appeal.get_absolute_url()}?{query}")
    assert response.status_code == 200
    page = response.content.decode()
    assert "<script>alert(1)" not in page
    assert 'class="letter-sheet"' in page
    href = mailto_href(page)
    if href:
        assert "\n" not in href and "\r" not in href
        assert "bcc" not in urlsplit(href).query.lower().split("&body=")[0]


# --- Closed, won and past-deadline appeals ----------------------------------------------


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"action_status": Appeal.ActionStatus.CLOSED}, "This appeal is closed."),
        ({"action_status": Appeal.ActionStatus.WON}, "This appeal was won."),
        ({"action_status": Appeal.ActionStatus.DELIVERED}, "The letters have been handed in."),
        ({"deadline": timezone.localdate() - timedelta(days=1)}, "This appeal is closed."),
        (
            {
                "action_status": Appeal.ActionStatus.CLOSED,
                "closing_message": "Roza Tuleteva is free. Thank you!",
            },
            "Roza Tuleteva is free. Thank you!",
        ),
    ],
    ids=["closed", "won", "delivered", "deadline-passed", "editors-own-words"],
)
def test_an_appeal_that_is_over_says_so_and_hides_the_letter(client, fields, message):
    over = factories.appeal(addressees=[factories.central_addressee()], **fields)
    _, page = letter_page(client, over, country="other", name="Ana")
    assert message in page
    assert "Send this letter" not in page
    assert "I sent it" not in page
    assert "mailto:presidential" not in page


def test_an_appeal_is_open_until_the_end_of_its_deadline_day(client):
    today = factories.appeal(deadline=timezone.localdate())
    _, page = letter_page(client, today)
    assert "Send this letter" in page
    assert "Please act by" in page


# --- "I sent it" ---------------------------------------------------------------------


def sent_url(appeal):
    return f"{appeal.get_absolute_url()}sent/"


def test_i_sent_it_counts_once_per_browser(client, kazakhmys_appeal):
    response = client.post(sent_url(kazakhmys_appeal), follow=True)
    page = response.content.decode()
    assert response.redirect_chain[-1][0].endswith("#send-letter")
    assert "Thank you for writing!" in page
    assert "1 letter sent so far." in page
    assert "You told us you sent this letter." in page

    client.post(sent_url(kazakhmys_appeal))  # pressed again, or the form re-sent
    client.get(kazakhmys_appeal.get_absolute_url())  # and the page reloaded
    kazakhmys_appeal.refresh_from_db()
    assert kazakhmys_appeal.letters_sent == 1
    # The browser remembers the appeal, and nothing about the supporter; the site keeps nothing.
    assert not Session.objects.exists()
    assert settings.SESSION_COOKIE_NAME not in client.cookies
    remembered = client.cookies[LETTERS_SENT_COOKIE]
    assert remembered.value.split(":")[0] == str(kazakhmys_appeal.pk)  # the appeal's number, signed
    assert not remembered["expires"] and not remembered["max-age"]  # gone when the browser closes

    Client().post(sent_url(kazakhmys_appeal))  # someone else, in another browser
    kazakhmys_appeal.refresh_from_db()
    assert kazakhmys_appeal.letters_sent == 2


def test_what_a_browser_remembers_is_never_shown_to_another_from_the_page_cache(
    client, kazakhmys_appeal, settings
):
    settings.PAGE_CACHE_SECONDS = 60
    client.post(sent_url(kazakhmys_appeal), follow=True)  # shows the thank-you message
    for _ in range(2):  # then the page as this browser sees it, twice (a miss, then a would-be hit)
        assert (
            "You told us you sent this letter."
            in client.get(kazakhmys_appeal.get_absolute_url()).content.decode()
        )

    for _ in range(2):
        page = Client().get(kazakhmys_appeal.get_absolute_url()).content.decode()
        assert "You told us you sent this letter." not in page
        assert "I sent it" in page


def test_a_forged_or_old_memory_of_sent_letters_is_ignored(client, kazakhmys_appeal, settings):
    client.cookies[LETTERS_SENT_COOKIE] = str(kazakhmys_appeal.pk)  # not signed by the site
    client.post(sent_url(kazakhmys_appeal))
    kazakhmys_appeal.refresh_from_db()
    assert kazakhmys_appeal.letters_sent == 1

    settings.SESSION_COOKIE_AGE = 0  # what the site signed is older than a browser session may last
    client.post(sent_url(kazakhmys_appeal))
    kazakhmys_appeal.refresh_from_db()
    assert kazakhmys_appeal.letters_sent == 2


def test_i_sent_it_needs_a_post_from_the_sites_own_page(kazakhmys_appeal):
    browser = factories.browser(headers=factories.CROSS_SITE)
    assert browser.get(sent_url(kazakhmys_appeal)).status_code == 405
    assert browser.post(sent_url(kazakhmys_appeal)).status_code == 403
    kazakhmys_appeal.refresh_from_db()
    assert kazakhmys_appeal.letters_sent == 0


def test_a_closed_appeal_counts_no_more_letters(client):
    closed = factories.appeal(action_status=Appeal.ActionStatus.CLOSED)
    page = client.post(sent_url(closed), follow=True).content.decode()
    assert "This appeal is closed, so letters are no longer counted." in page
    closed.refresh_from_db()
    assert closed.letters_sent == 0


def test_only_published_appeals_can_be_counted(client):
    draft = factories.appeal(status=factories.DRAFT)
    assert client.post(sent_url(draft)).status_code == 404
    assert client.post("/appeals/no-such-appeal/sent/").status_code == 404


def test_the_count_shows_on_the_appeal_and_in_its_categories(client):
    appeals = factories.category("Appeals")
    counted = factories.appeal("Letters for Zhezkazgan", categories=[appeals], letters_sent=41)
    Client().post(sent_url(counted))
    assert "42 letters sent so far." in client.get(counted.get_absolute_url()).content.decode()
    assert "42 letters sent" in client.get("/category/appeals/").content.decode()


FLOOD_IP = "203.0.113.7"


def i_sent_it(appeal, client=None, ip=FLOOD_IP):
    """A POST to "I sent it", by default from a fresh browser (a new session) each time, as a script does."""
    response = (client or Client()).post(sent_url(appeal), REMOTE_ADDR=ip, follow=True)
    assert response.redirect_chain == [(f"{appeal.get_absolute_url()}#send-letter", 302)]
    return " ".join(response.content.decode().split())


def test_scripted_i_sent_it_posts_from_one_address_count_only_up_to_the_hourly_limit(
    kazakhmys_appeal, settings
):
    settings.APPEALS_LETTERS_PER_IP_PER_HOUR = 5

    pages = [i_sent_it(kazakhmys_appeal) for _ in range(20)]

    kazakhmys_appeal.refresh_from_db()
    assert kazakhmys_appeal.letters_sent == 5
    # Counted or not, every browser is thanked the same way: a script learns nothing.
    assert all("Thank you for writing! Your letter has been added to the count." in page for page in pages)
    i_sent_it(kazakhmys_appeal, ip="198.51.100.20")  # a supporter elsewhere still counts
    kazakhmys_appeal.refresh_from_db()
    assert kazakhmys_appeal.letters_sent == 6


def test_a_browser_over_the_limit_is_still_counted_once_at_most(kazakhmys_appeal, settings):
    settings.APPEALS_LETTERS_PER_IP_PER_HOUR = 1
    i_sent_it(kazakhmys_appeal)
    browser = Client()
    first = i_sent_it(kazakhmys_appeal, client=browser)
    again = i_sent_it(kazakhmys_appeal, client=browser)

    assert "Thank you for writing!" in first
    assert "Your letter is already counted. Thank you!" in again
    kazakhmys_appeal.refresh_from_db()
    assert kazakhmys_appeal.letters_sent == 1
    # The browser remembers the appeal in its own cookie; the site keeps no session for it.
    assert "letters_sent" in browser.cookies
    assert settings.SESSION_COOKIE_NAME not in browser.cookies


def test_the_limit_keeps_no_address(kazakhmys_appeal, settings):
    from publishing.models import HourlyCounter

    i_sent_it(kazakhmys_appeal)
    stored = " ".join(str(value) for row in HourlyCounter.objects.values() for value in row.values())
    assert FLOOD_IP not in stored
    assert HourlyCounter.objects.count() == 1
