"""The printable hand-in pack: its totals are the count the site shows, it names only the
signers who agreed to be named, only managers open it, and its cost does not grow with the
number of signatures."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from petitions import hand_in
from petitions.models import Petition, Signature
from tests import factories

pytestmark = pytest.mark.django_db


def pack_url(petition):
    return f"/admin/petitions/petition/{petition.pk}/hand-in-pack/"


def read(response):
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode()


def shown_count(client, petition):
    """The count on the petition's public page, as a visitor reads it."""
    html = client.get(petition.get_absolute_url()).content.decode()
    return Petition.objects.with_signature_count().get(pk=petition.pk).signature_count, html


def test_its_totals_equal_the_count_the_site_shows(client, manager):
    petition = factories.petition()
    factories.confirmed_signatures(petition, 23)
    factories.sign(petition)  # not confirmed: counted nowhere
    site_count, _html = shown_count(client, petition)
    client.force_login(manager)

    html = read(client.get(pack_url(petition)))

    assert site_count == 23
    assert re.search(r"Signed by 23 people", html)
    total_cell = re.search(r'class="pack-number pack-total-cell">([\d,]+)<', html).group(1)
    assert int(total_cell.replace(",", "")) == site_count
    by_country = [int(n.replace(",", "")) for n in re.findall(r'<td class="pack-number">([\d,]+)</td>', html)]
    assert sum(by_country) == site_count
    assert "Kazakhstan" in html and "United Kingdom" in html


def test_it_names_only_counted_signers_who_agreed_to_be_named(client, manager):
    petition = factories.petition()
    factories.confirmed_signatures(petition, 10)  # every other one agreed to be named
    Signature.objects.filter(petition=petition, last_name="Number 4").update(flag_reason="ip_limit")
    client.force_login(manager)

    html = read(client.get(pack_url(petition)))

    names = re.findall(r'<span class="signer-name">([^<]*)</span>', html)
    assert names == ["Signer N."] * 4  # numbers 0, 2, 6, 8: agreed and counted; 4 is flagged
    assert len(re.findall(r'<span class="signer-country">', html)) == 4
    assert "Number" not in html  # the surname is shown as its initial only
    assert "@example.org" not in html


def test_managers_may_open_it_and_visitors_and_editors_may_not(client, manager, editor):
    petition = factories.petition()
    url = pack_url(petition)

    assert client.get(url).status_code == 302  # to the login page
    client.force_login(editor)
    assert client.get(url).status_code == 403
    client.force_login(manager)
    assert client.get(url).status_code == 200


def test_the_petition_admin_links_to_it_for_managers(client, manager):
    petition = factories.petition()
    client.force_login(manager)

    html = client.get(f"/admin/petitions/petition/{petition.pk}/change/").content.decode()

    assert pack_url(petition) in html


def test_it_prints_with_its_own_stylesheet_and_no_script(client, manager):
    petition = factories.petition()
    client.force_login(manager)

    html = read(client.get(pack_url(petition)))

    assert "hand_in_pack.css" in html
    assert "<script" not in html


def queries_for_pack(client, petition):
    with CaptureQueriesContext(connection) as queries:
        read(client.get(pack_url(petition)))
    return len(queries)


def test_its_number_of_queries_does_not_grow_with_the_signatures(client, manager, monkeypatch):
    # Small chunks, so that many signatures are read in several chunks as 200,000 would be.
    monkeypatch.setattr(hand_in, "CHUNK_SIZE", 10)
    monkeypatch.setattr(hand_in, "ROWS_PER_WRITE", 7)
    few, many = factories.petition(), factories.petition()
    factories.confirmed_signatures(few, 3)
    factories.confirmed_signatures(many, 250)
    client.force_login(manager)
    queries_for_pack(client, few)  # warm up: the session, the permissions

    assert queries_for_pack(client, many) == queries_for_pack(client, few)
