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


@register.inclusion_tag("petitions/includes/petition_calls.html")
def petitions_for(subject):
    """Call-to-action boxes for the published petitions linked to a post or a prisoner.

    One query, counts included, so other apps' pages can show them without knowing
    how petitions are counted.
    """
    from petitions.models import Petition

    return {"petitions": list(Petition.objects.published().with_signature_count().linked_to(subject))}
