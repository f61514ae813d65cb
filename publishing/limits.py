"""Hourly counters against floods, shared by every worker process and every app server.

A counter is named by a scope ("petitions.signing") and what it counts in that scope (a
client's address, a signature). Only a keyed hash of the two and the hour is kept
(HMAC-SHA256 under a key derived from SECRET_KEY): what was counted cannot be read back, and
one hour's counters cannot be linked to another's. They are deleted within the next hour.

Where they live: in Redis when there is one (REDIS_URL), otherwise in the database. Never in
a process's own memory: gunicorn's workers would each count apart, and a limit of 10 would
let 10 through per worker.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.db import connections, router
from django.utils.crypto import salted_hmac

from .models import HourlyCounter

HOUR_SECONDS = 3600


def current_hour():
    return int(time.time() // HOUR_SECONDS)


def _key(scope, subject, hour):
    return salted_hmac("limits.counter", f"{scope}|{subject}|{hour}", algorithm="sha256").hexdigest()


def count(scope, subject):
    """Add one to this hour's counter of `subject` in `scope`, and return it (1 the first time).

    Atomic: of simultaneous calls, in any worker or server, each gets a number of its own.
    Inside a transaction the count is part of it (kept or rolled back with it); outside one it
    is kept at once.
    """
    return count_many([(scope, subject)])[0]


def count_many(counters):
    """`count` for several (scope, subject) pairs in one round trip; their counts, in order.

    One statement in the database, one pipeline in Redis: a signing counts its address and its
    mailbox together, and a round trip is most of what a counter costs.
    """
    hour = current_hour()
    keys = [_key(scope, subject, hour) for scope, subject in counters]
    if settings.ABUSE_LIMITS_STORE == "cache":
        return _count_in_cache([f"limits:{key}" for key in keys])
    return _count_in_database(keys, hour)


def _count_in_cache(keys):
    client = _redis_client(keys[0])
    if client is None:  # another cache backend: one at a time, as Django's cache API allows
        return [_count_one_in_cache(key) for key in keys]
    names = [cache.make_and_validate_key(key) for key in keys]
    # MULTI/EXEC: INCR creates a counter at 1, and EXPIRE NX (Redis 7) gives a new one its
    # lifetime without ever extending an old one's; applied together, so that no counter is
    # left without an expiry. The counter outlives its hour, whenever it started.
    pipeline = client.pipeline(transaction=True)
    for name in names:
        pipeline.incr(name)
        pipeline.expire(name, HOUR_SECONDS + 60, nx=True)
    return [int(value) for value in pipeline.execute()[0::2]]


_clients = {}


def _redis_client(key):
    """The redis-py client behind Django's Redis cache (None for any other backend), one per
    connection pool: Django builds a new client object for every call (about 1 ms of Python,
    mostly its table of reply parsers), and it holds nothing but the pool.

    Django's RedisCache stores integers as plain Redis integers, so INCR works on them."""
    backend = getattr(cache, "_cache", None)
    if backend is None or not hasattr(backend, "_get_connection_pool"):
        return None
    pool = backend._get_connection_pool(write=True)
    client = _clients.get(id(pool))
    if client is None or client.connection_pool is not pool:
        client = _clients[id(pool)] = backend.get_client(cache.make_and_validate_key(key), write=True)
    return client


def _count_one_in_cache(key):
    # ADD (SET NX) then INCR, each atomic. The counter outlives its hour, whenever it started.
    cache.add(key, 0, timeout=HOUR_SECONDS + 60)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=HOUR_SECONDS + 60)
        return 1


# One statement, atomic in PostgreSQL and SQLite alike: a new row for each key, or one more on
# its row (concurrent callers wait for it, then add to it). Identifiers quoted as both
# databases read them. RETURNING gives the rows in no promised order: they are matched by key.
_ADD_ONE = (
    'INSERT INTO "publishing_hourlycounter" ("key", "hour", "hits") VALUES {rows} '
    'ON CONFLICT ("key") DO UPDATE SET "hits" = "publishing_hourlycounter"."hits" + 1 '
    'RETURNING "key", "hits"'
)


def _count_in_database(keys, hour):
    # Rows locked in one order by every caller, so two signings never wait on each other in a circle.
    distinct = sorted(set(keys))
    statement = _ADD_ONE.format(rows=", ".join(["(%s, %s, 1)"] * len(distinct)))
    with connections[router.db_for_write(HourlyCounter)].cursor() as cursor:
        cursor.execute(statement, [value for key in distinct for value in (key, hour)])
        hits = dict(cursor.fetchall())
    return [hits[key] for key in keys]


def purge_expired():
    """Delete the counters of hours that are over (in the database; Redis expires its own).
    Returns how many were deleted."""
    deleted, _ = HourlyCounter.objects.filter(hour__lt=current_hour()).delete()
    return deleted
