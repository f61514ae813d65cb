"""Sanitising editor-written HTML: what is stored and what is shown pass through here."""

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


# A heading tag as clean_html leaves it: no attributes are kept on headings.
HEADING_TAG = re.compile(r"<(/?)h([2-4])>")


def fit_headings(html, top_level):
    """Renumber an editor's headings to fit under the page's own, for people who move through
    a page by its headings: the highest level used becomes `top_level` and the others follow
    without a gap ("Subheading" alone under the page's <h1> becomes an <h2>; an <h2> then an
    <h4> become <h2> and <h3>). A renumbered heading keeps the look the editor chose (class
    "h3"). `html` must come from clean_html."""
    levels = sorted({int(level) for _closing, level in HEADING_TAG.findall(html)})
    fitted = {level: min(top_level + rank, 6) for rank, level in enumerate(levels)}

    def renumber(match):
        closing, level = match.group(1), int(match.group(2))
        if fitted[level] == level:
            return match.group(0)
        return f"</h{fitted[level]}>" if closing else f'<h{fitted[level]} class="h{level}">'

    return HEADING_TAG.sub(renumber, html)


def plain_text(value):
    """Text without any markup, for excerpts, feeds and meta descriptions."""
    return nh3.clean(value or "", tags=set()).strip()
