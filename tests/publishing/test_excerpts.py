"""A post's excerpt and standfirst read as the editor wrote them wherever they are shown:
cards, the home page, meta descriptions, share previews and feeds. An ampersand is one
ampersand, markup typed into a standfirst is shown as typed, and no script runs anywhere."""

from html.parser import HTMLParser
from xml.etree import ElementTree

import pytest

from publishing.html import plain_text
from tests import factories

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
HOSTILE_STANDFIRST = "<b>bold</b> & <script>alert(1)</script>"


class ReaderView(HTMLParser):
    """What a feed reader shows of an HTML description: its text, and the elements it would build."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.elements, self.text = [], ""
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append(tag)

    def handle_data(self, data):
        self.text += data


def feed_descriptions(client, url):
    """{title: description as HTML} for each entry of the feed at `url`."""
    root = ElementTree.fromstring(client.get(url).content)  # noqa: S314 (the site's own XML)
    if root.tag == f"{ATOM}feed":
        return {
            entry.findtext(f"{ATOM}title"): entry.findtext(f"{ATOM}summary")
            for entry in root.iter(f"{ATOM}entry")
        }
    return {item.findtext("title"): item.findtext("description") for item in root.iter("item")}


def test_plain_text_is_the_text_a_reader_sees_not_html():
    assert plain_text("<p>Tom &amp; Jerry</p><p>on&nbsp;strike &lt;today&gt;</p>") == (
        "Tom & Jerry on\xa0strike <today>"
    )
    assert plain_text("<h2>Free them</h2><script>alert(1)</script><ul><li>one</li><li>two</li></ul>") == (
        "Free them one two"
    )
    assert plain_text("") == ""
    assert plain_text(None) == ""


def test_an_excerpt_from_the_body_shows_an_ampersand_once_on_cards_and_in_previews(client):
    post = factories.article(
        "Cartoon workers", standfirst="", body="<p>Tom &amp; Jerry <b>went</b> on strike.</p>"
    )
    assert post.excerpt == "Tom & Jerry went on strike."

    listing = client.get("/posts/").content.decode()
    assert '<p class="post-card-excerpt">Tom &amp; Jerry went on strike.</p>' in listing
    assert "&amp;amp;" not in listing

    page = client.get(post.get_absolute_url()).content.decode()
    assert '<meta name="description" content="Tom &amp; Jerry went on strike.">' in page
    assert '<meta property="og:description" content="Tom &amp; Jerry went on strike.">' in page
    assert "&amp;amp;" not in page


def test_the_home_page_shows_the_featured_appeals_excerpt_once_escaped(client):
    factories.appeal("Cartoon appeal", standfirst="", body="<p>Tom &amp; Jerry ask you to write.</p>")
    html = client.get("/").content.decode()
    assert "Tom &amp; Jerry ask you to write." in html
    assert "&amp;amp;" not in html


def test_markup_typed_into_a_standfirst_is_shown_as_typed_never_run(client):
    post = factories.article("Standfirst with markup", standfirst=HOSTILE_STANDFIRST)

    for url in ("/posts/", post.get_absolute_url()):
        html = client.get(url).content.decode()
        assert "<script>alert(1)</script>" not in html
        assert "<b>bold</b>" not in html
        assert "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;" in html


FEEDS = ["/feed/", "/feed/atom/", "/category/news/feed/", "/category/news/feed/atom/"]


@pytest.mark.parametrize("url", FEEDS)
def test_feed_readers_show_excerpts_as_the_page_does_and_run_nothing(client, url):
    news = factories.category("News")
    factories.article("Typed markup", standfirst=HOSTILE_STANDFIRST, categories=[news])
    factories.article("From the body", standfirst="", body="<p>Tom &amp; Jerry</p>", categories=[news])
    factories.article("Plain ampersand", standfirst="Tom & Jerry", categories=[news])

    descriptions = feed_descriptions(client, url)

    typed = ReaderView(descriptions["Typed markup"])
    assert typed.elements == []  # no <b>, no <script>: the reader shows the text as typed
    assert typed.text == HOSTILE_STANDFIRST
    for title in ("From the body", "Plain ampersand"):
        shown = ReaderView(descriptions[title])
        assert shown.elements == []
        assert shown.text == "Tom & Jerry"
