from django.conf import settings
from django.utils.functional import SimpleLazyObject

from publishing.fragments import cached_for_content
from publishing.models import Category, SiteSettings


def _navigation_categories(request):
    # Kept an hour at most: only an editorial change alters it, and that shows at once.
    return cached_for_content(
        "navigation-categories", lambda: list(Category.objects.in_navigation()), 3600, request
    )


def site(request):
    """What every page's layout needs: the campaign's own words and the category navigation."""
    return {
        "site": SiteSettings.current(),
        "site_url": settings.SITE_URL,
        # Read only when a template shows it (not in the admin), and then from the cache.
        "navigation_categories": SimpleLazyObject(lambda: _navigation_categories(request)),
    }
