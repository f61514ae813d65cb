import codecs
import re

from django.conf import settings
from django.http import Http404, HttpResponseBadRequest
from django.middleware.gzip import GZipMiddleware
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.http import parse_header_parameters

# C0 and C1 control characters, NUL and DEL among them. No address, search or slug of the
# site contains one, and PostgreSQL refuses NUL in any text it is asked to compare.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Set in the WSGI environment by `readable_content_type` on a request whose Content-Type header
# could not be parsed.
UNREADABLE_CONTENT_TYPE = "campaign.unreadable_content_type"


class PermissionsPolicyMiddleware:
    """Turn off browser features the site never uses (camera, location, ...).

    Django has no setting for this header, so it is set here for every response.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class NoControlCharactersInAddressMiddleware:
    """An address with a control character in it (`/index.php/category/%00/`) is not found.

    It names no page of ours, and a value captured from it (a slug, a token) would reach a
    database lookup, where PostgreSQL answers a NUL with an error, i.e. a 500. Refusing it
    here, before any URL is resolved, covers every pattern, the ones added later too.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if CONTROL_CHARACTERS.search(request.path_info):
            raise Http404("control character in the address")
        return self.get_response(request)


def bad_request_page():
    """The site's 400 page ("We could not read what was sent"), made without the request."""
    return HttpResponseBadRequest(render_to_string("400.html"))


def _is_utf8(charset):
    try:
        return codecs.lookup(charset).name == "utf-8"
    except LookupError:  # a charset nobody knows
        return False


class ReadableRequestMiddleware:
    """Answer with the 400 page, before anything reads it, a form the site cannot read.

    Every form here is UTF-8. A POST that declares another charset, or one nobody knows, is
    refused at once: Django refuses it too, but only when the CSRF check or a view reads the
    form, and its own 400 page then reads the form again, which turned the refusal into a 500.
    UTF-8 under another name ("UTF8") is read as UTF-8. Any other request carries only its
    address, which browsers always encode in UTF-8: a charset it declares is ignored.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.META.get(UNREADABLE_CONTENT_TYPE):
            return bad_request_page()
        charset = request.content_params.get("charset")
        if charset is not None:
            if request.method == "POST" and not _is_utf8(charset):
                return bad_request_page()
            request.encoding = "utf-8"
        return self.get_response(request)


def readable_content_type(application):
    """Wrap the WSGI application so that a Content-Type header nobody can parse gets the 400 page.

    Django parses that header while it builds the request, before any middleware runs, and a
    header it cannot parse (a charset nobody knows in RFC 2231 form, over 10,000 characters)
    escaped as a 500. Such a header is dropped and the request marked, for
    ReadableRequestMiddleware to answer.
    """

    def guarded(environ, start_response):
        try:
            parse_header_parameters(environ.get("CONTENT_TYPE", ""))
        except ValueError:
            environ = {**environ, "CONTENT_TYPE": "", UNREADABLE_CONTENT_TYPE: "1"}
        return application(environ, start_response)

    return guarded


class PublicGZipMiddleware(GZipMiddleware):
    """Django's gzip, for pages that hold no secret.

    Compressing a page that reflects what the visitor sent next to a secret lets an attacker
    who sees the sizes guess the secret (BREACH). Anonymous pages carry no secret any more (no
    CSRF token, publishing/crossorigin.py), so they are compressed. A page that rendered a CSRF
    token (the admin, a logged-in form) is sent as it is: Django masks the token afresh on each
    page and pads gzip output, but leaving the little staff traffic uncompressed costs nothing
    and needs no argument. Streamed answers (static files, already compressed by whitenoise)
    are left alone too.
    """

    def process_response(self, request, response):
        # A page that rendered a token always sends the CSRF cookie with it (get_token).
        if response.streaming or settings.CSRF_COOKIE_NAME in response.cookies:
            return response
        return super().process_response(request, response)


class LanguageFromAddressMiddleware:
    """Activate the language the address names: /ru/... Russian, /kk/... Kazakh, anything else
    English (the default language, at the addresses the site always had).

    Why not Django's LocaleMiddleware: it also reads the language cookie and Accept-Language,
    and marks every page without a prefix `Vary: Accept-Language`. Here the address alone
    decides, so each language is its own page that any cache may store and share, and a
    first visit is never redirected by its browser's languages (README: "Languages").
    The switcher on every page links to the same content in each language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        try:
            response = self.get_response(request)
        finally:
            # The worker thread serves the next request with nothing left over from this one.
            translation.deactivate()
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response


def path_without_language(path):
    """`path` without its language prefix: "/ru/search/" is "/search/", "/search/" stays."""
    language = translation.get_language_from_path(path)
    if language and language != settings.LANGUAGE_CODE:
        return path[len(language) + 1 :] or "/"
    return path
