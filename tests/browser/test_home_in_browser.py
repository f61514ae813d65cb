from playwright.sync_api import expect

from tests import factories
from tests.browser import ARTIFACTS


def test_home_page_renders_styled_in_a_real_browser(live_server, page):
    page.goto(live_server.url + "/")
    header = page.locator(".site-header")
    # site.css paints the header in the campaign's ink colour: proof the CSS arrived.
    assert header.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(28, 30, 38)"
    # Bootstrap's grid is applied: the main column and the sidebar sit side by side.
    main_box = page.locator("main").bounding_box()
    sidebar_box = page.locator(".site-sidebar").bounding_box()
    assert sidebar_box["x"] > main_box["x"] + main_box["width"] - 1
    assert page.get_by_role("heading", name="Sign the Petition").is_visible()
    page.screenshot(path=ARTIFACTS / "home-desktop.png", full_page=True)

    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    # On a phone the sidebar goes below the article, and navigation folds behind a button.
    assert page.locator(".site-sidebar").bounding_box()["y"] > page.locator("main").bounding_box()["y"]
    assert page.get_by_role("button", name="Show navigation").is_visible()
    page.screenshot(path=ARTIFACTS / "home-phone.png", full_page=True)


def test_on_a_phone_the_menu_button_opens_and_closes_the_navigation(live_server, page):
    factories.category("Appeals")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + "/")
    button = page.get_by_role("button", name="Show navigation")
    menu_link = page.get_by_role("link", name="Appeals")
    assert not menu_link.is_visible() and button.get_attribute("aria-expanded") == "false"
    button.click()
    expect(menu_link).to_be_visible()
    assert button.get_attribute("aria-expanded") == "true"
    button.click()
    expect(menu_link).to_be_hidden()
    assert button.get_attribute("aria-expanded") == "false"
    # No 80 KB script bundle for this one button.
    scripts = page.eval_on_selector_all("script[src]", "nodes => nodes.map(n => n.src)")
    assert not any("bootstrap" in src for src in scripts)


def test_on_a_phone_without_javascript_the_menu_is_still_reachable(live_server, browser):
    factories.category("Appeals")
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(live_server.url + "/")
        assert tab.get_by_role("link", name="Appeals").is_visible()
        assert tab.get_by_role("searchbox").is_visible()
        assert not tab.get_by_role("button", name="Show navigation").is_visible()
        tab.screenshot(path=ARTIFACTS / "home-phone-no-javascript.png", full_page=True)
    finally:
        context.close()
