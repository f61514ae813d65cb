from django import template
from django.utils.safestring import mark_safe

from publishing import sections
from publishing.html import render_html

register = template.Library()


@register.filter
def sanitised_html(value):
    """Editor-written HTML, sanitised again on the way out."""
    return render_html(value)


@register.simple_tag(takes_context=True)
def page_sections(context, place):
    """Render what other apps registered at `place` on this page (publishing/sections.py)."""
    rendered = []
    for template_name in sections.templates_for(place):
        with context.push():
            rendered.append(context.template.engine.get_template(template_name).render(context))
    # Each part is a rendered template, already escaped where it had to be.
    return mark_safe("".join(rendered))
