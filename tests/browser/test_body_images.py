"""An editor uploads an image into the library from the body editor, with its description, and it
appears in the post where they put it."""

import re

from playwright.sync_api import expect

from media_library.models import Image
from publishing.models import Post
from tests import factories
from tests.browser.test_wordpress_import import serve_media

PASSWORD = "limpopo-solidarity-2013"


def test_an_editor_uploads_and_inserts_an_image_from_the_body_editor(live_server, page, tmp_path, settings):
    factories.editor("rosa", password=PASSWORD)
    photo = tmp_path / "foundry.jpg"
    photo.write_bytes(factories.image_upload("foundry.jpg", size=(640, 360)).read())
    serve_media(page, settings.MEDIA_ROOT)

    page.goto(f"{live_server.url}/admin/")
    page.fill("#id_username", "rosa")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server.url}/admin/publishing/article/add/")
    page.fill("#id_title_en", "Foundry gates at dawn")  # the English tab: the original
    editor = page.locator(".field-body_en .ProseMirror[contenteditable=true]")
    editor.click()
    page.keyboard.type("Hundreds gathered outside the foundry.")

    with page.expect_popup() as opened:
        page.get_by_role("button", name="Insert an image from the library").click()
    picker = opened.value
    picker.set_input_files("#id_image", str(photo))
    # Without a description the library refuses the image, and says why.
    picker.get_by_role("button", name="Upload and insert").click()
    expect(picker.locator(".errorlist")).to_be_visible()
    picker.set_input_files("#id_image", str(photo))
    picker.fill("#id_image_alt", "Workers at the foundry gates at dawn")
    picker.fill("#id_caption", "Zhezkazgan, 24 June")
    picker.get_by_role("button", name="Upload and insert").click()
    picker.wait_for_event("close")

    expect(editor.locator("img")).to_have_attribute("alt", "Workers at the foundry gates at dawn")
    page.select_option("#id_status", label="Published")
    page.locator("input[name=_save]").first.click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    image = Image.objects.get()
    post = Post.objects.get(title="Foundry gates at dawn")
    assert f'<img src="{image.image.url}" alt="Workers at the foundry gates at dawn">' in post.body
    assert "<figcaption>Zhezkazgan, 24 June</figcaption>" in post.body

    page.goto(live_server.url + post.get_absolute_url())
    shown = page.locator(".post-body img")
    expect(shown).to_have_attribute("alt", "Workers at the foundry gates at dawn")
    page.wait_for_load_state("networkidle")
    assert shown.evaluate("image => image.naturalWidth") == 640
    assert re.search(r"/media/library/", shown.get_attribute("src"))
