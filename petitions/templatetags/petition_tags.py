from django import template

from publishing.templatetags.publishing_tags import grouped

register = template.Library()
# Counts on petition pages are grouped the reader's way, as everywhere (publishing_tags).
register.filter("grouped", grouped)


@register.inclusion_tag("petitions/includes/petition_calls.html")
def petitions_for(subject):
    """Call-to-action boxes for the published petitions linked to a post or a prisoner.

    One query, counts included, so other apps' pages can show them without knowing
    how petitions are counted.
    """
    from petitions.models import Petition

    return {"petitions": list(Petition.objects.published().with_signature_count().linked_to(subject))}
