"""A visitor finds a prisoner by status, reads the profile and prints how to write to them."""

from datetime import date

from playwright.sync_api import expect

from prisoners.models import Prisoner
from tests import factories
from tests.browser import ARTIFACTS


def test_a_visitor_finds_a_prisoner_and_prints_how_to_write_to_them(live_server, page):
    tuleteva = factories.prisoner(
        "Roza Tuleteva",
        slug="roza-tuleteva",
        summary="Oil worker jailed after the Zhanaozen strike.",
        place_of_detention="Women's penal colony (example)",
        postal_address="Roza Tuleteva\nInstitution EX-000/0\nExample Town\nKazakhstan",
        charges="Organising mass disorder",
        sentence="Seven years",
        biography="<p>She spoke for the striking oil workers of Zhanaozen.</p>",
    )
    factories.timeline_event(tuleteva, "Police fire on strikers", date=date(2011, 12, 16))
    factories.prisoner("Vladimir Kozlov", situation=Prisoner.Situation.RELEASED)
    factories.article("Zhanaozen: the trial in Aktau").prisoners.add(tuleteva)
    # Printing is stubbed: the test checks what would be printed, not a print dialog.
    page.add_init_script("window.print = function () { window.printed = true; };")

    page.goto(f"{live_server.url}/prisoners/")
    cards = page.locator(".prisoner-card")
    expect(cards).to_have_count(2)
    page.get_by_role("navigation", name="Filter by status").get_by_role("link", name="Released").click()
    expect(cards).to_have_count(1)
    expect(cards).to_contain_text("Vladimir Kozlov")
    page.get_by_role("link", name="Sentenced").click()
    expect(cards).to_have_count(1)
    page.screenshot(path=ARTIFACTS / "prisoner-list.png", full_page=True)

    cards.first.click()  # the whole card is the link
    expect(page.get_by_role("heading", level=1)).to_have_text("Roza Tuleteva")
    expect(page.locator(".prisoner-facts")).to_contain_text("Seven years")
    expect(page.locator(".prisoner-timeline")).to_contain_text("16 December 2011")
    expect(page.locator(".prisoner-posts")).to_contain_text("Zhanaozen: the trial in Aktau")
    write_to = page.locator("#write-to")
    expect(write_to.get_by_role("heading", name="Write to Roza Tuleteva")).to_be_visible()
    page.screenshot(path=ARTIFACTS / "prisoner-profile.png", full_page=True)

    # Printing the page leaves out the site's header and navigation.
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation", name="Main navigation")).to_be_hidden()
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".postal-address")).to_be_visible()
    expect(page.locator(".prisoner-posts")).to_be_hidden()

    # "Print the address" prints the address and the tips alone.
    page.emulate_media(media="screen")
    page.get_by_role("button", name="Print the address and these tips").click()
    assert page.evaluate("window.printed") is True
    page.emulate_media(media="print")
    expect(page.locator(".postal-address")).to_contain_text("Institution EX-000/0")
    expect(write_to.get_by_text("Write in any language")).to_be_visible()
    expect(page.locator(".prisoner-biography")).to_be_hidden()
    expect(page.locator(".prisoner-facts")).to_be_hidden()
    page.screenshot(path=ARTIFACTS / "prisoner-write-to-print.png", full_page=True)
