"""Every public page type passes axe-core's WCAG 2.1 A and AA rules and its best practices,
on a desktop and on a phone, in Chromium, and loads nothing from another site.

The pages and their content come from tests/public_pages.py. axe-core itself comes with the
pinned Python package axe-playwright-python (its axe.min.js), so nothing is fetched at run time.
Set A11Y_SCREENSHOTS=1 to keep a screenshot of each page in tests/artifacts/accessibility/.
"""

import os
import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests import factories
from tests.browser import ARTIFACTS
from tests.public_pages import build_public_pages

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}


def describe(violation):
    nodes = "\n".join(
        f"      {', '.join(map(str, node['target']))}: {node.get('failureSummary', '').replace(chr(10), ' ')}"
        for node in violation["nodes"][:5]
    )
    more = f"\n      … and {len(violation['nodes']) - 5} more" if len(violation["nodes"]) > 5 else ""
    return f"    {violation['id']} ({violation['impact']}): {violation['help']}\n{nodes}{more}"


def answer_with(page):
    """A route handler that answers with the page's recorded HTML."""

    def answer(route):
        route.fulfill(status=page.status, body=page.html, content_type="text/html; charset=utf-8")

    return answer


def test_every_public_page_passes_axe_and_loads_nothing_from_other_sites(live_server, browser, client):
    pages = build_public_pages(client)
    axe = Axe()
    screenshots = os.environ.get("A11Y_SCREENSHOTS", "").lower() in {"1", "true", "yes"}
    if screenshots:
        (ARTIFACTS / "accessibility").mkdir(parents=True, exist_ok=True)
    problems, foreign = [], set()
    for viewport_name, viewport in VIEWPORTS.items():
        context = browser.new_context(viewport=viewport, locale="en-GB")
        try:
            tab = context.new_page()
            tab.set_default_timeout(15_000)
            tab.on(
                "request",
                lambda request: (
                    None
                    if request.url.startswith((live_server.url, "data:", "blob:"))
                    else foreign.add(request.url)
                ),
            )
            for page in pages:
                url = live_server.url + page.path
                if page.html is not None:
                    # Shown at its own address, so that its CSS and scripts load as they would.
                    tab.route(url, answer_with(page))
                response = tab.goto(url, wait_until="load")
                assert response.status == page.status, f"{page.name}: {page.path} answered {response.status}"
                results = axe.run(tab, options=AXE_OPTIONS).response
                if results["violations"]:
                    found = "\n".join(describe(violation) for violation in results["violations"])
                    problems.append(f"  {page.name} on a {viewport_name}:\n{found}")
                if screenshots:
                    file_name = page.file_name.replace(".html", f"-{viewport_name}.png")
                    tab.screenshot(path=ARTIFACTS / "accessibility" / file_name, full_page=True)
                if page.html is not None:
                    tab.unroute(url)
        finally:
            context.close()
    assert not problems, "axe-core found accessibility problems:\n" + "\n".join(problems)
    assert not foreign, f"Public pages loaded from other sites: {sorted(foreign)}"


def test_a_petition_form_sent_with_mistakes_opens_at_the_form_and_names_each_mistake(live_server, page):
    petition = factories.petition(title="Free Roza Tuleteva")
    page.goto(live_server.url + petition.get_absolute_url())
    page.fill("#id_email", "not an address")
    page.get_by_role("button", name="Sign the petition").click()

    # The answer opens at the form, not at the top of a long page.
    expect(page).to_have_url(re.compile(r"/sign/#sign$"))
    expect(page.locator("#sign-heading")).to_be_in_viewport()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("First name: This field is required.")
    expect(summary).to_contain_text("E-mail address: Enter a valid email address.")
    # Each mistake leads to its field, and the field itself says what is wrong.
    summary.get_by_role("link", name="E-mail address: Enter a valid email address.").click()
    email = page.get_by_role("textbox", name="E-mail address")
    expect(email).to_be_focused()
    expect(email).to_have_attribute("aria-invalid", "true")
    expect(email).to_have_accessible_description(re.compile("Enter a valid email address"))
    page.screenshot(path=ARTIFACTS / "petition-form-mistakes.png")
