"""After the WordPress import, a visitor following an old link lands on the post, with its images
and its video player, and nothing reaches YouTube before they press play."""

import re
from io import StringIO

from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser import ARTIFACTS
from tests.campaign.wordpress import exports

PROVIDERS = re.compile(r"youtube|youtu\.be|vimeo", re.IGNORECASE)
TITLE = "Angry protests erupt in Zhezkazgan"


def serve_media(page, media_root):
    """The reverse proxy's part in production: /media/ files straight from MEDIA_ROOT."""

    def fulfil(route):
        name = route.request.url.split("/media/", 1)[1]
        route.fulfill(path=str(media_root / name))

    page.route(re.compile(r"/media/"), fulfil)


def test_old_addresses_land_on_the_imported_post_with_its_images_and_player(
    live_server, page, tmp_path, settings
):
    path = exports.write(tmp_path, exports.campaign_export())
    call_command(
        "import_wordpress", str(path), "--uploads", str(exports.campaign_uploads(tmp_path)), stdout=StringIO()
    )
    serve_media(page, settings.MEDIA_ROOT)
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.route(
        re.compile(r"^https://www\.youtube-nocookie\.com/"),
        lambda route: route.fulfill(status=200, content_type="text/html", body="<title>player</title>"),
    )

    for old in ("/index.php/2013/06/28/angry-protests-erupt-in-zhezkazgan/", "/?p=101"):
        page.goto(live_server.url + old)
        assert page.url == f"{live_server.url}/posts/angry-protests-erupt-in-zhezkazgan/", old
        expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
        images = page.locator("article img")
        expect(images.first).to_be_visible()
        assert images.count() >= 4  # the featured image, the captioned one and the gallery's two
        page.wait_for_load_state("networkidle")
        widths = images.evaluate_all("images => images.map(image => image.naturalWidth)")
        assert all(width > 0 for width in widths), f"an image did not load: {widths}"
        expect(page.get_by_text("Residents outside the foundry gates")).to_be_visible()
        expect(page.locator(".post-body .video-player-link")).to_be_visible()
        assert page.locator("iframe").count() == 0
        assert not [url for url in requested if PROVIDERS.search(url)], (
            "nothing may reach YouTube before play"
        )

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "wordpress-import-post.png", full_page=True)
    with page.expect_request(re.compile(r"^https://www\.youtube-nocookie\.com/embed/dQw4w9WgXcQ")):
        page.locator(".post-body .video-player-link").click()
    expect(page.locator(".post-body .video-player iframe")).to_have_count(1)

    # The post that was mainly a video is a video post now, at its old address too.
    page.goto(live_server.url + "/?p=103")
    assert page.url == f"{live_server.url}/videos/south-african-miners/"
    expect(page.locator(".video-player-link")).to_be_visible()
