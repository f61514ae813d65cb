import re

from django.conf import settings
from django.http import Http404

# C0 and C1 control characters, NUL and DEL among them. No address, search or slug of the
# site contains one, and PostgreSQL refuses NUL in any text it is asked to compare.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


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
