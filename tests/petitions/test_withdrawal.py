"""A signer can withdraw from the link in their e-mails: the signature and its data are gone."""

import pytest
from django.core import mail

from outbox.models import OutgoingEmail
from petitions import services
from petitions.models import Petition, Signature, SignatureCountByCountry
from tests.factories import sign
from tests.mail import confirm_by_email, last_email_to, links_in

pytestmark = pytest.mark.django_db(transaction=True)


def count_of(petition):
    return Petition.objects.with_signature_count().get(pk=petition.pk).signature_count


def test_the_withdrawal_link_asks_first_then_deletes_and_uncounts(client, petition):
    sign(petition, email="tom@example.org", country="GB")
    confirm_by_email(client, "tom@example.org")
    assert count_of(petition) == 1
    path = links_in(last_email_to("tom@example.org"))["withdraw"]

    page = client.get(path)
    assert "Withdraw my signature" in page.content.decode()
    assert page["Referrer-Policy"] == "same-origin"
    assert Signature.objects.count() == 1  # opening the link withdraws nothing

    response = client.post(path)
    assert "Your signature has been withdrawn" in response.content.decode()
    assert not Signature.objects.exists()
    assert count_of(petition) == 0
    assert sum(SignatureCountByCountry.objects.values_list("confirmed_count", flat=True)) == 0


def test_a_second_click_is_harmless(client, petition):
    sign(petition, email="tom@example.org")
    path = links_in(last_email_to("tom@example.org"))["withdraw"]
    client.post(path)
    again = client.post(path)
    assert again.status_code == 200
    assert "There is no signature to withdraw" in again.content.decode()
    assert count_of(petition) == 0


def test_an_unconfirmed_signature_can_be_withdrawn_without_changing_the_count(client, petition):
    sign(petition, email="counted@example.org")
    confirm_by_email(client, "counted@example.org")
    sign(petition, email="tom@example.org")

    client.post(links_in(last_email_to("tom@example.org"))["withdraw"])
    assert list(Signature.objects.values_list("email", flat=True)) == ["counted@example.org"]
    assert count_of(petition) == 1


def test_the_already_signed_email_also_has_the_withdrawal_link(client, petition):
    sign(petition, email="tom@example.org")
    sign(petition, email="TOM@example.org")
    assert "already signed" in mail.outbox[-1].subject
    client.post(links_in(mail.outbox[-1])["withdraw"])
    assert not Signature.objects.exists()


def test_withdrawing_a_signature_deletes_its_emails(client, petition):
    sign(petition, email="changed-my-mind@example.org")
    sign(petition, email="changed-my-mind@example.org")  # the "already signed" e-mail too
    signature = Signature.objects.get()
    assert signature.emails.count() == 2
    sign(petition, email="stays@example.org")

    client.post(links_in(last_email_to("changed-my-mind@example.org"))["withdraw"])

    assert not Signature.objects.filter(email="changed-my-mind@example.org").exists()
    assert list(OutgoingEmail.objects.values_list("to", flat=True)) == ["stays@example.org"]


def test_after_withdrawing_the_address_may_sign_again(client, petition):
    sign(petition, email="tom@example.org")
    client.post(links_in(last_email_to("tom@example.org"))["withdraw"])
    assert sign(petition, email="tom@example.org") is services.SigningOutcome.NEW


def test_a_forged_withdrawal_link_withdraws_nothing(client, petition):
    sign(petition, email="tom@example.org")
    signature = Signature.objects.get()
    response = client.post(f"/signatures/withdraw/{signature.public_id.hex}:forged/")
    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()
    assert Signature.objects.exists()


def test_erasing_a_signature_in_the_admin_keeps_the_count_exact(client, petition, superuser):
    for number in range(3):
        sign(petition, email=f"person{number}@example.org")
    for signature in Signature.objects.all():
        services.confirm(services.tokens.confirmation_token(signature))
    client.force_login(superuser)
    doomed = Signature.objects.get(email="person1@example.org")

    response = client.post(f"/admin/petitions/signature/{doomed.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert Signature.objects.count() == 2
    assert count_of(petition) == 2
    assert not OutgoingEmail.objects.filter(to="person1@example.org").exists()  # its e-mails went with it


def test_the_withdrawal_page_names_the_petition_and_nothing_about_the_signer(client, petition):
    sign(petition, email="tom@example.org", first_name="Tomasz", last_name="Kowalski")
    path = links_in(last_email_to("tom@example.org"))["withdraw"]

    asked = client.get(path).content.decode()
    done = client.post(path).content.decode()

    assert f"Withdraw your signature from the petition “{petition.title}”" in asked
    assert f"We have deleted your signature on the petition “{petition.title}”" in done
    for html in (asked, done):
        for private in ("tom@example.org", "Tomasz", "Kowalski"):
            assert private not in html
