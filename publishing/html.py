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


def plain_text(value):
    """Text without any markup, for excerpts, feeds and meta descriptions."""
    return nh3.clean(value or "", tags=set()).strip()
