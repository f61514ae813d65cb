"""A supporter signs: what they see, what we keep, and the e-mail they get."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.test import Client
from django.utils import timezone

from outbox.models import OutgoingEmail
from petitions import services
from petitions.addresses import normalise_email
from petitions.models import Petition, Signature
from tests import factories
from tests.factories import DRAFT, sign, signing_form_data
from tests.mail import last_email_to, links_in, mail_server_down

pytestmark = pytest.mark.django_db(transaction=True)


def sign_url(petition):
    return f"/petitions/{petition.slug}/sign/"


def test_petition_page_shows_the_text_the_goal_and_a_form_with_both_consents_unticked(client, petition):
    html = client.get(petition.get_absolute_url()).content.decode()
    assert petition.title in html
    assert "The President of the Republic of Kazakhstan" in html
    assert '<progress class="petition-goal-bar" value="0" max="1000"' in html
    assert 'name="show_name_publicly"' in html
    assert 'name="wants_updates"' in html
    assert 'id="id_show_name_publicly" checked' not in html
    assert 'id="id_wants_updates" checked' not in html
    assert 'href="/privacy/"' in html
    assert "style=" not in html  # strict CSP: no inline styles


def test_a_supporter_who_signs_is_asked_to_check_their_email_and_is_not_counted_yet(client, petition):
    response = client.post(
        sign_url(petition), signing_form_data(email="Aigerim@Example.org", city_or_postcode="Almaty")
    )

    assert response.status_code == 302
    assert response["Location"] == f"/petitions/{petition.slug}/check-your-email/"
    page = client.get(response["Location"]).content.decode()
    assert "Check your e-mail" in page
    assert "facebook.com/sharer" in page  # share links after signing

    signature = Signature.objects.get()
    assert signature.status == Signature.Status.PENDING
    assert signature.email_normalised == "aigerim@example.org"
    assert signature.city_or_postcode == "Almaty"
    assert (signature.show_name_publicly, signature.wants_updates) == (False, False)
    petition.refresh_from_db()
    assert petition.confirmed_count == 0


def test_the_confirmation_email_goes_to_the_signer_with_links_to_confirm_and_to_withdraw(client, petition):
    client.post(sign_url(petition), signing_form_data(email="tom@example.org", first_name="Tom"))

    message = last_email_to("tom@example.org")
    assert "confirm your signature" in message.subject.lower()
    assert petition.title in message.subject
    assert message.body.startswith("Hello,\n")  # nothing typed into the form, not even the name
    links = links_in(message)
    assert links["confirm"].startswith("/signatures/confirm/")
    assert links["withdraw"].startswith("/signatures/withdraw/")


def test_consents_are_kept_only_when_ticked(client, petition):
    client.post(
        sign_url(petition),
        signing_form_data(email="a@example.org", show_name_publicly=True, wants_updates=True),
    )
    signature = Signature.objects.get()
    assert signature.show_name_publicly and signature.wants_updates


def test_the_email_is_queued_only_after_the_signature_is_committed(petition):
    with transaction.atomic():
        sign(petition, email="late@example.org")
        assert mail.outbox == []
    assert [message.to for message in mail.outbox] == [["late@example.org"]]


def test_nothing_is_emailed_when_the_signature_is_rolled_back(petition):
    class Abort(Exception):
        pass

    with pytest.raises(Abort), transaction.atomic():
        sign(petition, email="rolled-back@example.org")
        assert OutgoingEmail.objects.count() == 1  # the e-mail is written with the signature...
        raise Abort
    assert not OutgoingEmail.objects.exists()  # ...and rolled back with it
    assert mail.outbox == []
    assert not Signature.objects.exists()


def test_a_supporter_signing_while_the_mail_server_is_down_is_kept_and_told_to_check_their_email(
    client, petition
):
    with mail_server_down():
        response = client.post(sign_url(petition), signing_form_data(email="tom@example.org"))

    assert response.status_code == 302
    assert response["Location"] == f"/petitions/{petition.slug}/check-your-email/"
    signature = Signature.objects.get()
    assert signature.email == "tom@example.org"
    email = signature.emails.get()  # waiting in the outbox for the next attempt
    assert (email.to, email.sent_at, email.attempts) == ("tom@example.org", None, 1)
    assert "451 mail server unavailable" in email.last_error
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("typed", "normalised"),
    [
        ("  Jane.Doe@Example.ORG ", "jane.doe@example.org"),
        ("jane.doe+news@example.org", "jane.doe+news@example.org"),  # unknown provider: "+" kept
        ("Jane.Doe+petition@gmail.com", "janedoe@gmail.com"),
        ("j.a.n.e.doe@googlemail.com", "janedoe@gmail.com"),
        ("jane+kz@outlook.com", "jane@outlook.com"),
        ("Jane.Doe+x@ProtonMail.com", "jane.doe@protonmail.com"),
    ],
)
def test_addresses_are_normalised_to_the_mailbox_they_reach(typed, normalised):
    assert normalise_email(typed) == normalised


def test_a_supporter_who_signs_twice_is_kept_once_and_told_they_already_signed(client, petition):
    client.post(sign_url(petition), signing_form_data(email="jane.doe@gmail.com", first_name="Jane"))
    second = client.post(
        sign_url(petition), signing_form_data(email=" Jane.Doe+again@GMAIL.com", first_name="Someone else")
    )

    assert second["Location"] == f"/petitions/{petition.slug}/check-your-email/"
    signature = Signature.objects.get()
    assert signature.first_name == "Jane"  # a second signing changes nothing already recorded
    assert len(mail.outbox) == 2
    assert "already signed" in mail.outbox[1].subject
    assert "You have already signed" in mail.outbox[1].body
    assert mail.outbox[1].to == ["jane.doe@gmail.com"]  # the address we hold, not the one just typed


def test_the_same_address_may_sign_different_petitions():
    first, second = factories.petition(), factories.petition()
    assert sign(first, email="both@example.org") is services.SigningOutcome.NEW
    assert sign(second, email="both@example.org") is services.SigningOutcome.NEW


def test_the_database_refuses_a_second_signature_for_the_same_mailbox(petition):
    from django.db import IntegrityError

    Signature.objects.create(petition=petition, first_name="A", email="x@gmail.com", country="GB")
    with pytest.raises(IntegrityError), transaction.atomic():
        Signature.objects.create(petition=petition, first_name="B", email="X+tag@Gmail.com", country="GB")


def test_a_form_with_mistakes_is_shown_again_with_messages_and_nothing_is_kept(client, petition):
    response = client.post(sign_url(petition), signing_form_data(email="not an address", country=""))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter a valid email address." in html
    assert 'value="Aigerim"' in html  # what they typed is kept in the form
    assert not Signature.objects.exists()
    assert mail.outbox == []


def test_what_one_visitor_typed_never_shows_in_the_next_visitors_form(client, petition):
    blank_before = Client().get(petition.get_absolute_url()).content.decode()
    client.post(sign_url(petition), signing_form_data(first_name="Zhanbolat", email="not an address"))
    blank_after = Client().get(petition.get_absolute_url()).content.decode()
    assert "Zhanbolat" not in blank_after and "is-invalid" not in blank_after
    assert 'name="first_name"' in blank_after and 'value="KZ"' in blank_after  # the form, countries and all
    assert blank_after.count("<option") == blank_before.count("<option") > 200


def test_a_closed_petition_shows_a_message_instead_of_the_form(client):
    petition = factories.petition(action_status=Petition.ActionStatus.CLOSED)
    html = client.get(petition.get_absolute_url()).content.decode()
    assert "no longer takes signatures" in html
    assert 'name="email"' not in html

    response = client.post(sign_url(petition), signing_form_data())
    assert response.status_code == 302
    assert response["Location"] == petition.get_absolute_url()
    assert not Signature.objects.exists()


def test_a_petition_past_its_deadline_is_closed(client):
    petition = factories.petition(deadline=timezone.localdate() - timedelta(days=1))
    assert not petition.is_open
    assert 'name="email"' not in client.get(petition.get_absolute_url()).content.decode()
    with pytest.raises(services.PetitionClosed):
        sign(petition)


def test_the_last_day_before_the_deadline_still_takes_signatures():
    petition = factories.petition(deadline=timezone.localdate())
    assert sign(petition) is services.SigningOutcome.NEW


def test_won_and_delivered_petitions_say_so():
    assert "was won" in str(factories.petition(action_status=Petition.ActionStatus.WON).closed_message)
    assert "handed in" in str(
        factories.petition(action_status=Petition.ActionStatus.DELIVERED).closed_message
    )


def test_unpublished_petitions_are_hidden_from_the_public(client):
    draft = factories.petition(status=DRAFT)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.post(sign_url(draft), signing_form_data()).status_code == 404


def test_editors_can_preview_an_unpublished_petition(client, editor):
    draft = factories.petition(status=DRAFT)
    client.force_login(editor)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "Preview: this draft is not published. Only editors can see it." in response.content.decode()
