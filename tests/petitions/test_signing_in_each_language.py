"""A petition has one count whatever language it is signed in, and every e-mail to a signer is in
the language they signed in, with links to the pages in that language."""

import re

import pytest
from django.core import mail
from django.utils import translation

from petitions import services
from petitions.models import Signature
from tests import factories
from tests.factories import signing_form_data

pytestmark = pytest.mark.django_db(transaction=True)

CONFIRM_LINK = re.compile(r"https?://\S+/signatures/confirm/\S+")


def sign_at(client, prefix, petition, email):
    response = client.post(f"{prefix}/petitions/{petition.slug}/sign/", signing_form_data(email=email))
    assert response.status_code == 302
    assert response["Location"].startswith(f"{prefix}/petitions/{petition.slug}/")
    return mail.outbox[-1]


def confirm_from(client, message):
    link = CONFIRM_LINK.search(message.body).group(0)
    path = "/" + link.split("/", 3)[3]
    assert client.post(path).status_code == 302
    return path


def test_signatures_made_in_russian_kazakh_and_english_add_to_one_count(client, petition):
    for prefix, email in (("/ru", "olga@example.org"), ("/kk", "aigul@example.org"), ("", "tom@example.org")):
        confirm_from(client, sign_at(client, prefix, petition, email))

    assert dict(Signature.objects.values_list("email", "language")) == {
        "olga@example.org": "ru",
        "aigul@example.org": "kk",
        "tom@example.org": "en",
    }
    petition.refresh_from_db()
    assert petition.confirmed_count == 3
    for prefix in ("", "/ru", "/kk"):
        html = client.get(f"{prefix}{petition.get_absolute_url()}").content.decode()
        assert 'data-count="3"' in html, prefix


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_the_confirmation_email_links_to_the_pages_in_the_signers_language(client, language):
    petition = factories.petition(title="Free them", title_ru="Освободите их", title_kk="Оларды босатыңыз")

    message = sign_at(client, f"/{language}", petition, "signer@example.org")

    title = {"ru": "Освободите их", "kk": "Оларды босатыңыз"}[language]
    assert title in message.subject and title in message.body
    assert "Free them" not in message.subject
    assert f"/{language}/signatures/confirm/" in message.body
    assert f"/{language}/petitions/{petition.slug}/" in message.body
    assert f"/{language}/signatures/withdraw/" in message.body
    assert f"/{language}/privacy/" in message.body
    # The confirmation link opens the page in that language.
    path = confirm_from(client, message)
    assert path.startswith(f"/{language}/")


def test_every_later_email_is_in_the_language_of_the_signature_not_of_the_request(client, petition, settings):
    settings.PETITIONS_EMAILS_PER_SIGNATURE_PER_HOUR = 10
    sign_at(client, "/ru", petition, "olga@example.org")
    signature = Signature.objects.get(email="olga@example.org")

    # A new link asked for from an English page, or sent by the worker (no language active).
    with translation.override("en"):
        services.resend_confirmation(signature.public_id)
    assert "/ru/signatures/confirm/" in mail.outbox[-1].body
    with translation.override(None):
        services.resend_confirmation(signature.public_id)
    assert "/ru/signatures/confirm/" in mail.outbox[-1].body

    # Signing again from the English page: the e-mail follows the signature's language.
    client.post(f"/petitions/{petition.slug}/sign/", signing_form_data(email="olga@example.org"))
    assert "/ru/petitions/" in mail.outbox[-1].body


def test_an_english_signature_gets_english_links(client, petition):
    message = sign_at(client, "", petition, "tom@example.org")
    assert "/signatures/confirm/" in message.body
    assert "/ru/" not in message.body and "/kk/" not in message.body
    assert message.body.startswith("Hello,\n")


def test_the_russian_email_speaks_russian_with_the_right_plurals(client, petition, settings):
    """Signing never reads the count (tests/petitions/test_counting.py), so the e-mail gives none;
    its plurals are the days its link works and unconfirmed signatures are kept."""
    settings.PETITIONS_CONFIRMATION_LINK_DAYS = 2
    settings.PETITIONS_UNCONFIRMED_RETENTION_DAYS = 5
    message = sign_at(client, "/ru", petition, "olga@example.org")
    assert message.body.startswith("Здравствуйте,")
    assert "Ссылка действует 2 дня." in message.body
    assert "5 дней" in message.body
    settings.PETITIONS_CONFIRMATION_LINK_DAYS = 1
    assert "Ссылка действует 1 день." in sign_at(client, "/ru", petition, "ivan@example.org").body
