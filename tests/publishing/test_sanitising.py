"""Whatever an editor pastes, no script reaches a visitor's browser."""

from html.parser import HTMLParser

import pytest

from publishing.html import clean_html
from publishing.models import Post
from tests import factories

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<h2>Free them</h2><script>alert("x")</script>'
    '<img src="x" alt="x" onerror="alert(1)"><a href="javascript:alert(2)">click</a>'
    '<p style="position:fixed" onclick="alert(3)">text</p><iframe src="https://evil.example"></iframe>'
)


class ActiveContentFinder(HTMLParser):
    """Collects what a browser would run: inline scripts, event handlers, javascript: links, frames."""

    def __init__(self):
        super().__init__()
        self.found = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._in_script = True
            if not dict(attrs).get("src", "").startswith("/static/"):
                self.found.append("inline script")
        if tag == "iframe":
            self.found.append("iframe")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag} {name}")
            if name in ("href", "src") and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"{tag} {name}=javascript:")
            if name == "style":
                self.found.append(f"{tag} style")


def assert_harmless(html):
    finder = ActiveContentFinder()
    finder.feed(html)
    assert finder.found == []


def test_editor_formatting_survives_sanitising():
    html = clean_html(
        '<h2>Heading</h2><p><strong>bold</strong> <a href="https://example.org">link</a></p>'
        "<ul><li>one</li></ul><blockquote><p>quote</p></blockquote>"
        '<img src="/media/a.jpg" alt="A picket">'
    )
    for kept in ("<h2>", "<strong>", 'href="https://example.org"', "<ul>", "<blockquote>", 'alt="A picket"'):
        assert kept in html


def test_scripts_in_a_post_body_are_removed_when_stored_and_when_shown(client):
    post = factories.article("Hostile", body=HOSTILE)
    post.refresh_from_db()
    assert "<script" not in post.body
    html = client.get(post.get_absolute_url()).content.decode()
    assert "<h2>Free them</h2>" in html
    assert_harmless(html)


def test_html_stored_before_sanitising_is_still_cleaned_on_the_way_out(client):
    post = factories.article("Legacy import")
    Post.objects.filter(pk=post.pk).update(body=HOSTILE)  # bypasses save(), like an old import
    assert_harmless(client.get(post.get_absolute_url()).content.decode())


def test_scripts_in_every_other_body_field_never_run(client):
    prisoner = factories.prisoner("Aron Atabek", biography=HOSTILE)
    appeal = factories.appeal("Appeal", body=HOSTILE, letter_body=HOSTILE, standfirst=HOSTILE)
    video = factories.video_post("<script>alert(4)</script>", body=HOSTILE, transcript=HOSTILE)
    for url in (prisoner.get_absolute_url(), appeal.get_absolute_url(), video.get_absolute_url(), "/"):
        html = client.get(url).content.decode()
        assert_harmless(html)
