"""The counters behind the limits against floods: exact under concurrency, shared by every
process, unreadable, and gone within two hours."""

import threading
from unittest import mock

import pytest
from django.db import connection

from publishing import limits, tasks
from publishing.models import HourlyCounter
from tests.outbox.delivery import queued
from tests.requirements import skip_or_fail
from tests.servers import REDIS_TEST_URL, fresh_redis

pytestmark = pytest.mark.django_db(transaction=True)

ADDRESS = "203.0.113.7"


def at_hour(hour):
    return mock.patch("publishing.limits.time.time", return_value=hour * limits.HOUR_SECONDS + 1800)


def test_without_redis_the_counters_are_kept_in_the_database_every_worker_shares(settings):
    assert not settings.REDIS_URL
    assert settings.ABUSE_LIMITS_STORE == "database"
    assert [limits.count("petitions.signing", ADDRESS) for _ in range(3)] == [1, 2, 3]
    assert HourlyCounter.objects.get().hits == 3


def test_each_scope_and_each_subject_counts_apart():
    limits.count("petitions.signing", ADDRESS)
    limits.count("petitions.signing", ADDRESS)
    assert limits.count("petitions.signing", "198.51.100.1") == 1
    assert limits.count("appeals.letter", ADDRESS) == 1
    assert limits.count("petitions.signing", ADDRESS) == 3


def test_a_new_hour_starts_from_one_under_a_key_that_cannot_be_linked_to_the_last():
    with at_hour(500_000):
        limits.count("petitions.signing", ADDRESS)
        limits.count("petitions.signing", ADDRESS)
    with at_hour(500_001):
        assert limits.count("petitions.signing", ADDRESS) == 1
    keys = list(HourlyCounter.objects.order_by("hour").values_list("key", flat=True))
    assert len(keys) == 2 and keys[0] != keys[1]


def test_nothing_stored_names_what_was_counted():
    limits.count("petitions.signing", ADDRESS)
    limits.count("petitions.email", 12345)
    for row in HourlyCounter.objects.values():
        stored = " ".join(str(value) for value in row.values())
        assert ADDRESS not in stored and "203.0.113" not in stored and "12345" not in stored
        assert len(row["key"]) == 64  # a SHA-256 HMAC, nothing else


def test_simultaneous_counts_in_many_connections_each_get_their_own_number():
    numbers, start = [], threading.Barrier(16)

    def count():
        try:
            start.wait(timeout=10)
            numbers.append(limits.count("petitions.signing", ADDRESS))
        finally:
            connection.close()

    threads = [threading.Thread(target=count) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(numbers) == list(range(1, 17))


def test_a_count_rolled_back_with_its_transaction_is_not_kept():
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        limits.count("petitions.email", 1)
        raise RuntimeError
    assert limits.count("petitions.email", 1) == 1


def test_counters_of_past_hours_are_purged_and_the_purge_runs_every_hour(settings):
    with at_hour(500_000):
        limits.count("petitions.signing", ADDRESS)
    with at_hour(500_001):
        limits.count("petitions.signing", ADDRESS)
        assert limits.purge_expired() == 1  # the hour that is over; this hour's counter stays
        assert list(HourlyCounter.objects.values_list("hour", flat=True)) == [500_001]
    with at_hour(500_002):
        limits.count("petitions.signing", ADDRESS)
        assert tasks.purge_expired_counters.call() == {"deleted": 1}
        assert list(HourlyCounter.objects.values_list("hour", flat=True)) == [500_002]


def test_the_purge_keeps_one_run_queued(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    tasks.purge_expired_counters.call()
    tasks.purge_expired_counters.call()
    assert queued(tasks.purge_expired_counters.module_path).count() == 1


def test_with_redis_the_counters_are_kept_in_the_cache_and_never_in_the_database(settings):
    settings.ABUSE_LIMITS_STORE = "cache"
    assert [limits.count("petitions.signing", ADDRESS) for _ in range(3)] == [1, 2, 3]
    assert limits.count("petitions.signing", "198.51.100.1") == 1
    assert not HourlyCounter.objects.exists()


def test_a_signings_two_counters_are_counted_in_one_statement(django_assert_num_queries):
    pairs = [("petitions.email", "7:aigerim@example.org"), ("petitions.signing", ADDRESS)]
    with django_assert_num_queries(1):
        assert limits.count_many(pairs) == [1, 1]
    limits.count("petitions.signing", ADDRESS)
    assert limits.count_many(pairs) == [2, 3]
    assert HourlyCounter.objects.count() == 2


def test_with_redis_two_counters_take_one_round_trip_and_both_expire(settings):
    reason = fresh_redis()
    if reason:
        skip_or_fail(reason, "REQUIRE_POSTGRES")
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_TEST_URL}
    }
    settings.ABUSE_LIMITS_STORE = "cache"
    from django.core.cache import cache

    pairs = [("petitions.email", "7:aigerim@example.org"), ("petitions.signing", ADDRESS)]
    client = limits._redis_client("limits:x")
    with mock.patch.object(type(client), "execute_command", wraps=client.execute_command) as single:
        assert limits.count_many(pairs) == [1, 1]
        assert limits.count_many(pairs) == [2, 2]
    assert single.call_count == 0  # pipelined: no command sent on its own
    assert limits.count("petitions.signing", ADDRESS) == 3
    keys = client.keys("*limits:*")
    assert len(keys) == 2
    assert all(0 < client.ttl(key) <= limits.HOUR_SECONDS + 60 for key in keys)
    assert cache.get(keys[0].decode().split(":", 2)[-1]) in {2, 3}  # Django reads them too
    fresh_redis()
