"""An editor publishes a video post in the admin; a visitor sees it in both its categories
and nothing is requested from YouTube until they press play."""

import re

from playwright.sync_api import expect

from media_library.models import VideoPost
from tests import factories
from tests.browser import ARTIFACTS

TITLE = "South African miners declare solidarity with Kazakhstan workers"
PASSWORD = "limpopo-solidarity-2013"
PROVIDERS = re.compile(r"youtube|youtu\.be|vimeo", re.IGNORECASE)


def pick_in_autocomplete(page, field, text):
    """Choose `text` in one of the admin's select2 autocomplete widgets, as an editor does."""
    page.locator(f".field-{field} .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(text)
    page.locator(".select2-results__option", has_text=text).click()


def test_an_editor_publishes_a_video_that_loads_from_youtube_only_on_play(live_server, page):
    factories.editor("rosa", password=PASSWORD)
    factories.category("Video")
    factories.category("Appeals")

    requested = []
    page.on("request", lambda request: requested.append(request.url))
    # The network is closed here: answer for the player so the browser need not wait on it.
    page.route(
        re.compile(r"^https://www\.youtube-nocookie\.com/"),
        lambda route: route.fulfill(status=200, content_type="text/html", body="<title>player</title>"),
    )

    # The editor logs in through the ordinary admin form.
    page.goto(f"{live_server.url}/admin/")
    page.fill("#id_username", "rosa")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(
        page.get_by_role("link", name="Log out").or_(page.get_by_role("button", name="Log out"))
    ).to_be_visible()

    page.goto(f"{live_server.url}/admin/media_library/videopost/add/")
    page.locator("#id_title_en").press_sequentially(
        TITLE
    )  # typed in the English tab, so the slug fills itself in
    expect(page.locator("#id_slug")).to_have_value(
        "south-african-miners-declare-solidarity-with-kazakhstan-workers"
    )
    page.fill("#id_video_url", "https://youtu.be/dQw4w9WgXcQ")
    page.fill("#id_duration", "2:37")
    pick_in_autocomplete(page, "categories", "Video")
    pick_in_autocomplete(page, "categories", "Appeals")
    page.select_option("#id_status", label="Published")
    page.locator("input[name=_save]").first.click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    video = VideoPost.objects.get(title=TITLE)
    assert {category.slug for category in video.categories.all()} == {"video", "appeals"}

    # A visitor finds it in both categories.
    for slug in ("video", "appeals"):
        page.goto(f"{live_server.url}/category/{slug}/")
        expect(page.locator(".post-card-title").get_by_role("link", name=TITLE)).to_be_visible()

    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.locator(".video-player-link")).to_be_visible()
    assert page.locator("iframe").count() == 0
    page.wait_for_load_state("networkidle")
    assert not [url for url in requested if PROVIDERS.search(url)], (
        "nothing may reach the provider before play"
    )

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "video-post-before-play.png")

    with page.expect_request(re.compile(r"^https://www\.youtube-nocookie\.com/embed/")):
        page.locator(".video-player-link").click()

    player = page.locator(".video-player iframe")
    expect(player).to_have_count(1)
    expect(player).to_have_attribute(
        "src", re.compile(r"^https://www\.youtube-nocookie\.com/embed/dQw4w9WgXcQ\?")
    )
    expect(player).to_have_attribute("title", f"Video: {TITLE}")
    expect(player).to_have_attribute("allow", "autoplay; fullscreen; picture-in-picture")
    expect(player).to_have_attribute("referrerpolicy", "strict-origin-when-cross-origin")
    expect(page.locator(".video-player-link")).to_have_count(0)
    assert page.url.endswith(video.get_absolute_url()), "the click must not follow the link to YouTube"
    assert not [url for url in requested if re.search(r"//(www\.)?youtube\.com|vimeo", url)]
    page.screenshot(path=ARTIFACTS / "video-post-after-play.png")
