"""When PostgreSQL goes away, visitors get a friendly page and /healthz says 503; when it
comes back, the same gunicorn processes serve again without a restart."""

import pytest
from django.db import connection

from tests import factories
from tests.servers import TcpProxy, collected_static, fetch, gunicorn, production_env

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_the_site_survives_a_database_outage_and_recovers_by_itself(tmp_path_factory):
    factories.article("Still here after the outage", categories=[factories.category("Video")])
    settings_dict = connection.settings_dict
    proxy = TcpProxy(target_port=int(settings_dict["PORT"] or 5432))
    proxy.restore()
    database_url = f"postgres://{settings_dict['USER']}@127.0.0.1:{proxy.port}/{settings_dict['NAME']}"
    env = production_env(database_url, collected_static(tmp_path_factory), PAGE_CACHE_SECONDS=0)
    try:
        with gunicorn(env, workers=1) as (url, _process):
            assert fetch(url + "/healthz")[0] == 200
            assert "Still here after the outage" in fetch(url + "/category/video/")[1]

            proxy.cut()
            status, body = fetch(url + "/healthz")
            assert status == 503
            status, body = fetch(url + "/category/video/")
            assert status == 500
            assert "Something went wrong on our side" in body
            assert "Traceback" not in body and "OperationalError" not in body

            proxy.restore()
            assert fetch(url + "/healthz")[0] == 200
            status, body = fetch(url + "/category/video/")
            assert status == 200
            assert "Still here after the outage" in body
    finally:
        proxy.cut()
