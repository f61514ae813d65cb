"""A whole-page cache for anonymous visitors that never serves one visitor's state to another.

Why not Django's CacheMiddleware: pages that carry a form also carry the visitor's
CSRF token, so Django refuses to cache them (or would hand one visitor's token to the
next). Here the token is cut out before a page is stored and the current visitor's
own token is put back on every hit, so petition and appeal pages are cached too.

A hit is one round trip to the cache and runs no SQL. Pages are stamped with a content
version that every editorial save bumps (see `content_changed`), and a page with an
older stamp is a miss, so an edit shows at once; the short
lifetime (PAGE_CACHE_SECONDS) bounds how old a petition count or a newly due scheduled
post can be. Visitors with a session or another cookie of the site's (editors, supporters
who have just acted) always get a fresh page, so they see their own effect at once.

A page with a form differs on every response (the token is masked afresh each time), so
ConditionalGetMiddleware could never answer a repeat visit with 304. Its ETag is made
from the page without the token and from the visitor's CSRF secret instead: the copy a
visitor already holds is still valid for them exactly when both are unchanged.
"""

import hashlib
import re
import time
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.db.models import Min
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.cache import patch_cache_control

from publishing.models import Publishable

from . import site
from .middleware import path_without_language

VERSION_KEY = "page-cache:version"
CSRF_PLACEHOLDER = "__CSRF_TOKEN_PLACEHOLDER__"
_CSRF_INPUT = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')
# Response headers worth keeping; security headers are added again by outer middleware.
_KEPT_HEADERS = ("Content-Type", "Content-Language", "Last-Modified", "Access-Control-Allow-Origin", "Link")

NEXT_DUE_KEY = "page-cache:next-scheduled"
NOTHING_SCHEDULED = -1.0


def content_version(values=None):
    """The number every stored page is stamped with; it changes when content does.

    A scheduled post changes content too, when its time comes: the next publish time is
    kept beside the version, and the first request after it passes bumps the version.
    `values` may hold both keys already fetched (the middleware reads them together
    with the page, in one round trip to the cache).
    """
    if values is None:
        values = cache.get_many([VERSION_KEY, NEXT_DUE_KEY])
    version, next_due = values.get(VERSION_KEY), values.get(NEXT_DUE_KEY)
    if version is None:
        version = bump_content_version()
    if next_due is None:
        next_due = _next_scheduled_publish_time()
        cache.set(NEXT_DUE_KEY, next_due, timeout=None)
    if next_due != NOTHING_SCHEDULED and timezone.now().timestamp() >= next_due:
        version = bump_content_version()
    return version


def _next_scheduled_publish_time():
    """When the next scheduled item (post, prisoner profile, petition) is due, as a timestamp."""
    tables = {model._meta.get_field("published_at").model for model in _scheduled_models()}
    due_times = [model.objects.scheduled().aggregate(due=Min("published_at"))["due"] for model in tables]
    due_times = [due for due in due_times if due is not None]
    return min(due_times).timestamp() if due_times else NOTHING_SCHEDULED


def _scheduled_models():
    return [model for model in site.public_models() if issubclass(model, Publishable)]


def bump_content_version():
    """Make every cached page stale at once (after any editorial change)."""
    version = time.time_ns()
    cache.set(VERSION_KEY, version, timeout=None)
    cache.delete(NEXT_DUE_KEY)
    return version


@lru_cache(maxsize=1)
def _content_labels():
    """The models whose changes show on public pages, as each app declares them (campaign/site.py).
    Signatures and counters are deliberately absent: a signing spike must not empty the cache."""
    return frozenset(model._meta.label_lower for model in site.public_models())


@lru_cache(maxsize=1)
def _visitor_cookies():
    """A browser sending one of these sees its own state on the page (its session, a message,
    what it told us it did): it always gets a fresh page, and that page is never stored."""
    return (settings.SESSION_COOKIE_NAME, "messages", *site.visitor_cookies())


def _is_content(model):
    return model is not None and model._meta.label_lower in _content_labels()


def content_changed(sender, instance=None, **kwargs):
    model = type(instance) if instance is not None else sender
    if _is_content(model) or _is_content(sender):
        bump_content_version()


def connect_signals():
    post_save.connect(content_changed, dispatch_uid="page_cache_post_save")
    post_delete.connect(content_changed, dispatch_uid="page_cache_post_delete")
    m2m_changed.connect(content_changed, dispatch_uid="page_cache_m2m_changed")


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.request_is_cacheable(request):
            return self.get_response(request)
        key = self.key_for(request)
        # One round trip: the page and the current content version together.
        values = cache.get_many([key, VERSION_KEY, NEXT_DUE_KEY])
        version = content_version(values)
        stored = values.get(key)
        if stored is not None and stored["version"] == version:
            return self.rebuild(stored, request)
        response = self.get_response(request)
        if self.response_is_cacheable(request, response):
            stored = self.freeze(response)
            cache.set(key, {**stored, "version": version}, settings.PAGE_CACHE_SECONDS)
            if stored["has_csrf"]:
                patch_cache_control(response, private=True)
                response["ETag"] = self.etag(stored, request)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def request_is_cacheable(request):
        if settings.PAGE_CACHE_SECONDS <= 0 or request.method not in ("GET", "HEAD"):
            return False
        if any(name in request.COOKIES for name in _visitor_cookies()):
            return False
        return not path_without_language(request.path).startswith(settings.PAGE_CACHE_EXCLUDED_PATHS)

    @staticmethod
    def key_for(request):
        # The language is in the address too (/ru/...): keyed by both, a page stored in one
        # language can never be served in another, whatever the URLconf does.
        language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
        # Hashed: addresses can be long, and cache backends limit key length.
        address = hashlib.sha256(f"{request.get_host()}{request.get_full_path()}".encode()).hexdigest()
        # "v2": pages stored by an older release lack what this one needs (their digest).
        return f"page-cache:page:v2:{language}:{address}"

    @staticmethod
    def response_is_cacheable(request, response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        cache_control = response.get("Cache-Control", "")
        if any(word in cache_control for word in ("private", "no-cache", "no-store", "max-age=0")):
            return False
        session = getattr(request, "session", None)
        return not (session is not None and session.modified)

    @staticmethod
    def freeze(response):
        content = response.content.decode(response.charset)
        content = _CSRF_INPUT.sub(rf"\g<1>{CSRF_PLACEHOLDER}\g<2>", content)
        headers = {name: response[name] for name in _KEPT_HEADERS if response.has_header(name)}
        return {
            "content": content,
            "headers": headers,
            "has_csrf": CSRF_PLACEHOLDER in content,
            "digest": hashlib.sha256(content.encode()).hexdigest()[:32],
        }

    @staticmethod
    def etag(stored, request):
        """The ETag of a page with a form, for this visitor (call after their token is made:
        get_token has put their secret in request.META)."""
        secret = request.META["CSRF_COOKIE"]
        return f'"{stored["digest"]}-{hashlib.sha256(secret.encode()).hexdigest()[:16]}"'

    @staticmethod
    def rebuild(stored, request):
        content = stored["content"]
        if stored["has_csrf"]:
            # Each form gets this visitor's own token (and CsrfViewMiddleware sets their cookie).
            content = content.replace(CSRF_PLACEHOLDER, get_token(request))
        response = HttpResponse(content)
        for name, value in stored["headers"].items():
            response[name] = value
        if stored["has_csrf"]:
            patch_cache_control(response, private=True)
            response["ETag"] = AnonymousPageCacheMiddleware.etag(stored, request)
        response["X-Page-Cache"] = "hit"
        return response
