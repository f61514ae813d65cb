"""When PostgreSQL goes away, readers keep getting the pages the page cache holds (stale if
need be), what cannot be served is a 503 page with Retry-After that tells a signer plainly
that the signature was not recorded, /healthz says 503; when the database comes back, the
same gunicorn processes serve again without a restart."""

import time

import pytest
from django.db import connection

from petitions.models import Signature
from tests import factories
from tests.servers import TcpProxy, Visitor, collected_static, gunicorn, production_env

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

PAGE_LIFETIME = 1


def test_the_site_survives_a_database_outage_and_recovers_by_itself(tmp_path_factory):
    factories.article("Still here after the outage", categories=[factories.category("Video")])
    petition = factories.petition(title="Free the Zhanaozen oil workers")
    settings_dict = connection.settings_dict
    # The site reaches PostgreSQL through a proxy; cutting it closes every connection and the
    # port, as a stopped server does, without touching the shared server.
    proxy = TcpProxy(target_port=int(settings_dict["PORT"] or 5432))
    proxy.restore()
    database_url = f"postgres://{settings_dict['USER']}@127.0.0.1:{proxy.port}/{settings_dict['NAME']}"
    env = production_env(database_url, collected_static(tmp_path_factory), PAGE_CACHE_SECONDS=PAGE_LIFETIME)
    sign_path = f"/petitions/{petition.slug}/sign/"
    form = factories.signing_form_data(email="during@example.org")
    try:
        with gunicorn(env, workers=1) as (url, _process):
            reader = Visitor(url)
            assert reader.get("/healthz")[0] == 200
            assert "Still here after the outage" in reader.get("/category/video/")[2]

            proxy.cut()
            time.sleep(PAGE_LIFETIME + 0.5)  # the stored page is past its lifetime: stale
            assert reader.get("/healthz")[0] == 503

            status, headers, body = reader.get("/category/video/")
            assert status == 200, "a page the cache holds is still served"
            assert "Still here after the outage" in body
            assert headers["X-Page-Cache"] == "stale"
            assert "stale-if-error=" in headers["Cache-Control"]

            status, headers, body = reader.get(petition.get_absolute_url())
            assert status == 503, "a page never stored cannot be served"
            assert int(headers["Retry-After"]) > 0
            assert headers["Cache-Control"] == "no-store"
            assert "The site is busy for a moment" in body
            assert "Traceback" not in body and "OperationalError" not in body

            status, headers, body = Visitor(url).post(sign_path, form)
            assert status == 503
            assert "Your signature was NOT recorded" in body
            assert int(headers["Retry-After"]) > 0

            proxy.restore()
            assert reader.get("/healthz")[0] == 200
            status, headers, body = reader.get("/category/video/")
            assert status == 200 and headers["X-Page-Cache"] != "stale"
            assert Visitor(url).post(sign_path, form)[0] == 302, "signing works again"
    finally:
        proxy.cut()
    assert Signature.objects.filter(email="during@example.org").count() == 1
