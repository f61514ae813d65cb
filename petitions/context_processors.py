from django.conf import settings
from django.utils.functional import SimpleLazyObject

from publishing.fragments import cached_for_content


def _featured(request):
    from .models import Petition

    # Its count may be as old as a cached page's (PAGE_CACHE_SECONDS); an edit shows at once.
    return cached_for_content(
        "featured-petition",
        lambda: Petition.objects.published().featured().with_signature_count().first(),
        settings.PAGE_CACHE_SECONDS,
        request,
    )


def featured_petition(request):
    """The petition shown in every page's sidebar under "Sign the Petition".

    Looked up (one query, count included) only when a template shows it, so pages without
    the sidebar, such as the admin, pay nothing.
    """
    return {"featured_petition": SimpleLazyObject(lambda: _featured(request))}
