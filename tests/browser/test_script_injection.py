from tests import factories


def test_a_script_typed_into_a_body_is_not_executed(live_server, page):
    post = factories.article(
        "Injected",
        body="<p>Text</p><script>window.injected = 1</script>"
        '<img src="/x.png" alt="x" onerror="window.injected = 2">',
    )
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(live_server.url + post.get_absolute_url())
    page.wait_for_load_state("networkidle")
    assert page.locator(".post-body").inner_text().strip().startswith("Text")
    assert page.evaluate("typeof window.injected") == "undefined"
    assert dialogs == []
