"""Cross-site form posts refused by where the browser says the post comes from, not by a token.

Why: a per-visitor CSRF token on a page makes that page one visitor's (`private`), so no shared
cache (nginx, a CDN) may keep the petition page that goes viral. The anonymous public forms
(signing, "I sent it", the links in signers' e-mails, the partner widget) are therefore marked
with `@public_form`, and for them the CSRF middleware (campaign/csrf.py) checks the request's
origin instead, as Go's net/http CrossOriginProtection does:

1. `Sec-Fetch-Site` (sent by every browser since 2023, and never settable by a page): `same-origin`
   or `none` (typed by the user, a bookmark) passes; `same-site` and `cross-site` are refused,
   unless the `Origin` is one the site trusts (CSRF_TRUSTED_ORIGINS).
2. Older browsers send no `Sec-Fetch-Site` but send `Origin` on every POST: it must be the site's
   own (the scheme and a host of ALLOWED_HOSTS the request came to) or a trusted origin.
3. Older still (Firefox before 70, 2019) send neither on a form post: the `Referer` must then be a
   page of the site, as Django itself requires over HTTPS.
4. A POST with none of the three is refused. Unlike Go (which lets it through, as no browser
   would send it), we fail closed: such a browser can be made to post cross-site with its
   Referer suppressed, and every maintained browser sends at least `Origin`. Scripts that post
   (the benchmarks, monitoring) add `Origin` or `Sec-Fetch-Site: same-origin`.

Every other form (the admin, anything a logged-in editor posts) keeps Django's token: those
views are not marked, and Django's CsrfViewMiddleware checks them as ever.
"""

import logging
from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.urls import get_callable
from django.utils.log import log_response
from django.views.decorators.csrf import csrf_exempt

logger = logging.getLogger("django.security.csrf")
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})

# Fetch Metadata values that mean "the site's own page, or the user typed it".
ALLOWED_FETCH_SITES = frozenset({"same-origin", "none"})


def public_form(view):
    """For a view whose form anonymous visitors post from a public, shared-cacheable page: its
    unsafe requests are checked by origin (see the module's docstring) instead of by Django's
    token, so its pages need none. A refusal is Django's CSRF failure page (403_csrf.html)."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        # As Django's CSRF check, off in tests that ask for it (the test client's default).
        if request.method not in SAFE_METHODS and not getattr(request, "_dont_enforce_csrf_checks", False):
            reason = cross_origin_refusal(request)
            if reason is not None:
                response = get_callable(settings.CSRF_FAILURE_VIEW)(request, reason=reason)
                log_response(
                    "Forbidden (%s): %s",
                    reason,
                    request.path,
                    response=response,
                    request=request,
                    logger=logger,
                )
                return response
        return view(request, *args, **kwargs)

    return csrf_exempt(checked)


def _own_origin(request):
    try:
        return f"{request.scheme}://{request.get_host()}"
    except DisallowedHost:
        return None


def is_trusted_origin(request, origin):
    """Whether `origin` ("https://example.org") is this site's own or one it trusts."""
    if not origin or origin == "null":
        return False
    return origin == _own_origin(request) or origin in settings.CSRF_TRUSTED_ORIGINS


def _origin_of(url):
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}"


def cross_origin_refusal(request):
    """Why this unsafe request must be refused as coming from another site, or None if it
    comes from one of the site's own pages (or the user's own hand)."""
    fetch_site = request.META.get("HTTP_SEC_FETCH_SITE")
    origin = request.META.get("HTTP_ORIGIN")
    if fetch_site is not None:
        if fetch_site in ALLOWED_FETCH_SITES or is_trusted_origin(request, origin):
            return None
        return f"Sec-Fetch-Site is {fetch_site!r}: the form was sent from another site."
    if origin is not None:
        if is_trusted_origin(request, origin):
            return None
        return f"Origin {origin!r} is not this site."
    referer = request.META.get("HTTP_REFERER")
    if referer:
        if is_trusted_origin(request, _origin_of(referer)):
            return None
        return "Referer is not a page of this site."
    return "No Sec-Fetch-Site, Origin or Referer: the browser did not say where the form was sent from."
