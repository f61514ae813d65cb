"""Double opt-in: a signature counts only once its signer presses the button behind the e-mailed link."""

import re
import time
from unittest import mock

import pytest
from django.core import mail

from petitions.models import Petition, Signature
from tests.factories import sign
from tests.mail import confirm_by_email, last_email_to, links_in

pytestmark = pytest.mark.django_db(transaction=True)


def shown_count(client, petition):
    html = client.get(petition.get_absolute_url()).content.decode()
    return int(html.split('id="petition-count"')[1].split('data-count="')[1].split('"')[0])


def days_later(days):
    """Pretend `days` days have passed, for the signed links' clocks."""
    return mock.patch("django.core.signing.time.time", return_value=time.time() + days * 86400)


def test_opening_the_link_does_not_confirm_so_mail_scanners_cannot(client, petition):
    sign(petition, email="tom@example.org")
    path = links_in(last_email_to("tom@example.org"))["confirm"]

    response = client.get(path)
    client.get(path)  # a scanner opening it twice

    assert response.status_code == 200
    html = response.content.decode()
    assert "Confirm my signature" in html
    assert f'<form method="post" action="{path}"' in html
    assert Signature.objects.get().status == Signature.Status.PENDING
    assert shown_count(client, petition) == 0


def test_pressing_the_button_confirms_and_counts_the_signature(client, petition):
    sign(petition, email="tom@example.org")
    response = confirm_by_email(client, "tom@example.org")

    assert response.status_code == 302
    assert response["Location"] == f"{petition.get_absolute_url()}#petition-count"
    page = client.get(response["Location"]).content.decode()
    assert "your signature is confirmed and counted" in page
    assert shown_count(client, petition) == 1
    signature = Signature.objects.get()
    assert signature.status == Signature.Status.CONFIRMED
    assert signature.confirmed_at is not None


def test_a_second_click_is_harmless(client, petition):
    sign(petition, email="tom@example.org")
    confirm_by_email(client, "tom@example.org")
    again = confirm_by_email(client, "tom@example.org")

    assert again.status_code == 302
    assert "already confirmed" in client.get(again["Location"]).content.decode()
    assert shown_count(client, petition) == 1


def test_the_link_pages_tell_browsers_not_to_pass_the_link_on(client, petition):
    sign(petition, email="tom@example.org")
    response = client.get(links_in(last_email_to("tom@example.org"))["confirm"])
    assert response["Referrer-Policy"] == "same-origin"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_a_wrong_link_gets_a_clear_message_and_a_way_forward(client, petition):
    sign(petition, email="tom@example.org")
    path = links_in(last_email_to("tom@example.org"))["confirm"]
    broken = path[:-6] + "xxxxx/"

    for response in (client.get(broken), client.post(broken)):
        assert response.status_code == 404
        html = response.content.decode()
        assert "This link does not work" in html
        assert "sign the petition again with the same e-mail address" in html
    assert Signature.objects.get().status == Signature.Status.PENDING


def test_an_expired_link_offers_a_new_email_whose_link_works(client, petition, settings):
    settings.PETITIONS_CONFIRMATION_LINK_DAYS = 7
    sign(petition, email="tom@example.org")
    old_path = links_in(last_email_to("tom@example.org"))["confirm"]

    with days_later(8):
        page = client.get(old_path)
        assert page.status_code == 410
        assert "This link has expired" in page.content.decode()
        assert client.post(old_path).status_code == 410  # pressing an old page's button does not confirm
        response = client.post(f"{old_path}new-link/")
    assert response.status_code == 200
    assert "a new link is on its way" in response.content.decode()
    assert Signature.objects.get().status == Signature.Status.PENDING

    assert len(mail.outbox) == 2
    new_path = links_in(mail.outbox[-1])["confirm"]
    assert new_path != old_path
    with days_later(8):
        client.post(new_path)
    assert Signature.objects.get().status == Signature.Status.CONFIRMED


def test_a_new_link_is_not_sent_for_a_confirmed_signature(client, petition):
    sign(petition, email="tom@example.org")
    path = links_in(last_email_to("tom@example.org"))["confirm"]
    client.post(path)
    response = client.post(f"{path}new-link/")
    assert response.status_code == 200  # the same answer as when one is sent
    assert len(mail.outbox) == 1


def test_a_signature_cannot_be_confirmed_once_the_petition_has_closed(client, petition):
    sign(petition, email="tom@example.org")
    petition.action_status = Petition.ActionStatus.DELIVERED
    petition.save()

    response = confirm_by_email(client, "tom@example.org")
    assert response.status_code == 409
    assert "handed in" in response.content.decode()
    assert Signature.objects.get().status == Signature.Status.PENDING


def test_a_confirmation_link_cannot_withdraw_and_a_withdrawal_link_cannot_confirm(client, petition):
    sign(petition, email="tom@example.org")
    links = links_in(last_email_to("tom@example.org"))
    confirm_token = links["confirm"].split("/")[-2]
    withdraw_token = links["withdraw"].split("/")[-2]

    assert client.post(f"/signatures/confirm/{withdraw_token}/").status_code == 404
    assert client.post(f"/signatures/withdraw/{confirm_token}/").status_code == 404
    assert Signature.objects.get().status == Signature.Status.PENDING


def test_confirming_after_the_email_was_already_sent_sends_nothing_more(client, petition):
    sign(petition, email="tom@example.org")
    confirm_by_email(client, "tom@example.org")
    assert len(mail.outbox) == 1


def test_the_private_link_is_never_offered_for_sharing(client, petition):
    sign(petition, email="tom@example.org")
    links = links_in(last_email_to("tom@example.org"))
    for path in (links["confirm"], links["withdraw"]):
        html = client.get(path).content.decode()
        public_id = path.split("/")[-2].split(":")[0]
        # The language switcher leads to this same page in each language (links within the site,
        # as the form's action is); nothing else names it: no share link, no hreflang alternate.
        switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
        assert switcher.count(public_id) == 3
        assert html.replace(switcher, "").count(public_id) == 1  # only in the form's action


def test_the_confirmation_page_names_the_petition_and_nothing_about_the_signer(client, petition):
    sign(
        petition,
        email="tom@example.org",
        first_name="Tomasz",
        last_name="Kowalski",
        city_or_postcode="Gdańsk",
        comment="Solidarity from the shipyard",
    )
    html = client.get(links_in(last_email_to("tom@example.org"))["confirm"]).content.decode()

    assert f"Confirm your signature on the petition “{petition.title}”" in html
    for private in ("tom@example.org", "Tomasz", "Kowalski", "Gdańsk", "shipyard"):
        assert private not in html


def test_an_expired_link_names_its_petition_too(client, petition, settings):
    sign(petition, email="tom@example.org")
    path = links_in(last_email_to("tom@example.org"))["confirm"]
    with days_later(settings.PETITIONS_CONFIRMATION_LINK_DAYS + 1):
        html = client.get(path).content.decode()
    assert "This link has expired" in html
    assert f"“{petition.title}”" in html


def test_the_link_of_a_signature_no_longer_held_says_so_at_once(client, petition):
    sign(petition, email="tom@example.org")
    links = links_in(last_email_to("tom@example.org"))
    client.post(links["withdraw"])

    response = client.get(links["confirm"])

    assert response.status_code == 404
    html = response.content.decode()
    assert "We could not find this signature" in html
    assert "Confirm my signature" not in html
