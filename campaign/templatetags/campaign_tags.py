from django import template

from campaign.html import render_html

register = template.Library()


@register.filter
def sanitised_html(value):
    """Editor-written HTML, sanitised again on the way out."""
    return render_html(value)
