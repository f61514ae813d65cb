"""Measurements taken inside Django rather than over HTTP: SQL queries per page, and the export.

Run by bench/run.py as `python -m bench.probes queries|export SEEDED_JSON` with the bench
settings (never while the load generator runs); prints one line of JSON.
"""

import json
import os
import resource
import sys
import time
import wsgiref.util
from datetime import timedelta

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campaign.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench import seed  # noqa: E402
from petitions import services  # noqa: E402
from publishing.models import Article, Category, Post  # noqa: E402


def pages(seeded, deep_page):
    category = f"/category/{seeded['category']}/"
    return {
        "home": "/",
        "category p1": category,
        f"category p{deep_page}": f"{category}?page={deep_page}",
        "post": f"/posts/{seeded['posts'][0]}/",
        "appeal": f"/appeals/{seeded['appeal']}/",
        "video": f"/videos/{seeded['video']}/",
        "prisoner": f"/prisoners/{seeded['prisoners'][0]}/",
        "petition": f"/petitions/{seeded['petition']}/",
    }


def count_queries(path):
    """SQL queries one anonymous visitor's request for `path` runs."""
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(path)
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}")
    return len(queries)


def uncached_counts(paths):
    with override_settings(PAGE_CACHE_SECONDS=0):
        return {name: count_queries(path) for name, path in paths.items()}


def add_more_of_everything(seeded, posts=100, signatures=10_000):
    """More posts in the measured category, one more category, more signatures on the petition."""
    news = Category.objects.get(slug=seeded["category"])
    extra = Category.objects.create(name="Bench extra", slug="bench-extra")
    now = timezone.now()
    for number in range(posts):
        post = Article.objects.create(
            title=f"Extra post {number}",
            slug=f"bench-extra-{number}",
            status=Post.Status.PUBLISHED,
            published_at=now - timedelta(minutes=number + 1),
            body="<p>More news.</p>",
        )
        post.categories.set([news, extra])
    seed.insert_signatures(seeded["petition_id"], signatures, first=10_000_000)
    services.reconcile_counts(seeded["petition_id"])


def queries(seeded, deep_page):
    """Queries per page uncached (in English, Russian and Kazakh); on a cache miss and a cache
    hit; and after the site grows.

    The growth is made inside a transaction that is rolled back, so it leaves nothing behind.
    """
    paths = pages(seeded, deep_page)
    result = {"uncached": uncached_counts(paths), "miss": {}, "hit": {}}
    # The same pages in Russian and Kazakh (/ru/..., /kk/...): translations are columns of the
    # same rows, so each language must cost what English does.
    result["languages"] = {
        language: uncached_counts({name: f"/{language}{path}" for name, path in paths.items()})
        for language in ("ru", "kk")
    }
    cache.clear()
    with override_settings(PAGE_CACHE_SECONDS=60):
        for name, path in paths.items():
            result["miss"][name] = count_queries(path)
            result["hit"][name] = count_queries(path)
    with transaction.atomic():
        add_more_of_everything(seeded)
        result["grown"] = uncached_counts(paths)
        transaction.set_rollback(True)
    cache.clear()
    return result


def current_rss_bytes():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def export(seeded):
    """Stream the big petition's CSV from the admin's export view, as gunicorn would serve it.

    The request goes through Django's WSGI application (every middleware included) with a
    logged-in campaign manager's session, and the response is iterated as a WSGI server
    does. (Not through the test client: it wraps streaming content a second time.)
    Reports rows per second and the process's peak memory (resident set size), which
    includes Django itself.
    """
    user, _ = get_user_model().objects.get_or_create(
        username="bench-export", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client()
    client.force_login(user)
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": f"/admin/petitions/petition/{seeded['petition_id']}/export/",
        "HTTP_COOKIE": f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}",
    }
    wsgiref.util.setup_testing_defaults(environ)
    environ["HTTP_HOST"] = "testserver"
    statuses = []
    rss_before = current_rss_bytes()
    started = time.perf_counter()
    body = get_wsgi_application()(environ, lambda status, headers: statuses.append(status))
    lines = size = 0
    try:
        for chunk in body:
            lines += chunk.count(b"\n")
            size += len(chunk)
    finally:
        body.close()
    seconds = time.perf_counter() - started
    if not statuses[0].startswith("200"):
        raise RuntimeError(f"export answered {statuses[0]}")
    rows = lines - 1  # the header line (no comment in the seeded signatures has a line break)
    return {
        "rows": rows,
        "seconds": seconds,
        "rows_per_second": rows / seconds,
        "bytes": size,
        "rss_before": rss_before,
        "peak_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    }


def main():
    command, seeded = sys.argv[1], json.loads(sys.argv[2])
    if command == "queries":
        print(json.dumps(queries(seeded, int(sys.argv[3]))))
    elif command == "export":
        print(json.dumps(export(seeded)))
    else:
        raise SystemExit(f"unknown probe {command!r}")


if __name__ == "__main__":
    main()
