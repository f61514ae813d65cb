"""Time pages through the whole middleware stack in one process, beside a bare view: a quick
local probe of what a page-cache hit, an uncached page and the stack cost (not the official
figures: `make bench` runs gunicorn and wrk for those).

    DEBUG=true DATABASE_URL=sqlite:////tmp/campaign-probe.sqlite3 .venv/bin/python manage.py migrate
    DEBUG=true DATABASE_URL=sqlite:////tmp/campaign-probe.sqlite3 .venv/bin/python manage.py load_demo_content
    DEBUG=true DATABASE_URL=sqlite:////tmp/campaign-probe.sqlite3 .venv/bin/python bench/page_costs.py [N]
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campaign.settings")

import django

django.setup()

from django.core.handlers.wsgi import WSGIHandler  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.urls import include, path  # noqa: E402

from petitions.models import Petition  # noqa: E402


def bare(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bench/bare", bare), path("", include("campaign.urls"))]
handler500 = "campaign.views.server_error"


def per_second(client, url, count, **headers):
    client.get(url, headers=headers)  # warm: stored in the page cache, templates compiled
    started = time.perf_counter()
    for _ in range(count):
        response = client.get(url, headers=headers)
    elapsed = time.perf_counter() - started
    assert response.status_code == 200, (url, response.status_code)
    return count / elapsed, response


def main(count):
    petition = Petition.objects.published().first().get_absolute_url()
    rows = []
    with override_settings(ROOT_URLCONF=__name__, MIDDLEWARE=[]):
        # A client loads the middleware on its first request: one client per stack.
        bare_client = Client(HTTP_HOST="127.0.0.1")
        rows.append(("bare view, no middleware", *per_second(bare_client, "/bench/bare", count)))
    with override_settings(ROOT_URLCONF=__name__):
        client = Client(HTTP_HOST="127.0.0.1")
        rows.append(("bare view, whole stack", *per_second(client, "/bench/bare", count)))
        for url in ("/", petition):
            hit = per_second(client, url, count, accept_encoding="gzip")
            rows.append((f"{url} page-cache hit, gzip", *hit))
        with override_settings(PAGE_CACHE_SECONDS=0):
            for url in ("/", petition):
                rows.append((f"{url} uncached", *per_second(client, url, max(count // 10, 20))))
    reference = rows[0][1]
    for name, rate, response in rows:
        print(f"{name:60} {rate:9.0f}/s  {rate / reference:5.3f}x  {len(response.content):7} bytes")


if __name__ == "__main__":
    assert WSGIHandler  # the same handler gunicorn runs
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
