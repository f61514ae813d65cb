from django import template

from appeals.models import Appeal

register = template.Library()


@register.simple_tag
def open_appeals_for(prisoner):
    """The published appeals for `prisoner` that supporters can still act on."""
    return list(Appeal.objects.published().open().filter(prisoners=prisoner))
