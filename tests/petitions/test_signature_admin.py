"""What campaign managers see of signers in the admin: what the privacy notice says, nothing more.

The notice: managers see confirmed signatures (names, country, city or postcode, comment), and
a signer's e-mail address only if they asked to be kept informed. So a manager never sees an
unconfirmed signer, and cannot reach one through the list, its search, its filters, the
detail pages or a hand-written address. Signatures held back for review (too many from one
network address) are shown to them without name or address, so that they can let them count.
"""

import pytest
from django.test import Client

from petitions import services, tokens
from petitions.models import Signature
from tests.factories import sign

pytestmark = pytest.mark.django_db

LIST = "/admin/petitions/signature/"


def page_of(client, url, data=None):
    response = client.get(url, data or {})
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def confirmed(petition, **fields):
    sign(petition, **fields)
    signature = Signature.objects.get(email=fields["email"])
    services.confirm(tokens.confirmation_token(signature))
    return Signature.objects.get(pk=signature.pk)


@pytest.fixture
def signers(petition):
    """One signer of each kind a manager might meet."""
    sign(petition, first_name="Pending", last_name="Unopted", email="pending-unopted@example.org")
    sign(
        petition,
        first_name="Pending",
        last_name="Opted",
        email="pending-opted@example.org",
        wants_updates=True,
    )
    quiet = confirmed(petition, first_name="Quiet", last_name="Confirmed", email="quiet@example.org")
    informed = confirmed(
        petition,
        first_name="Informed",
        last_name="Confirmed",
        email="informed@example.org",
        wants_updates=True,
    )
    return {"quiet": quiet, "informed": informed, "pending": Signature.objects.get(last_name="Unopted")}


@pytest.fixture
def manager_client(manager):
    client = Client(raise_request_exception=False)
    client.force_login(manager)
    return client


def test_managers_never_see_unconfirmed_signers_even_when_they_filter_for_them(manager_client, signers):
    page = page_of(manager_client, LIST, {"status__exact": "pending", "wants_updates__exact": "0"})
    assert "Unopted" not in page and "pending-unopted@example.org" not in page
    page = page_of(manager_client, LIST)
    assert "Pending" not in page and "pending-" not in page
    assert "Quiet Confirmed" in page and "Informed Confirmed" in page


def test_managers_see_an_e_mail_address_only_if_its_signer_asked_to_be_kept_informed(manager_client, signers):
    page = page_of(manager_client, LIST)
    assert "informed@example.org" in page
    assert "quiet@example.org" not in page
    detail = page_of(manager_client, f"{LIST}{signers['quiet'].pk}/change/")
    assert "Quiet" in detail and "quiet@example.org" not in detail
    detail = page_of(manager_client, f"{LIST}{signers['informed'].pk}/change/")
    assert "informed@example.org" in detail


def test_an_unconfirmed_signature_has_no_detail_page_for_managers(manager_client, signers):
    for view in ("change", "history", "delete"):
        response = manager_client.get(f"{LIST}{signers['pending'].pk}/{view}/", follow=True)
        assert "pending-unopted@example.org" not in response.content.decode()
        assert "Unopted" not in response.content.decode()
        assert response.redirect_chain, view  # to the admin's front page, "does not exist"


@pytest.mark.parametrize(
    "search", ["pending-unopted@example.org", "PENDING-UNOPTED@example.org", "Unopted", "Pending"]
)
def test_a_managers_search_never_finds_an_unconfirmed_signer(manager_client, signers, search):
    listing = manager_client.get(LIST, {"q": search})
    assert listing.status_code == 200
    assert listing.context["cl"].result_count == 0


def test_a_manager_finds_a_confirmed_signer_by_the_exact_address_they_give_without_seeing_it_listed(
    manager_client, signers
):
    """An erasure request comes with the signer's address: the manager finds the signature by it."""
    listing = manager_client.get(LIST, {"q": "Quiet@Example.org"})
    assert [signature.pk for signature in listing.context["cl"].result_list] == [signers["quiet"].pk]
    assert "quiet@example.org" not in listing.content.decode().replace("Quiet@Example.org", "")


@pytest.mark.parametrize(
    "lookup",
    [
        {"email_normalised__startswith": "p"},
        {"email__contains": "@"},
        {"first_name__startswith": "Pend"},
        {"last_name": "Unopted"},
        {"comment__isnull": "False"},
        {"petition__signatures__email__startswith": "p"},
    ],
)
def test_a_manager_cannot_probe_hidden_fields_with_hand_written_filters(manager_client, signers, lookup):
    response = manager_client.get(LIST, lookup)
    assert response.status_code == 400


def test_held_back_signatures_are_listed_for_review_without_name_or_address(
    manager_client, petition, settings
):
    settings.PETITIONS_SIGNATURES_PER_IP_PER_HOUR = 0
    settings.PETITIONS_FLAGGED_EMAILS_PER_IP_PER_HOUR = 0
    sign(petition, first_name="Held", last_name="Back", email="held@example.org", country="GB")
    held = Signature.objects.get()
    assert held.is_flagged

    page = page_of(manager_client, LIST, {"flag_reason__exact": held.flag_reason})
    assert f"{LIST}{held.pk}/change/" in page
    assert "Held" not in page and "held@example.org" not in page
    detail = page_of(manager_client, f"{LIST}{held.pk}/change/")
    assert "United Kingdom" in detail
    assert "Held" not in detail and "held@example.org" not in detail


def test_superusers_see_every_signature_in_full(client, superuser, signers):
    client.force_login(superuser)
    page = page_of(client, LIST)
    assert "pending-unopted@example.org" in page and "quiet@example.org" in page
