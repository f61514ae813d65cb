from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def grouped(value):
    """A whole number with the visitor's thousands separator: 12345 → "12,345"."""
    try:
        return number_format(int(value), force_grouping=True)
    except (TypeError, ValueError):
        return value
