"""Sanitising editor-written HTML: what is stored and what is shown pass through here."""

import html
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3
from django.conf import settings
from django.utils.safestring import mark_safe

ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "figure",
    "figcaption",
    "img",
    "hr",
    "sub",
    "sup",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def clean_html(value):
    """Keep headings, links, lists, quotes and images; drop scripts, styles, handlers and the rest."""
    if not value:
        return ""
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


# Apps higher up that turn sanitised markup into something richer on the way out (a video
# link alone on its line into the click-to-load player): register_renderer(function).
_renderers = []


def register_renderer(function):
    """Pass every shown body through `function(html) -> html` after sanitising. The function
    gets and returns sanitised HTML; what it adds must be escaped (render a template)."""
    if function not in _renderers:
        _renderers.append(function)
    return function


def render_html(value):
    """Sanitise again on the way out, so that nothing stored before a rule changed can slip through."""
    html = clean_html(value)
    for renderer in _renderers:
        html = renderer(html)
    return mark_safe(html)


# A heading tag as clean_html leaves it: no attributes are kept on headings.
HEADING_TAG = re.compile(r"<(/?)h([2-4])>")


def fit_headings(value, top_level):
    """Renumber an editor's headings to fit under the page's own, for people who move through
    a page by its headings: the highest level used becomes `top_level` and the others follow
    without a gap ("Subheading" alone under the page's <h1> becomes an <h2>; an <h2> then an
    <h4> become <h2> and <h3>). A renumbered heading keeps the look the editor chose (class
    "h3"). `value` must come from clean_html."""
    levels = sorted({int(level) for _closing, level in HEADING_TAG.findall(value)})
    fitted = {level: min(top_level + rank, 6) for rank, level in enumerate(levels)}

    def renumber(match):
        closing, level = match.group(1), int(match.group(2))
        if fitted[level] == level:
            return match.group(0)
        return f"</h{fitted[level]}>" if closing else f'<h{fitted[level]} class="h{level}">'

    return HEADING_TAG.sub(renumber, value)


# Elements that end a line or a block: their text must not run into the next one's.
_BLOCK_BOUNDARY = re.compile(
    r"<(?=/?(?:p|br|hr|h[1-6]|li|ul|ol|blockquote|figure|figcaption|div|tr|td|th)\b)", re.IGNORECASE
)
_WHITESPACE = re.compile(r"[ \t\r\n\f\v]+")


def plain_text(value):
    """The text a reader sees in `value` (HTML), as plain text: no tags, entities decoded
    ("Tom &amp; Jerry" becomes "Tom & Jerry"), the content of scripts and styles dropped,
    whitespace collapsed. It is text, not HTML: templates escape it once, and whatever
    puts it into HTML (a feed's description) must escape it too.
    """
    if not value:
        return ""
    # nh3 with no tags allowed keeps only text, entity-escaped; unescaping it gives the text itself.
    text = html.unescape(nh3.clean(_BLOCK_BOUNDARY.sub(" <", value), tags=set()))
    # Ordinary whitespace only: a no-break space (&nbsp;) is the editor's choice and stays.
    return _WHITESPACE.sub(" ", text).strip()


class _ImageSources(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.sources = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.sources.extend(value or "" for name, value in attrs if name == "src")


# What browsers ignore in an address: tabs and line breaks anywhere, control characters
# and spaces at either end.
_IGNORED_IN_ADDRESSES = re.compile(r"[\t\n\r]")
_TRIMMED_FROM_ADDRESSES = "".join(chr(code) for code in range(0x21))
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _origin(address):
    """(scheme, host, port) of an absolute address, None for a relative one, "" if unreadable."""
    try:
        parts = urlsplit(address)
        port = parts.port or _DEFAULT_PORTS.get(parts.scheme)
    except ValueError:  # e.g. "https://[::1" or a port that is not a number
        return ""
    if not parts.scheme and not address.startswith("//"):
        return None
    return (parts.scheme, (parts.hostname or "").lower(), port) if parts.netloc else ""


def images_from_other_sites(value):
    """The addresses of the images in `value` (HTML) that a browser would fetch from another
    origin than SITE_URL's; relative addresses and absolute ones of this site pass."""
    parser = _ImageSources()
    parser.feed(value or "")
    parser.close()
    site = _origin(settings.SITE_URL)
    outside = []
    for source in parser.sources:
        # Read as a browser does: "/\\other.example" is "//other.example" to it.
        address = _IGNORED_IN_ADDRESSES.sub("", source).strip(_TRIMMED_FROM_ADDRESSES).replace("\\", "/")
        origin = _origin(address)
        if origin is not None and origin != site:
            outside.append(source.strip())
    return outside


class _ReadableText(HTMLParser):
    """Editor-written HTML as a plain-text e-mail shows it: paragraphs apart, list items as
    "- ", a link as its text followed by its address, images as their alt text."""

    BLOCKS = {"p", "h2", "h3", "h4", "ul", "ol", "blockquote", "figure", "hr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.links = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.BLOCKS or tag == "figcaption":
            self.parts.append("\n\n")
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag == "a":
            self.links.append((attrs.get("href") or "", len(self.parts)))
        elif tag == "img" and attrs.get("alt"):
            self.parts.append(f"[{attrs['alt']}]")

    def handle_endtag(self, tag):
        if tag in self.BLOCKS:
            self.parts.append("\n\n")
        elif tag == "a" and self.links:
            href, start = self.links.pop()
            text = "".join(self.parts[start:]).strip()
            if href and href != text and not href.startswith("mailto:" + text):
                self.parts.append(f" ({href})" if text else href)

    def handle_data(self, data):
        self.parts.append(_WHITESPACE.sub(" ", data))


def readable_text(value):
    """The text of `value` (HTML) laid out for a plain-text e-mail; never HTML-escaped."""
    if not value:
        return ""
    parser = _ReadableText()
    parser.feed(clean_html(value))
    parser.close()
    lines = [line.strip() for line in "".join(parser.parts).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
