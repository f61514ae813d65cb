"""Under a real spike on PostgreSQL: one signature per mailbox, a count that is exact, and one
featured petition however many editors feature one at once.

Each thread is one supporter's browser with its own database connection; a barrier
releases them all at once so that their requests really overlap.
"""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, transaction
from django.db.models import Count, Sum
from django.test import Client

from petitions import services, tokens
from petitions.addresses import normalise_email
from petitions.models import Petition, PetitionCounter, Signature, SignatureCountByCountry
from tests import factories
from tests.factories import signing_form_data

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

DUMMY_TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
COUNTRIES = ["KZ", "GB", "DE", "FR", "RU"]


def supporters_signing_at_once():
    """50 signings: 35 people once, and 3 people 5 times each, their address typed differently each time."""
    emails = [f"signer{number}@example.org" for number in range(35)]
    for person in ("jane.doe@gmail.com", "tom@example.org", "aigerim@mail.kz"):
        local, domain = person.split("@")
        emails += [
            person,
            person.upper(),
            f"  {local.title()}@{domain} ",
            f"{local}@{domain.upper()}",
            f"{local.swapcase()}@{domain}",
        ]
    assert len(emails) == 50
    return emails


def run_together(work, items):
    barrier = threading.Barrier(len(items))

    def in_own_thread(args):
        number, item = args
        try:
            barrier.wait(timeout=30)
            return work(number, item)
        finally:
            connection.close()  # each thread opened its own connection

    with ThreadPoolExecutor(max_workers=len(items)) as pool:
        return list(pool.map(in_own_thread, enumerate(items)))


def assert_counts_are_exact(petition):
    counted = Signature.objects.filter(petition=petition).counted().count()
    total = PetitionCounter.objects.filter(petition=petition).aggregate(total=Sum("confirmed_count"))["total"]
    by_country = SignatureCountByCountry.objects.filter(petition=petition).aggregate(
        total=Sum("confirmed_count")
    )
    assert total == counted
    assert by_country["total"] == counted
    assert Petition.objects.with_signature_count().get(pk=petition.pk).signature_count == counted
    return counted


def test_fifty_concurrent_signings_and_confirmations_count_each_mailbox_exactly_once(settings):
    settings.TASKS = DUMMY_TASKS
    settings.PETITIONS_SIGNATURES_PER_IP_PER_HOUR = 1000
    petition = factories.petition()
    emails = supporters_signing_at_once()

    def sign_through_the_site(number, email):
        response = Client().post(
            f"/petitions/{petition.slug}/sign/",
            signing_form_data(email=email, country=COUNTRIES[number % len(COUNTRIES)]),
            REMOTE_ADDR=f"10.0.{number // 250}.{number % 250}",
        )
        return response.status_code, response["Location"]

    answers = run_together(sign_through_the_site, emails)
    assert set(answers) == {(302, f"/petitions/{petition.slug}/check-your-email/")}

    per_mailbox = Signature.objects.values("email_normalised").annotate(rows=Count("pk"))
    assert {row["rows"] for row in per_mailbox} == {1}
    assert len(per_mailbox) == len({normalise_email(email) for email in emails}) == 38

    # Everyone presses "Confirm" at once; the three repeat signers press it five times each.
    signature_of = {row.email_normalised: row for row in Signature.objects.all()}

    def confirm(number, email):
        return services.confirm(tokens.confirmation_token(signature_of[normalise_email(email)])).outcome

    outcomes = run_together(confirm, emails)
    assert outcomes.count(services.ConfirmationOutcome.CONFIRMED) == 38
    assert outcomes.count(services.ConfirmationOutcome.ALREADY_CONFIRMED) == 12

    assert assert_counts_are_exact(petition) == 38
    assert services.reconcile_counts(petition) == 38
    assert assert_counts_are_exact(petition) == 38


def test_withdrawals_racing_confirmations_leave_the_count_exact(settings):
    settings.TASKS = DUMMY_TASKS
    petition = factories.petition()
    signatures = [
        services.sign(
            petition, first_name="A", last_name="B", email=f"racer{number}@example.org", country="GB"
        )
        for number in range(25)
    ]
    assert set(signatures) == {services.SigningOutcome.NEW}
    rows = list(Signature.objects.order_by("pk"))
    # Each signer both confirms and withdraws at the same moment (two tabs).
    work = [("confirm", row) for row in rows] + [("withdraw", row) for row in rows]

    def act(number, item):
        action, row = item
        if action == "confirm":
            try:
                return services.confirm(tokens.confirmation_token(row)).outcome
            except tokens.InvalidLink:
                return None
        return services.withdraw(tokens.withdrawal_token(row))

    run_together(act, work)

    assert not Signature.objects.filter(petition=petition).exists()
    assert assert_counts_are_exact(petition) == 0


def test_two_editors_featuring_different_petitions_at_once_leave_the_later_one_featured():
    before = factories.petition(title="Free the Zhanaozen oil workers", is_featured=True)
    first = factories.petition(title="Urgent action for Vadim Kuramshin")
    later = factories.petition(title="Free Roza Tuleteva")
    first_holds_its_lock = threading.Event()
    release_first = threading.Event()
    failures = []

    def feature_first():
        try:
            with transaction.atomic():  # as in the admin: the save and the featuring, one transaction
                services.feature(first)
                first_holds_its_lock.set()
                release_first.wait(timeout=30)
        except Exception as error:
            failures.append(error)
        finally:
            first_holds_its_lock.set()
            connection.close()

    def feature_later():
        try:
            first_holds_its_lock.wait(timeout=30)
            services.feature(later)  # waits for the first editor's transaction to end
        except Exception as error:
            failures.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=feature_first), threading.Thread(target=feature_later)]
    for thread in threads:
        thread.start()
    first_holds_its_lock.wait(timeout=30)
    time.sleep(0.5)  # the later call is now waiting for the first one's lock
    release_first.set()
    for thread in threads:
        thread.join(timeout=30)

    assert failures == []
    assert list(Petition.objects.featured().values_list("title", flat=True)) == ["Free Roza Tuleteva"]
    before.refresh_from_db()
    assert not before.is_featured
