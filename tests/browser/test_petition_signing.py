"""A supporter signs in a real browser, confirms from the e-mail, and sees the count go up by one."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from petitions.models import Signature
from tests import factories
from tests.browser import ARTIFACTS

CONFIRM_LINK = re.compile(r"https?://\S+/signatures/confirm/\S+/")


@pytest.fixture
def petition(settings, live_server):
    # The server thread sends the e-mail itself, once the signature is committed.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.SITE_URL = live_server.url
    settings.PAGE_CACHE_SECONDS = 1
    return factories.petition(
        title="Urgent action for Vadim Kuramshin",
        slug="urgent-action-for-vadim-kuramshin",
        summary="Free the human-rights lawyer jailed for exposing abuse in Kazakhstan's prisons.",
        text="<p>We call for the immediate release of Vadim Kuramshin.</p>",
        addressee="The President of the Republic of Kazakhstan",
        goal=100,
        is_featured=True,
    )


def counts_on(page):
    """(the count in the page, the count in the sidebar), as the visitor reads them."""
    main = page.locator("main #petition-count .petition-count-number")
    sidebar = page.locator(".site-sidebar .sidebar-petition .petition-count-number")
    return int(main.get_attribute("data-count")), int(sidebar.get_attribute("data-count"))


def test_a_supporter_signs_confirms_by_email_and_the_count_goes_up_by_one(
    live_server, page, petition, settings
):
    mail.outbox.clear()
    page.goto(f"{live_server.url}{petition.get_absolute_url()}")
    before_main, before_sidebar = counts_on(page)
    assert before_main == before_sidebar == 0

    form = page.locator("form.petition-form")
    form.get_by_role("textbox", name=re.compile("^First name")).fill("Aigerim")
    form.get_by_role("textbox", name=re.compile("^Surname")).fill("Bekova")
    form.get_by_role("textbox", name=re.compile("^E-mail address")).fill("Aigerim.Bekova@example.org")
    form.get_by_role("combobox", name=re.compile("^Country")).select_option("KZ")
    form.get_by_role("checkbox", name=re.compile("^Show my first name")).check()
    expect(form.get_by_role("checkbox", name=re.compile("^Keep me informed"))).not_to_be_checked()
    expect(form.get_by_role("link", name="How we handle your data")).to_be_visible()
    expect(form.get_by_label("Leave this field empty")).not_to_be_in_viewport()
    form.get_by_role("button", name="Sign the petition").click()

    expect(page.get_by_role("heading", name="Check your e-mail")).to_be_visible()
    assert Signature.objects.get().status == Signature.Status.PENDING
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["Aigerim.Bekova@example.org"]
    confirm_url = CONFIRM_LINK.search(message.body).group(0)
    assert confirm_url.startswith(live_server.url)

    page.goto(confirm_url)
    page.screenshot(path=ARTIFACTS / "petition-confirm-page.png", full_page=True)
    assert Signature.objects.get().status == Signature.Status.PENDING  # opening the link is not enough
    page.get_by_role("button", name="Confirm my signature").click()

    expect(page.get_by_text("your signature is confirmed and counted")).to_be_visible()
    assert re.search(r"/petitions/urgent-action-for-vadim-kuramshin/(#petition-count)?$", page.url)
    assert counts_on(page) == (before_main + 1, before_sidebar + 1)
    expect(page.locator("main #petition-count")).to_contain_text("1 signature")
    expect(page.locator(".petition-recent")).to_contain_text("Aigerim B., Kazakhstan")
    page.screenshot(path=ARTIFACTS / "petition-confirmed.png", full_page=True)

    # Elsewhere on the site, the sidebar shows the new count too, once the short lifetime of
    # shared fragments and pages (PAGE_CACHE_SECONDS) has passed.
    page.wait_for_timeout(settings.PAGE_CACHE_SECONDS * 1000 + 200)
    page.goto(f"{live_server.url}/privacy/")
    sidebar_count = page.locator(".site-sidebar .sidebar-petition .petition-count-number")
    assert sidebar_count.get_attribute("data-count") == str(before_sidebar + 1)
