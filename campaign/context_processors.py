from django.conf import settings
from django.utils import translation
from django.utils.encoding import escape_uri_path
from django.utils.functional import SimpleLazyObject

from publishing.fragments import cached_for_content
from publishing.models import Category, SiteSettings

from .middleware import path_without_language


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


def languages(request):
    """The same page in each language, for the switcher and the hreflang alternates: the
    address without its language prefix, under each language's (English has none). Slugs are
    the same in every language, so this is the same content wherever the visitor is."""
    current = translation.get_language()
    path = escape_uri_path(path_without_language(request.path))
    query = request.META.get("QUERY_STRING", "")
    versions = []
    for code, name in settings.LANGUAGES:
        url = path if code == settings.LANGUAGE_CODE else f"/{code}{path}"
        url = f"{url}?{query}" if query else url
        versions.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "absolute_url": settings.SITE_URL.rstrip("/") + url,
                "is_current": code == current,
            }
        )
    return {"language_versions": versions, "default_language_version": versions[0]}
