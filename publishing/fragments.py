"""What every page shows around its content (the navigation, the featured petition), read once
per content version instead of once per page.

The page cache (campaign/page_cache.py) keeps a content version that every editorial save bumps;
a value kept here under that version is never older than the last edit, and `timeout` bounds
what edits do not bump (a petition's count: PAGE_CACHE_SECONDS, as for whole pages).
"""

from django.core.cache import cache
from django.utils import translation

# The key the page cache keeps its content version under (campaign/page_cache.py uses it).
VERSION_KEY = "page-cache:version"


# Set on a request by the page cache when the visitor has state of their own (a session, a
# message, a letter sent): they see everything fresh, their own effect included.
FRESH_REQUEST_ATTRIBUTE = "sees_own_state"


def cached_for_content(name, make, timeout, request=None):
    """`make()`, kept for `timeout` seconds or until content changes, per language."""
    if request is not None and getattr(request, FRESH_REQUEST_ATTRIBUTE, False):
        return make()
    version = cache.get(VERSION_KEY)
    if version is None or timeout <= 0:  # nothing is versioned yet, or caching is off
        return make()
    key = f"fragment:{name}:{translation.get_language()}:{version}"
    kept = cache.get(key)
    if kept is None:
        kept = (make(),)  # in a tuple: None is a value too ("no petition featured")
        cache.set(key, kept, timeout)
    return kept[0]
