"""One server, gunicorn with several workers and no Redis (the README allows it): the limits
against floods hold for the server as a whole, not once per worker process."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from appeals.models import Appeal
from outbox.models import OutgoingEmail
from petitions.models import Signature
from tests import factories
from tests.servers import (
    Visitor,
    collected_static,
    database_url,
    gunicorn,
    production_env,
    wait_for_other_sessions_to_end,
)

pytestmark = pytest.mark.django_db(transaction=True)

WORKERS = 4
SIGNING_LIMIT = 10
HELD_EMAIL_LIMIT = 5  # confirmation e-mails for signings held back over SIGNING_LIMIT
EMAIL_LIMIT = 3
LETTER_LIMIT = 10


def shared_database_url():
    """The test database, for the servers to share (PostgreSQL, or SQLite's file)."""
    if connection.vendor == "sqlite":
        return f"sqlite:///{connection.settings_dict['NAME']}"
    return database_url(connection)


@pytest.fixture
def one_server(tmp_path_factory):
    """gunicorn with several workers, production settings, no Redis: counters live in no shared cache."""
    env = production_env(
        shared_database_url(),
        collected_static(tmp_path_factory),
        REDIS_URL="",
        PAGE_CACHE_SECONDS=0,
        TRUSTED_PROXY_COUNT=1,  # so that a test can play signers at many addresses
        PETITIONS_SIGNATURES_PER_IP_PER_HOUR=SIGNING_LIMIT,
        PETITIONS_FLAGGED_EMAILS_PER_IP_PER_HOUR=HELD_EMAIL_LIMIT,
        PETITIONS_EMAILS_PER_SIGNATURE_PER_HOUR=EMAIL_LIMIT,
        APPEALS_LETTERS_PER_IP_PER_HOUR=LETTER_LIMIT,
    )
    with gunicorn(env, workers=WORKERS) as (url, _process):
        yield url
    if connection.vendor == "postgresql":
        wait_for_other_sessions_to_end(connection)


def all_at_once(how_many, request):
    """`request(number)` for each number, eight at a time, so that every worker takes some."""
    with ThreadPoolExecutor(max_workers=2 * WORKERS) as pool:
        return list(pool.map(request, range(how_many)))


def signing(url, petition, address, email):
    visitor = Visitor(url, headers={"X-Forwarded-For": address})
    visitor.open_form(petition.get_absolute_url())
    form = {"first_name": "Aigerim", "last_name": "Bekova", "email": email, "country": "KZ", "website": ""}
    status, headers, _body = visitor.post(f"/petitions/{petition.slug}/sign/", form)
    return status, headers.get("Location")


def test_thirty_signings_from_one_address_are_limited_exactly_at_the_limit(one_server):
    petition = factories.petition()

    answers = all_at_once(30, lambda n: signing(one_server, petition, "203.0.113.7", f"s{n}@example.org"))

    assert set(answers) == {(302, f"/petitions/{petition.slug}/check-your-email/")}
    signatures = Signature.objects.filter(petition=petition)
    assert signatures.count() == 30
    assert signatures.exclude(flag_reason="").count() == 30 - SIGNING_LIMIT
    # Held signings get their confirmation within their own budget, and no more.
    assert OutgoingEmail.objects.count() == SIGNING_LIMIT + HELD_EMAIL_LIMIT


def test_twelve_signings_of_one_address_send_exactly_three_emails(one_server):
    petition = factories.petition()

    answers = all_at_once(
        12, lambda n: signing(one_server, petition, f"198.51.100.{n}", "victim@example.org")
    )

    assert set(answers) == {(302, f"/petitions/{petition.slug}/check-your-email/")}
    assert Signature.objects.filter(petition=petition).count() == 1
    assert OutgoingEmail.objects.filter(to="victim@example.org").count() == EMAIL_LIMIT


def test_thirty_scripted_i_sent_it_from_one_address_count_exactly_the_limit(one_server):
    appeal = factories.appeal("No closure in Zhezkazgan", addressees=[factories.central_addressee()])

    def report(number):
        visitor = Visitor(one_server, headers={"X-Forwarded-For": "203.0.113.7"})  # a fresh session each time
        visitor.open_form(appeal.get_absolute_url())
        status, headers, _body = visitor.post(f"{appeal.get_absolute_url()}sent/", {})
        return status, headers.get("Location")

    answers = all_at_once(30, report)

    assert set(answers) == {(302, f"{appeal.get_absolute_url()}#send-letter")}
    assert Appeal.objects.get(pk=appeal.pk).letters_sent == LETTER_LIMIT
