from django.conf import settings

from .models import Category


def site(request):
    """What every page's layout needs: the campaign's name and the category navigation."""
    return {
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
        "navigation_categories": Category.objects.in_navigation(),
    }
