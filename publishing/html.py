"""Sanitising editor-written HTML: what is stored and what is shown pass through here."""

import html
import re

import nh3
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


def render_html(value):
    """Sanitise again on the way out, so that nothing stored before a rule changed can slip through."""
    return mark_safe(clean_html(value))


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
