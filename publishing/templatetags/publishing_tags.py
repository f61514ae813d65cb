from datetime import datetime

from django import template
from django.utils import timezone, translation
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from publishing import languages, sections
from publishing.html import fit_headings, render_html

register = template.Library()


@register.filter
def grouped(value):
    """A whole number with the visitor's thousands separator: 12345 → "12,345", "12 345"."""
    try:
        return number_format(int(value), force_grouping=True)
    except (TypeError, ValueError):
        return value


@register.filter
def sanitised_html(value, top_heading_level=None):
    """Editor-written HTML, sanitised again on the way out. With `top_heading_level` (one
    below the page heading the text sits under), its headings are renumbered to fit there."""
    html = render_html(value)
    if top_heading_level is None:
        return html
    return mark_safe(fit_headings(html, int(top_heading_level)))  # only heading tags changed


@register.filter
def machine_datetime(value):
    """A moment as a valid HTML `datetime` attribute: ISO 8601 to the second, in the site's
    time zone ("2026-03-01T14:05:09+00:00"). Django's "c" format keeps microseconds, and
    HTML allows at most three digits of a second."""
    if not isinstance(value, datetime):
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(microsecond=0).isoformat()


@register.simple_tag(takes_context=True)
def page_sections(context, place):
    """Render what other apps registered at `place` on this page (publishing/sections.py)."""
    rendered = []
    for template_name in sections.templates_for(place):
        with context.push():
            rendered.append(context.template.engine.get_template(template_name).render(context))
    # Each part is a rendered template, already escaped where it had to be.
    return mark_safe("".join(rendered))


@register.inclusion_tag("publishing/includes/translation_note.html")
def translation_note(item):
    """The note above content shown (wholly or partly) in the original because it has no
    version in the visitor's language yet: `{% translation_note post %}`."""
    return {"note": languages.translation_note(item)}


@register.simple_tag
def original_lang(item, field_name):
    """` lang="en"` on an element that shows `item`'s `field_name` in the original, because it
    has no version in the visitor's language yet (so that screen readers pronounce it right);
    nothing otherwise: `<h1{% original_lang post "title" %}>`."""
    language = languages.field_language(item, field_name)
    return format_html(' lang="{}"', language) if language != translation.get_language() else ""
