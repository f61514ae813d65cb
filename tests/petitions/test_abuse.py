"""Bots and floods do not move the public count, and nobody can learn from the answer who signed."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.core.cache import cache

from petitions import services, tokens
from petitions.models import Petition, Signature
from tests.factories import confirmed_signatures, sign, signing_form_data
from tests.mail import confirm_by_email, links_in

pytestmark = pytest.mark.django_db(transaction=True)

FLOOD_IP = "203.0.113.7"


def count_of(petition):
    return Petition.objects.with_signature_count().get(pk=petition.pk).signature_count


def post_sign(client, petition, ip=FLOOD_IP, **fields):
    return client.post(f"/petitions/{petition.slug}/sign/", signing_form_data(**fields), REMOTE_ADDR=ip)


def test_a_bot_filling_the_honeypot_gets_the_usual_answer_and_nothing_is_kept(client, petition):
    response = post_sign(client, petition, email="bot@example.org", website="http://spam.example")

    assert response.status_code == 302
    assert response["Location"] == f"/petitions/{petition.slug}/check-your-email/"
    assert not Signature.objects.exists()
    assert mail.outbox == []
    assert count_of(petition) == 0


def test_the_honeypot_is_hidden_from_people(client, petition):
    html = client.get(petition.get_absolute_url()).content.decode()
    assert re.search(r'class="petition-extra-field"\s+aria-hidden="true"', html)
    assert 'name="website" autocomplete="off" tabindex="-1"' in html
    stylesheet = (settings.BASE_DIR / "static/css/petitions.css").read_text()
    assert ".petition-extra-field { position: absolute !important; left: -10000px;" in stylesheet


def test_a_flood_from_one_address_is_mailed_only_within_its_budget_and_the_rest_never_counts(
    client, petition, settings
):
    settings.PETITIONS_SIGNATURES_PER_IP_PER_HOUR = 5
    settings.PETITIONS_FLAGGED_EMAILS_PER_IP_PER_HOUR = 3
    answers = {
        post_sign(client, petition, email=f"flood{number}@example.org")["Location"] for number in range(12)
    }

    assert answers == {f"/petitions/{petition.slug}/check-your-email/"}
    assert Signature.objects.count() == 12
    assert Signature.objects.flagged().count() == 7
    # Five within the limit, three more within the address's budget for flagged signings.
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        f"flood{number}@example.org" for number in range(8)
    )

    # Whoever holds those mailboxes can confirm those eight; the other four were never sent a
    # link, and a request for a new one sends nothing either.
    for message in list(mail.outbox):
        client.post(links_in(message)["confirm"])
    for signature in Signature.objects.held_for_review():
        services.resend_confirmation(signature.public_id)
    assert len(mail.outbox) == 8
    assert count_of(petition) == 8
    assert Signature.objects.held_for_review().count() == 4


def test_supporters_on_one_shared_network_count_once_they_confirm_from_their_mailbox(
    client, petition, settings
):
    """A meeting, a campus, a shared Wi-Fi: past the hourly limit for one address, signers are
    flagged but still e-mailed (within a budget), and confirming counts them like anyone."""
    settings.PETITIONS_SIGNATURES_PER_IP_PER_HOUR = 10
    settings.PETITIONS_FLAGGED_EMAILS_PER_IP_PER_HOUR = 50
    for number in range(25):
        post_sign(client, petition, email=f"student{number}@example.org")
    assert Signature.objects.flagged().count() == 15

    for number in range(25):
        confirm_by_email(client, f"student{number}@example.org")

    assert count_of(petition) == 25
    assert not Signature.objects.flagged().exists()
    assert services.reconcile_counts(petition) == 25


def test_a_bot_flood_that_never_confirms_leaves_the_public_count_unchanged(client, petition, settings):
    settings.PETITIONS_SIGNATURES_PER_IP_PER_HOUR = 3
    sign(petition, email="real@example.org")
    services.confirm(tokens.confirmation_token(Signature.objects.get()))
    before = client.get(f"/petitions/{petition.slug}.json").json()["count"]

    for number in range(20):
        post_sign(client, petition, email=f"bot{number}@example.org")
        post_sign(client, petition, email=f"honeypot{number}@example.org", website="x")

    assert before == 1
    assert count_of(petition) == 1
    cache.clear()  # past any cached answer
    assert client.get(f"/petitions/{petition.slug}.json").json()["count"] == 1


def test_other_addresses_are_not_limited_by_a_flood(client, petition, settings):
    settings.PETITIONS_SIGNATURES_PER_IP_PER_HOUR = 2
    for number in range(5):
        post_sign(client, petition, email=f"flood{number}@example.org")
    post_sign(client, petition, ip="198.51.100.20", email="neighbour@example.org")
    assert not Signature.objects.get(email="neighbour@example.org").is_flagged


def test_new_repeated_and_flagged_signings_get_exactly_the_same_answer(client, petition, settings):
    settings.PETITIONS_SIGNATURES_PER_IP_PER_HOUR = 2
    settings.PAGE_CACHE_SECONDS = 0

    def answer(**fields):
        response = post_sign(client, petition, **fields)
        page = client.get(response["Location"])
        return response.status_code, response["Location"], page.status_code, page.content

    new = answer(email="new@example.org")
    repeated = answer(email="NEW@example.org")
    flagged = answer(email="third@example.org")
    bot = answer(email="bot@example.org", website="x")

    assert Signature.objects.get(email="third@example.org").is_flagged
    assert new == repeated == flagged == bot


def test_no_ip_address_is_stored(client, petition):
    post_sign(client, petition, email="tom@example.org")
    signature = Signature.objects.get()
    stored = [str(getattr(signature, field.attname)) for field in Signature._meta.concrete_fields]
    assert not [value for value in stored if FLOOD_IP in value]
    assert not [field for field in Signature._meta.concrete_fields if "ip" in field.name.split("_")]


def test_repeat_signings_cannot_flood_a_mailbox(petition, settings):
    settings.PETITIONS_EMAILS_PER_SIGNATURE_PER_HOUR = 3
    for _ in range(10):
        sign(petition, email="victim@example.org")
    assert len(mail.outbox) == 3


def test_a_manager_can_count_a_flagged_signature_judged_genuine(petition, settings):
    settings.PETITIONS_SIGNATURES_PER_IP_PER_HOUR = 0
    settings.PETITIONS_FLAGGED_EMAILS_PER_IP_PER_HOUR = 0
    sign(petition, email="shared-office@example.org")
    assert Signature.objects.get().is_flagged and mail.outbox == []
    assert count_of(petition) == 0

    assert services.accept_flagged(Signature.objects.all()) == 1
    services.confirm(tokens.confirmation_token(Signature.objects.get()))
    assert count_of(petition) == 1
    assert services.accept_flagged(Signature.objects.all()) == 0  # idempotent
    assert count_of(petition) == 1


def test_a_confirmed_signature_still_flagged_counts_once_a_manager_accepts_it(petition):
    confirmed_signatures(petition, 1, flag_reason=Signature.FlagReason.TOO_MANY_FROM_ONE_ADDRESS)
    assert count_of(petition) == 0
    assert services.accept_flagged(Signature.objects.all()) == 1
    assert count_of(petition) == 1 == services.reconcile_counts(petition)


def test_an_accepted_unconfirmed_signature_gets_its_confirmation_email(petition, settings):
    settings.PETITIONS_SIGNATURES_PER_IP_PER_HOUR = 0
    settings.PETITIONS_FLAGGED_EMAILS_PER_IP_PER_HOUR = 0
    sign(petition, email="shared-office@example.org")
    services.accept_flagged(Signature.objects.all())
    assert [message.to for message in mail.outbox] == [["shared-office@example.org"]]


def test_the_privacy_notice_says_how_long_the_address_fingerprint_is_kept(client):
    notice = " ".join(client.get("/privacy/").content.decode().split())
    assert "We do not store your IP address." in notice
    assert "the count and its fingerprint are deleted within two hours" in notice
    assert "in memory" not in notice  # without Redis the counts are in the database


def query_shapes(queries):
    """The SQL statements run, with every value taken out: what differs in time is what differs here."""
    shapes = []
    for query in queries:
        sql = re.sub(r"'(?:[^']|'')*'", "?", query["sql"])
        sql = re.sub(r'"s\d+_x\d+"', '"savepoint"', sql)
        shapes.append(re.sub(r"\b\d+(?:\.\d+)?\b", "?", sql))
    return shapes


def test_signing_with_an_address_that_signed_runs_exactly_the_statements_of_a_first_signing(petition):
    """The time of the answer tells nothing either: the database does the same work both ways."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    sign(petition, email="signed-before@example.org")  # and warms every cache both paths use

    with CaptureQueriesContext(connection) as first_signing:
        assert sign(petition, email="new@example.org") is services.SigningOutcome.NEW
    with CaptureQueriesContext(connection) as signing_again:
        assert sign(petition, email="Signed-Before@example.org") is services.SigningOutcome.DUPLICATE

    assert query_shapes(signing_again.captured_queries) == query_shapes(first_signing.captured_queries)
    assert [message.to for message in mail.outbox[-2:]] == [
        ["new@example.org"],
        ["signed-before@example.org"],
    ]
    assert any(
        "INSERT" in sql and "petitions_signature" in sql
        for sql in query_shapes(signing_again.captured_queries)
    )
