from datetime import datetime

from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe

from publishing import sections
from publishing.html import fit_headings, render_html

register = template.Library()


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
