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
    hour = current_hour()
    key = _key(scope, subject, hour)
    if settings.ABUSE_LIMITS_STORE == "cache":
        return _count_in_cache(f"limits:{key}")
    return _count_in_database(key, hour)


def _count_in_cache(key):
    # Redis: ADD (SET NX) then INCR, each atomic. The counter outlives its hour, whenever it started.
    cache.add(key, 0, timeout=HOUR_SECONDS + 60)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=HOUR_SECONDS + 60)
        return 1


# One statement, atomic in PostgreSQL and SQLite alike: a new row, or one more on the row
# (concurrent callers wait for it, then add to it). Identifiers quoted as both databases read them.
_ADD_ONE = (
    'INSERT INTO "publishing_hourlycounter" ("key", "hour", "hits") VALUES (%s, %s, 1) '
    'ON CONFLICT ("key") DO UPDATE SET "hits" = "publishing_hourlycounter"."hits" + 1 '
    'RETURNING "hits"'
)


def _count_in_database(key, hour):
    with connections[router.db_for_write(HourlyCounter)].cursor() as cursor:
        cursor.execute(_ADD_ONE, [key, hour])
        return cursor.fetchone()[0]


def purge_expired():
    """Delete the counters of hours that are over (in the database; Redis expires its own).
    Returns how many were deleted."""
    deleted, _ = HourlyCounter.objects.filter(hour__lt=current_hour()).delete()
    return deleted
