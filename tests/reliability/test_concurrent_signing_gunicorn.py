"""A spike of supporters signing at once through real gunicorn workers on PostgreSQL:
everyone gets the same "check your e-mail" answer, each mailbox is one signature, and the
public count is exact once they have all confirmed."""

import random
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from petitions import services, tokens
from petitions.addresses import normalise_email
from petitions.models import Petition, PetitionCounter, Signature
from tests import factories
from tests.servers import (
    Visitor,
    collected_static,
    database_url,
    gunicorn,
    production_env,
    wait_for_other_sessions_to_end,
)

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

SIGNINGS = 200


def addresses_as_typed(rng):
    """200 signings: 140 people once each, and 12 people 5 times each, typed differently each time."""
    emails = [f"signer{number}@example.org" for number in range(140)]
    for number in range(12):
        local, domain = f"Repeat.Signer{number}", "Example.ORG"
        emails += [
            f"{local}@{domain}",
            f"{local.lower()}@{domain.lower()}",
            f"  {local.upper()}@{domain} ",
            f"{local.swapcase()}@{domain}\t",
            f" {local}@{domain.lower()}",
        ]
    assert len(emails) == SIGNINGS
    rng.shuffle(emails)
    return emails


def test_two_hundred_supporters_signing_at_once_are_each_recorded_and_counted_once(tmp_path_factory):
    rng = random.Random(20111216)
    petition = factories.petition(title="Free the Zhanaozen oil workers")
    env = production_env(database_url(connection), collected_static(tmp_path_factory), TRUSTED_PROXY_COUNT=1)
    emails = addresses_as_typed(rng)
    addresses = [f"{rng.randrange(1, 224)}.{rng.randrange(256)}.{rng.randrange(256)}.{n}" for n in range(200)]
    countries = ["KZ", "GB", "DE", "FR", "RU"]

    with gunicorn(env, workers=4, threads=2) as (url, _process):
        # Each supporter first opens the petition page (their own CSRF cookie), then all post together.
        visitors = []
        for address in addresses:
            visitor = Visitor(url, headers={"X-Forwarded-For": address})
            visitor.open_form(petition.get_absolute_url())
            visitors.append(visitor)
        barrier = threading.Barrier(SIGNINGS)

        def sign(number):
            form = {
                "first_name": "Aigerim",
                "last_name": f"Bekova {number}",
                "email": emails[number],
                "country": countries[number % len(countries)],
                "website": "",
            }
            barrier.wait(timeout=30)
            status, headers, body = visitors[number].post(f"/petitions/{petition.slug}/sign/", form)
            return status, headers.get("Location", ""), body

        with ThreadPoolExecutor(max_workers=SIGNINGS) as pool:
            answers = list(pool.map(sign, range(SIGNINGS)))

    wait_for_other_sessions_to_end(connection)
    statuses = sorted({status for status, _location, _body in answers})
    assert statuses == [302], f"answers to the signings: {statuses}"
    assert {location for _status, location, _body in answers} == {
        f"/petitions/{petition.slug}/check-your-email/"
    }

    distinct_mailboxes = {normalise_email(email) for email in emails}
    assert len(distinct_mailboxes) == 152
    signatures = Signature.objects.filter(petition=petition)
    assert signatures.count() == len(distinct_mailboxes)
    assert set(signatures.values_list("email_normalised", flat=True)) == distinct_mailboxes
    assert not signatures.flagged().exists(), "no signing was taken for a flood from one address"

    for signature in signatures:
        services.confirm(tokens.confirmation_token(signature))
    counted = Petition.objects.with_signature_count().get(pk=petition.pk).signature_count
    assert counted == len(distinct_mailboxes)
    assert services.reconcile_counts(petition) == counted
    assert (
        sum(PetitionCounter.objects.filter(petition=petition).values_list("confirmed_count", flat=True))
        == counted
    )
