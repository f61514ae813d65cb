from django.utils.functional import SimpleLazyObject


def _featured():
    from .models import Petition

    return Petition.objects.published().featured().with_signature_count().first()


def featured_petition(request):
    """The petition shown in every page's sidebar under "Sign the Petition".

    Looked up (one query, count included) only when a template shows it, so pages without
    the sidebar, such as the admin, pay nothing.
    """
    return {"featured_petition": SimpleLazyObject(_featured)}
