"""Old addresses answered with a permanent redirect, from the table editors keep (publishing.Redirect).

Ordinary pages never pay for it: the table is read (one indexed query) only for an address
nothing else answered (a 404), or for the shapes only the old WordPress site used, which are
looked up before anything else so that an imported item's own redirect wins:

- `/index.php/...`, `/wp-content/...`, `/YYYY/MM/...`, `/archives/...`;
- WordPress's numbered addresses on the front page: `/?p=123`, `/?page_id=7`, `/?attachment_id=9`,
  `/?cat=3`, `/?tag=slug`, `/?author=2` (an unknown number is a 404, not the home page);
- WordPress's search and feeds on the front page: `/?s=words` and `/?feed=rss2`.
"""

import re
from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils import translation

from publishing.models import Redirect
from publishing.redirects import query_keys, redirect_key

from .middleware import path_without_language

WORDPRESS_SHAPES = re.compile(r"^/(index\.php|wp-content/|wp-includes/|[0-9]{4}/[0-9]{2}/|archives/)")
FRONT_PAGE = ("/", "/index.php", "/index.php/")


class OldAddressMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        if request.path in FRONT_PAGE and request.GET:
            answered = self.front_page_query(request)
            if answered is not None:
                return answered
        if WORDPRESS_SHAPES.match(request.path):
            target = Redirect.objects.target_for([redirect_key(request.path)])
            if target:
                return HttpResponsePermanentRedirect(target)
        response = self.get_response(request)
        if response.status_code == 404 and not WORDPRESS_SHAPES.match(request.path):
            target = self.target_in_any_language(request.path)
            if target:
                return HttpResponsePermanentRedirect(target)
        return response

    @staticmethod
    def target_in_any_language(path):
        """Where a missing address leads: its own redirect, or, for /ru/... and /kk/..., the
        redirect of the same address in English (the one an editor's change of slug added),
        under the same language prefix. One indexed query."""
        key = redirect_key(path)
        language = translation.get_language_from_path(path)
        if not language or language == settings.LANGUAGE_CODE:
            return Redirect.objects.target_for([key])
        english_key = redirect_key(path_without_language(path))
        redirects = Redirect.objects.filter(old_path__in=[key, english_key])
        found = dict(redirects.values_list("old_path", "new_path"))
        if key in found:
            return found[key]
        target = found.get(english_key)
        if target and target.startswith("/") and not target.startswith("//"):
            return f"/{language}{target}"
        return target

    @staticmethod
    def front_page_query(request):
        """WordPress's front-page queries: a redirect, a 404 for an unknown number, or None."""
        query = request.GET
        if query.get("s") is not None:
            return HttpResponsePermanentRedirect(f"{reverse('search')}?{urlencode({'q': query['s']})}")
        if query.get("feed"):
            return HttpResponsePermanentRedirect(reverse("feed_atom" if query["feed"] == "atom" else "feed"))
        keys = query_keys(query)
        if keys:
            target = Redirect.objects.target_for(keys)
            if target:
                return HttpResponsePermanentRedirect(target)
            raise Http404("No imported item has this number.")
        if query.get("paged", "").isdigit():
            return HttpResponsePermanentRedirect(f"{reverse('publishing:post_list')}?page={query['paged']}")
        return None
