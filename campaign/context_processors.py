from django.conf import settings

from publishing.models import Category, SiteSettings


def site(request):
    """What every page's layout needs: the campaign's own words and the category navigation."""
    return {
        "site": SiteSettings.current(),
        "site_url": settings.SITE_URL,
        "navigation_categories": Category.objects.in_navigation(),
    }
