"""Editors keep the directory of embassies and central addressees in the admin."""

import pytest
from django.test import Client

from appeals.models import Recipient
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def embassy_form(**fields):
    return {"kind": "embassy", "name_en": "Embassy of Kazakhstan in Germany", "country": "DE", **fields}


def test_an_editor_adds_an_embassy_that_supporters_can_then_choose(editor_client):
    response = editor_client.post(
        "/admin/appeals/recipient/add/",
        embassy_form(postal_address="Nordendstraße 1\nBerlin", email="botschaft@example.org"),
    )
    assert response.status_code == 302
    assert Recipient.objects.embassy_in("DE").email == "botschaft@example.org"

    appeal = factories.appeal()
    supporter = Client()
    assert '<option value="DE">Germany</option>' in supporter.get(appeal.get_absolute_url()).content.decode()


def test_a_second_embassy_for_one_country_is_refused_with_a_clear_message(editor_client):
    factories.embassy("DE")
    response = editor_client.post("/admin/appeals/recipient/add/", embassy_form())
    assert response.status_code == 200
    assert "There is already an embassy for this country." in response.content.decode()
    assert Recipient.objects.count() == 1


def test_an_embassy_needs_its_host_country(editor_client):
    response = editor_client.post("/admin/appeals/recipient/add/", embassy_form(country=""))
    assert "Choose the country this embassy is in." in response.content.decode()
    assert not Recipient.objects.exists()
