"""Counts come from a few counter rows, stay exact, and cost the same at ten signatures or thousands."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from petitions import services, tasks, tokens
from petitions.models import (
    Petition,
    PetitionCounter,
    Signature,
    SignatureCountByCountry,
    SignatureCountByDay,
)
from tests import factories
from tests.factories import confirmed_signatures, sign, signing_form_data

pytestmark = pytest.mark.django_db


def count_of(petition):
    return Petition.objects.with_signature_count().get(pk=petition.pk).signature_count


def confirm_directly(signature):
    return services.confirm(tokens.confirmation_token(signature))


def test_only_confirmed_signatures_count(petition):
    for number in range(5):
        sign(petition, email=f"person{number}@example.org")
    for signature in Signature.objects.order_by("pk")[:3]:
        confirm_directly(signature)
    assert count_of(petition) == 3
    assert Signature.objects.counted().count() == 3


def test_confirmations_are_spread_over_counter_shards_that_add_up(petition):
    for number in range(30):
        sign(petition, email=f"person{number}@example.org", country="GB" if number % 3 else "KZ")
    for signature in Signature.objects.all():
        confirm_directly(signature)

    shards = PetitionCounter.objects.filter(petition=petition)
    assert shards.count() == settings.PETITIONS_COUNTER_SHARDS
    assert len([shard for shard in shards if shard.confirmed_count]) > 1
    assert sum(shard.confirmed_count for shard in shards) == 30
    assert dict(SignatureCountByCountry.objects.totals_for(petition.pk)) == {"GB": 20, "KZ": 10}
    assert dict(SignatureCountByDay.objects.totals_for(petition.pk)) == {timezone.localdate(): 30}


def test_signing_itself_touches_no_counter_row(petition):
    sign(petition, email="warm-up@example.org")  # the first signing of a process may look things up
    with CaptureQueriesContext(connection) as captured:
        sign(petition, email="tom@example.org")
    writes = [query["sql"] for query in captured if not query["sql"].lstrip().upper().startswith("SELECT")]
    assert not [sql for sql in writes if "petitions_petitioncounter" in sql or "signaturecountby" in sql]


def test_a_signing_post_neither_reads_nor_writes_any_count(client, petition):
    client.post(f"/petitions/{petition.slug}/sign/", signing_form_data(email="warm-up@example.org"))
    with CaptureQueriesContext(connection) as captured:
        response = client.post(
            f"/petitions/{petition.slug}/sign/", signing_form_data(email="tom@example.org")
        )
    assert response.status_code == 302
    assert Signature.objects.filter(email="tom@example.org").exists()
    counting = [
        query["sql"] for query in captured if "petitioncounter" in query["sql"] or "countby" in query["sql"]
    ]
    assert not counting, "the count is read on the petition page, never while signing"


def test_reconciling_puts_drifted_counts_right(petition):
    confirmed_signatures(petition, 25)
    PetitionCounter.objects.filter(petition=petition, shard=3).update(confirmed_count=999)
    SignatureCountByCountry.objects.filter(petition=petition).delete()

    result = tasks.reconcile_counts.enqueue(petition.pk)

    assert result.return_value == {str(petition.pk): 25}
    assert count_of(petition) == 25
    assert sum(count for _country, count in SignatureCountByCountry.objects.totals_for(petition.pk)) == 25
    assert sum(count for _day, count in SignatureCountByDay.objects.totals_for(petition.pk)) == 25


def test_reconciling_twice_changes_nothing(petition):
    confirmed_signatures(petition, 7)
    before = list(PetitionCounter.objects.filter(petition=petition).values_list("shard", "confirmed_count"))
    services.reconcile_counts(petition)
    after = list(PetitionCounter.objects.filter(petition=petition).values_list("shard", "confirmed_count"))
    assert before == after


def test_the_page_shows_signatures_by_country_over_time_and_recent_public_signers(client, petition):
    for number, (first, last, country, shown) in enumerate(
        [("Aigerim", "Bekova", "KZ", True), ("Tom", "Hughes", "GB", False), ("Maria", "Schulz", "DE", True)]
    ):
        sign(
            petition,
            email=f"s{number}@example.org",
            first_name=first,
            last_name=last,
            country=country,
            show_name_publicly=shown,
        )
    for signature in Signature.objects.all():
        confirm_directly(signature)

    html = client.get(petition.get_absolute_url()).content.decode()
    assert "Aigerim B." in html and "Maria S." in html
    assert "Bekova" not in html  # only the initial of the surname
    assert "Tom H." not in html  # did not ask to be shown
    assert "s0@example.org" not in html
    assert "Kazakhstan" in html and "United Kingdom" in html
    assert '<svg class="petition-chart-svg"' in html
    assert "<polyline" in html


def page_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return captured


def test_a_petition_with_5000_signatures_costs_the_same_queries_as_with_10(
    client, django_assert_num_queries, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # measure the page itself, not the cache in front of it
    small, large = factories.petition(), factories.petition(is_featured=True)
    confirmed_signatures(small, 10)
    # Enough to fill every list on the page and to spread over several days and countries.
    confirmed_signatures(large, 5000)
    assert count_of(large) == 5000
    assert len(SignatureCountByDay.objects.totals_for(large.pk)) > 1

    client.get("/privacy/")  # warm-up: the site's own settings are read once, then kept in the cache
    with_ten = page_queries(client, small.get_absolute_url())
    with django_assert_num_queries(len(with_ten)):
        response = client.get(large.get_absolute_url())
    assert 'data-count="5000"' in response.content.decode()

    # And no page view ever counts the signatures themselves.
    for captured in (with_ten, page_queries(client, large.get_absolute_url()), page_queries(client, "/")):
        for query in captured:
            sql = query["sql"].upper()
            assert not ("COUNT(" in sql and "PETITIONS_SIGNATURE" in sql), sql
