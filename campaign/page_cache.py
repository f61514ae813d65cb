"""A whole-page cache for anonymous visitors, first in the middleware stack.

Anonymous pages carry nothing of one visitor's (no CSRF token: the public forms are checked by
origin, publishing/crossorigin.py), so a page is the same bytes for everyone and is stored
once, with all its headers (security, CSP, Permissions-Policy) and its body gzipped. A hit is
one round trip to the cache and runs no other middleware, no view and no SQL: the stored
body goes out as it is to browsers that accept gzip (nearly all) and is unpacked for the rest.

Every anonymous page is also sent `public` with a lifetime, so a shared cache in front of the
site (nginx, a CDN) may keep it: `Cache-Control: public, max-age=N, stale-while-revalidate=M,
stale-if-error=K` (PAGE_CACHE_SECONDS, PAGE_STALE_WHILE_REVALIDATE_SECONDS,
PAGE_STALE_IF_ERROR_SECONDS). A hit's max-age is what is left of the stored page's lifetime, so
a page is never older than N in both caches together.

Pages are stamped with a content version that every editorial save bumps (see
`content_changed`), and a page with an older stamp is a miss, so an edit shows at once; the short
lifetime bounds how old a petition count or a newly due scheduled post can be. Stored pages are
kept K seconds past their lifetime: while the database is down (the view answers 5xx), the last
stored copy is served instead, marked stale (stale-if-error in the page cache itself).

Visitors with a session or another cookie of the site's (editors, supporters who have just
acted) always get a fresh page, sent `private`, so they see their own effect at once and no
shared cache keeps it; a shared cache must not answer them either (deploy/: bypass on those
cookies, the names are `visitor_cookie_names()`).
"""

import gzip
import hashlib
import math
import re
import time
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.db.models import Min
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import parse_http_date_safe

from publishing.fragments import FRESH_REQUEST_ATTRIBUTE, VERSION_KEY
from publishing.models import Publishable

from . import site
from .middleware import path_without_language

# Headers not stored with a page: made afresh for each answer (or never on a shared page).
_UNSTORED_HEADERS = frozenset(
    {"set-cookie", "content-length", "content-encoding", "etag", "x-page-cache", "date"}
)
# As Django's GZipMiddleware reads Accept-Encoding.
_ACCEPTS_GZIP = re.compile(r"\bgzip\b")

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
def visitor_cookie_names():
    """A browser sending one of these sees its own state on the page (its session, a message,
    what it told us it did): it always gets a fresh page, and that page is never stored (by
    us or, told so by deploy/, by a shared cache in front)."""
    # Not the CSRF cookie: anonymous pages carry no token, and a browser that once opened the
    # admin login would otherwise miss every cache for a year.
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


def public_cache_control(max_age=None):
    """The Cache-Control of an anonymous page: any cache may keep it for `max_age` seconds,
    serve it stale for a while as it fetches a fresh one, and serve it stale while the site
    answers errors (the database is down)."""
    max_age = settings.PAGE_CACHE_SECONDS if max_age is None else max_age
    return (
        f"public, max-age={max_age}, stale-while-revalidate={settings.PAGE_STALE_WHILE_REVALIDATE_SECONDS}, "
        f"stale-if-error={settings.PAGE_STALE_IF_ERROR_SECONDS}"
    )


class AnonymousPageCacheMiddleware:
    """First in MIDDLEWARE: a hit returns before any other middleware runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.request_is_cacheable(request):
            has_visitor_cookie = self.has_visitor_cookie(request)
            setattr(request, FRESH_REQUEST_ATTRIBUTE, has_visitor_cookie)
            response = self.get_response(request)
            if has_visitor_cookie and not response.has_header("Cache-Control"):
                # Their own page: no shared cache may keep it, and their browser asks again.
                patch_cache_control(response, private=True, no_cache=True)
            return response
        key = self.key_for(request)
        # One round trip: the page and the current content version together.
        values = cache.get_many([key, VERSION_KEY, NEXT_DUE_KEY])
        try:
            version = content_version(values)
        except DatabaseError:  # the next scheduled time could not be read: store nothing now
            version = None
        stored = values.get(key)
        now = time.time()
        if stored is not None and stored["version"] == version and now < stored["fresh_until"]:
            return self.serve(stored, request, "hit", now)
        response = self.get_response(request)
        if stored is not None and response.status_code >= 500:
            # The site cannot make the page now (the database is down): the last copy will do.
            return self.serve(stored, request, "stale", now)
        if version is not None and self.response_is_cacheable(request, response):
            stored = self.freeze(response, version, now)
            cache.set(key, stored, settings.PAGE_CACHE_SECONDS + settings.PAGE_STALE_IF_ERROR_SECONDS)
            response["Cache-Control"] = public_cache_control()
            response["ETag"] = stored["etag"]
            response.headers.pop("Vary", None)
            patch_vary_headers(response, stored["vary"])
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def has_visitor_cookie(request):
        return any(name in request.COOKIES for name in visitor_cookie_names())

    @classmethod
    def request_is_cacheable(cls, request):
        if settings.PAGE_CACHE_SECONDS <= 0 or request.method not in ("GET", "HEAD"):
            return False
        if settings.SECURE_SSL_REDIRECT and not request.is_secure():
            return False  # SecurityMiddleware, behind us, redirects it to HTTPS
        if cls.has_visitor_cookie(request):
            return False
        return not path_without_language(request.path).startswith(settings.PAGE_CACHE_EXCLUDED_PATHS)

    @staticmethod
    def key_for(request):
        # The language is in the address (/ru/..., /kk/..., English without a prefix), as
        # LanguageFromAddressMiddleware (behind us) will read it: keyed by both, a page stored
        # in one language can never be served in another.
        language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        # Hashed: addresses can be long, and cache backends limit key length. get_host()
        # refuses hosts outside ALLOWED_HOSTS (a 400), as the rest of the stack would.
        address = hashlib.sha256(f"{request.scheme}://{request.get_host()}{request.get_full_path()}".encode())
        # "v3": whole headers and a gzipped body (older releases stored neither).
        return f"page-cache:page:v3:{language}:{address.hexdigest()}"

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
    def freeze(response, version, now):
        """What is stored of a page: its body gzipped (as the gzip middleware behind us may
        already have made it), its headers whole, and what a hit needs to answer at once."""
        if response.get("Content-Encoding") == "gzip":
            body = response.content
            content = gzip.decompress(body)
        else:
            content = response.content
            body = gzip.compress(content, compresslevel=6, mtime=0)
        vary = [
            field
            for field in (part.strip() for part in response.get("Vary", "").split(","))
            # Visitors whose cookies change the page never get (or give) a stored page.
            if field and field.lower() != "cookie"
        ]
        if "accept-encoding" not in {field.lower() for field in vary}:
            vary.append("Accept-Encoding")
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in _UNSTORED_HEADERS and name.lower() not in ("vary", "cache-control")
        ]
        return {
            "version": version,
            "fresh_until": now + settings.PAGE_CACHE_SECONDS,
            "body": body,
            "headers": headers,
            "vary": vary,
            # Weak: the same page whether sent gzipped or not.
            "etag": f'W/"{hashlib.sha256(content).hexdigest()[:32]}"',
        }

    @staticmethod
    def serve(stored, request, outcome, now):
        if _ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
            response = HttpResponse(stored["body"])
            response["Content-Encoding"] = "gzip"
        else:
            response = HttpResponse(gzip.decompress(stored["body"]))
        for name, value in stored["headers"]:
            response[name] = value
        response["Content-Length"] = str(len(response.content))
        patch_vary_headers(response, stored["vary"])
        response["ETag"] = stored["etag"]
        # No older than the lifetime in both caches together; a stale copy is not kept again.
        response["Cache-Control"] = public_cache_control(max(0, math.ceil(stored["fresh_until"] - now)))
        response["X-Page-Cache"] = outcome
        last_modified = parse_http_date_safe(response.get("Last-Modified"))
        return get_conditional_response(
            request, etag=stored["etag"], last_modified=last_modified, response=response
        )
