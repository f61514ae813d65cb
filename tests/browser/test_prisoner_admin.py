"""An editor keeps a prisoner's timeline on a 1366-pixel laptop screen without scrolling sideways."""

from tests import factories

PASSWORD = "limpopo-solidarity-2013"


def test_the_timeline_form_fits_a_1366_pixel_screen(live_server, browser):
    factories.editor("rosa", password=PASSWORD)
    prisoner = factories.prisoner("Roza Tuleteva")
    factories.timeline_event(
        prisoner, "Police fire on strikers", description="Sixteen people were killed. " * 8
    )
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="en-GB")
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/admin/")
        page.fill("#id_username", "rosa")
        page.fill("#id_password", PASSWORD)
        page.get_by_role("button", name="Log in").click()
        page.goto(f"{live_server.url}/admin/prisoners/prisoner/{prisoner.pk}/change/")
        timeline = page.locator(".inline-group").filter(has_text="Timeline")
        timeline.scroll_into_view_if_needed()
        page.screenshot(path="tests/artifacts/prisoner-timeline-1366.png", full_page=True)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"the page scrolls {overflow} pixels sideways"
        # The admin lets a wide table scroll inside its box: every field must be in view instead.
        fields = timeline.locator("tr.has_original input, tr.has_original select, tr.has_original textarea")
        rights = fields.evaluate_all(
            "fields => fields.filter(f => f.type !== 'hidden').map(f => f.getBoundingClientRect().right)"
        )
        box = timeline.evaluate("element => element.getBoundingClientRect().right")
        assert rights and max(rights) <= min(box, 1366), f"fields end at {max(rights)}px, the box at {box}px"
    finally:
        context.close()
