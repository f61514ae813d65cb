"""A video post whose editor gave no poster: visitors see what the video is and can play it,
not an empty black box."""

import re
from datetime import timedelta

from playwright.sync_api import expect

from tests import factories
from tests.browser import ARTIFACTS

TITLE = "Miners in Limpopo back Kazakh workers"


def test_a_video_without_a_poster_shows_its_title_and_a_play_link_a_keyboard_reaches(live_server, page):
    video = factories.video_post(
        TITLE,
        image=None,
        image_alt="",
        video_url="https://vimeo.com/81617180/abcdef1234",
        duration=timedelta(minutes=4, seconds=35),
    )
    page.route(
        re.compile(r"^https://player\.vimeo\.com/"),
        lambda route: route.fulfill(status=200, content_type="text/html", body="<title>player</title>"),
    )
    page.goto(f"{live_server.url}{video.get_absolute_url()}")

    player = page.locator(".video-player")
    link = page.get_by_role("link", name=f"{TITLE} Play video from Vimeo")
    expect(link).to_be_visible()
    expect(player).to_contain_text("Duration: 4:35")
    box = player.bounding_box()
    assert box["height"] > box["width"] / 2  # the 16:9 space of the player, filled with its title
    background = player.evaluate("element => getComputedStyle(element).backgroundColor")
    assert background not in ("rgb(0, 0, 0)", "rgba(0, 0, 0, 0)")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "video-without-poster.png", full_page=True)

    # A keyboard user tabs to it and presses Enter: the unlisted video's player loads, with its hash.
    link.focus()
    with page.expect_request(re.compile(r"^https://player\.vimeo\.com/video/81617180\?h=abcdef1234&")):
        page.keyboard.press("Enter")
    expect(page.locator("iframe")).to_have_attribute("title", f"Video: {TITLE}")
