"""A supporter sends the model letter in a real browser: picks a country, sees the letter with
their name, says "I sent it" once, and prints the letter as a letter."""

import re
from urllib.parse import unquote, urlsplit

from playwright.sync_api import expect

from appeals.letters import compose_letter
from appeals.models import Recipient
from tests import factories
from tests.browser import ARTIFACTS

NAME, TOWN = "Maria Müller", "Köln"
PERSONAL = "Ich bin Krankenschwester.\n\nСвободу Розе Тулетаевой!"


def make_appeal():
    administration = factories.central_addressee()
    factories.embassy(
        "GB", name="Embassy of Kazakhstan in the United Kingdom", postal_address="1 Example Street\nLondon"
    )
    factories.embassy(
        "DE", name="Embassy of Kazakhstan in Germany", postal_address="1 Beispielstraße\nBerlin"
    )
    return factories.appeal("No closure in Zhezkazgan", addressees=[administration])


def test_a_supporter_picks_a_country_writes_and_is_counted_once(live_server, page):
    appeal = make_appeal()
    requested = []
    page.on("request", lambda request: requested.append(unquote(request.url)))

    page.goto(live_server.url + appeal.get_absolute_url())
    recipients = page.locator(".letter-recipients")
    # The browser speaks British English, so the United Kingdom is chosen for the supporter.
    expect(page.locator("#id_country")).to_have_value("GB")
    expect(recipients).to_contain_text("Embassy of Kazakhstan in the United Kingdom")

    page.select_option("#id_country", label="Germany")
    expect(recipients).to_contain_text("Embassy of Kazakhstan in Germany")
    expect(recipients).not_to_contain_text("United Kingdom")
    expect(recipients).to_contain_text("Presidential Administration")  # copied, whatever the country
    expect(page.locator(".letter-address-block")).to_contain_text("Berlin")
    expect(page.locator(".js-letter-status")).to_have_text(
        "Your letter is now addressed to Embassy of Kazakhstan in Germany."
    )

    page.fill("#id_name", NAME)
    page.fill("#id_town", TOWN)
    page.fill("#id_personal", PERSONAL)
    sheet = page.locator(".letter-sheet")
    expect(sheet.locator(".letter-signature-name")).to_have_text(NAME)
    expect(sheet.locator(".letter-sender")).to_contain_text(TOWN)
    expect(sheet.locator(".letter-personal")).to_contain_text("Свободу Розе Тулетаевой!")

    # The browser composes exactly the letter and link the server would (appeals/letters.py).
    expected = compose_letter(
        appeal, embassy=Recipient.objects.embassy_in("DE"), name=NAME, town=TOWN, personal=PERSONAL
    )
    expect(page.locator("#letter-text")).to_have_value(expected.text)
    expect(page.locator(".js-mailto")).to_have_attribute("href", expected.mailto)
    body = dict(pair.split("=", 1) for pair in urlsplit(expected.mailto).query.split("&"))["body"]
    assert unquote(body).endswith("Yours in protest,\r\nMaria Müller\r\nKöln")
    # What the supporter typed stayed in their browser.
    assert not [url for url in requested if NAME in url or "Krankenschwester" in url]
    page.screenshot(path=ARTIFACTS / "letter-tool.png", full_page=True)

    counter = page.locator(".appeal-letters-sent")
    expect(counter).to_have_text("0 letters sent so far.")
    page.get_by_role("button", name="I sent it").click()
    expect(page.locator(".messages")).to_contain_text("Thank you for writing!")
    expect(counter).to_have_text("1 letter sent so far.")
    expect(page.get_by_role("button", name="I sent it")).to_have_count(0)

    page.reload()
    expect(counter).to_have_text("1 letter sent so far.")
    appeal.refresh_from_db()
    assert appeal.letters_sent == 1


def test_the_printed_letter_is_a_letter_without_the_website_around_it(live_server, page):
    appeal = make_appeal()
    page.goto(live_server.url + appeal.get_absolute_url())
    page.select_option("#id_country", label="Germany")
    expect(page.locator(".letter-address-block")).to_contain_text("Berlin")
    page.fill("#id_name", NAME)
    page.fill("#id_town", TOWN)
    expect(page.locator(".letter-signature-name")).to_have_text(NAME)

    page.emulate_media(media="print")
    for part in (
        ".site-header",
        ".site-footer",
        ".site-sidebar",
        ".post-header",
        ".letter-form",
        ".post-share",
    ):
        expect(page.locator(part)).to_be_hidden()
    expect(page.get_by_role("navigation", name="Main navigation")).to_be_hidden()
    expect(page.get_by_role("button", name="I sent it")).to_be_hidden()
    address = page.locator(".letter-address-block")
    expect(address).to_be_visible()
    expect(address).to_contain_text("Embassy of Kazakhstan in Germany")
    expect(address).to_contain_text("1 Beispielstraße")
    expect(page.locator(".letter-sender")).to_contain_text(NAME)
    expect(page.locator(".letter-date")).to_be_visible()
    expect(page.locator(".letter-subject")).to_be_visible()
    expect(page.locator(".letter-signature-line")).to_be_visible()
    # The sender's block sits above the address block, on the right, as on a letter.
    sender_box = page.locator(".letter-sender").bounding_box()
    address_box = address.bounding_box()
    assert sender_box["y"] < address_box["y"]
    assert sender_box["x"] > address_box["x"] + address_box["width"] / 2

    page.screenshot(path=ARTIFACTS / "letter-print.png", full_page=True)
    page.pdf(path=ARTIFACTS / "letter.pdf", format="A4")


def test_without_javascript_the_form_still_addresses_and_fills_in_the_letter(live_server, browser):
    appeal = make_appeal()
    context = browser.new_context(java_script_enabled=False, locale="de-DE")
    try:
        tab = context.new_page()
        tab.goto(live_server.url + appeal.get_absolute_url())
        expect(tab.locator("#id_country")).to_have_value("")  # no script, no guess
        expect(tab.locator(".letter-recipients")).to_contain_text("Choose your country above")
        tab.select_option("#id_country", label="Germany")
        tab.fill("#id_name", NAME)
        tab.fill("#id_town", TOWN)
        tab.get_by_role("button", name="Show my letter").click()

        expect(tab).to_have_url(
            re.compile(r"country=DE&name=Maria\+M%C3%BCller&town=K%C3%B6ln.*#send-letter$")
        )
        expect(tab.locator(".letter-recipients")).to_contain_text("Embassy of Kazakhstan in Germany")
        expect(tab.locator(".letter-signature-name")).to_have_text(NAME)
        href = tab.locator(".js-mailto").get_attribute("href")
        assert href.startswith("mailto:embassy-de@example.org?cc=presidential-administration@example.org")
        assert "Maria%20M%C3%BCller%0D%0AK%C3%B6ln" in href
        # Buttons that need a script stay out of the way.
        expect(tab.get_by_role("button", name="Copy the letter")).to_be_hidden()
        tab.screenshot(path=ARTIFACTS / "letter-tool-no-js.png", full_page=True)
    finally:
        context.close()
