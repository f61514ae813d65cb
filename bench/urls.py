"""The site's URLs plus the baseline view every figure is compared with.

Gunicorn runs with ROOT_URLCONF=bench.urls during benchmarks, so the baseline goes
through the same server, settings and middleware as the real pages.
"""

from django.http import HttpResponse
from django.urls import path

from campaign.urls import urlpatterns as site_urlpatterns


def baseline_view(request):
    """The least a Django view can do: no database, no template."""
    return HttpResponse(b"ok", content_type="text/plain")


# The site's patterns themselves, not include()d: Django allows its language-prefixed
# patterns (i18n_patterns) only in the root URLconf.
urlpatterns = [path("bench/baseline", baseline_view), *site_urlpatterns]

# The 500 page, or the 503 page while the database is away (campaign/views.py).
handler500 = "campaign.views.server_error"
