"""Sanitising editor-written HTML: what is stored and what is shown pass through here."""

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


def plain_text(value):
    """Text without any markup, for excerpts, feeds and meta descriptions."""
    return nh3.clean(value or "", tags=set()).strip()
