"""Managers record each hand-in of a petition; its page shows them as a public delivery log."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from petitions.models import Delivery
from tests import factories

pytestmark = pytest.mark.django_db

ADD = "/admin/petitions/delivery/add/"


def hand_in_form(petition, **fields):
    return {
        "petition": petition.pk,
        "delivered_on": "2026-11-20",
        # The admin has a tab per language for what the log says (django-modeltranslation).
        "recipient_en": "The Embassy of Kazakhstan in Berlin",
        "place_en": "Nordendstraße 20, Berlin",
        "signatures_handed_in": "15230",
        "response_en": "Received by the consul.",
        "response_ru": "Принята консулом.",
        "photos-TOTAL_FORMS": "0",
        "photos-INITIAL_FORMS": "0",
        "photos-MIN_NUM_FORMS": "0",
        "photos-MAX_NUM_FORMS": "1000",
        **fields,
    }


def test_the_petition_page_shows_each_hand_in_with_its_photos_and_response(client):
    petition = factories.petition()
    factories.delivery(
        petition,
        recipient="The Embassy of Kazakhstan in London",
        place="125 Pall Mall, London",
        signatures_handed_in=12000,
        photos=2,
        response="The ambassador promised to forward the petition to Astana.",
    )

    html = client.get(petition.get_absolute_url()).content.decode()

    assert "Hand-ins of this petition" in html
    assert "handed to The Embassy of Kazakhstan in London" in html
    assert "125 Pall Mall, London" in html
    assert "12,000" in html
    assert "The ambassador promised to forward the petition to Astana." in html
    assert len(re.findall(r'alt="Campaigners hand boxes of signatures to an embassy official', html)) == 2


def test_a_petition_without_hand_ins_has_no_delivery_log(client):
    petition = factories.petition()
    assert "delivery-log" not in client.get(petition.get_absolute_url()).content.decode()


def test_a_manager_records_a_hand_in_with_a_pdf_response_stored_under_a_random_name(client, manager):
    petition = factories.petition()
    client.force_login(manager)

    response = client.post(ADD, hand_in_form(petition, response_document=factories.pdf_upload("reply.pdf")))

    assert response.status_code == 302, response.content.decode()[:2000]
    delivery = Delivery.objects.get(petition=petition)
    assert delivery.signatures_handed_in == 15230
    assert delivery.response_document.name.startswith("deliveries/responses/")
    assert delivery.response_document.name.endswith(".pdf")
    assert "reply" not in delivery.response_document.name
    html = client.get(petition.get_absolute_url()).content.decode()
    assert delivery.response_document.url in html


def test_a_word_document_is_accepted(client, manager):
    petition = factories.petition()
    client.force_login(manager)

    client.post(ADD, hand_in_form(petition, response_document=factories.docx_upload()))

    assert Delivery.objects.get(petition=petition).response_document.name.endswith(".docx")


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("reply.pdf", b"<script>alert(1)</script>", content_type="application/pdf"),
        SimpleUploadedFile("reply.html", b"<html><script>alert(1)</script></html>", content_type="text/html"),
        SimpleUploadedFile(
            "reply.exe", b"MZ\x90\x00" + b"\x00" * 200, content_type="application/octet-stream"
        ),
        SimpleUploadedFile(
            "reply.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>', content_type="image/svg+xml"
        ),
    ],
    ids=["html-posing-as-pdf", "html", "executable", "svg"],
)
def test_a_document_of_the_wrong_type_is_refused_with_a_message(client, manager, upload):
    petition = factories.petition()
    client.force_login(manager)

    response = client.post(ADD, hand_in_form(petition, response_document=upload))

    assert response.status_code == 200
    assert (
        "Please upload a PDF, a Word document (.docx) or a JPEG, PNG or WebP image."
        in response.content.decode()
    )
    assert not Delivery.objects.exists()


def test_a_document_over_the_size_limit_is_refused_with_a_message(client, manager, settings):
    settings.MAX_UPLOAD_DOCUMENT_BYTES = 100
    petition = factories.petition()
    client.force_login(manager)

    response = client.post(ADD, hand_in_form(petition, response_document=factories.pdf_upload()))

    assert "This document is too large" in response.content.decode()
    assert not Delivery.objects.exists()


def test_editors_cannot_record_hand_ins(client, editor):
    petition = factories.petition()
    client.force_login(editor)

    assert client.post(ADD, hand_in_form(petition)).status_code == 403
    assert not Delivery.objects.exists()


def test_the_russian_page_shows_the_response_in_russian(client, manager):
    petition = factories.petition()
    client.force_login(manager)
    client.post(ADD, hand_in_form(petition))
    client.logout()

    with translation.override("ru"):
        russian = client.get(petition.get_absolute_url()).content.decode()

    assert "Принята консулом." in russian
    assert "Received by the consul." not in russian
