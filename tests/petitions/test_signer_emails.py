"""The e-mails a signer gets carry only the campaign's words: whoever types an address into the
form cannot make the site mail it their own text, and no name can add lines to an e-mail."""

import re
import time
from unittest import mock
from urllib.parse import unquote

import pytest
from django.core import mail

from petitions import services, tokens
from petitions.models import Signature
from tests import factories
from tests.factories import sign, signing_form_data

pytestmark = pytest.mark.django_db(transaction=True)

PHISHING = "Visit http://phish.example/login to keep your account"


def sign_url(petition):
    return f"/petitions/{petition.slug}/sign/"


def everything_in(message):
    return f"{message.subject}\n{message.body}"


def days_later(days):
    return mock.patch("django.core.signing.time.time", return_value=time.time() + days * 86400)


def stranger_signs(client, petition, email, **fields):
    """Someone types a stranger's address into the form, with their own words in every field."""
    typed = {
        "first_name": PHISHING,
        "last_name": "http://phish.example/surname",
        "city_or_postcode": "http://phish.example/city",
        "comment": "http://phish.example/comment",
        **fields,
    }
    response = client.post(sign_url(petition), signing_form_data(email=email, **typed))
    assert response.status_code == 302


def test_the_confirmation_email_carries_nothing_the_person_who_typed_the_form_wrote(client, petition):
    stranger_signs(client, petition, "victim@example.org")

    (message,) = mail.outbox
    assert "phish.example" not in everything_in(message)
    assert message.body.startswith("Hello,\n")
    assert petition.title in message.subject  # the campaign's own words are there
    assert "/signatures/confirm/" in message.body


def test_no_email_to_a_signer_carries_a_name_whatever_the_reason_it_is_sent(client, petition, settings):
    settings.PETITIONS_EMAILS_PER_SIGNATURE_PER_HOUR = 10
    typed = {"first_name": PHISHING, "last_name": "http://phish.example/surname"}
    sign(petition, email="victim@example.org", **typed)  # signed
    sign(petition, email="VICTIM@example.org", **typed)  # signed again
    signature = Signature.objects.get(email="victim@example.org")
    with days_later(settings.PETITIONS_CONFIRMATION_LINK_DAYS + 1):  # a new link for an expired one
        client.post(f"/signatures/confirm/{tokens.confirmation_token(signature)}/new-link/")
    settings.PETITIONS_SIGNATURES_PER_IP_PER_HOUR = 0
    sign(petition, email="flagged@example.org", **typed)  # over the limit: held, e-mailed in its budget...
    settings.PETITIONS_SIGNATURES_PER_IP_PER_HOUR = 10
    services.accept_flagged(Signature.objects.flagged())  # ...then accepted by a manager (e-mailed again)
    services.confirm(tokens.confirmation_token(signature))
    sign(petition, email="victim@example.org", **typed)  # again, once confirmed

    assert len(mail.outbox) == 6
    for message in mail.outbox:
        assert "phish.example" not in everything_in(message)
        assert "Visit" not in everything_in(message)
        assert message.body.startswith("Hello,\n")


@pytest.mark.parametrize("field", ["first_name", "last_name", "city_or_postcode"])
@pytest.mark.parametrize(
    "typed",
    [
        "Tom\r\nBcc: victim@example.org",
        "Tom\nhttp://phish.example",
        "Tom\rSmith",
        "Tom\tSmith",
        "Tom\x0bSmith",
        "Tom\x1b[31mSmith",
        "Tom\x85Smith",
        "Tom\u2028Smith",
        "Tom\u2029Smith",
        "Tom\u202ehtims",
    ],
    ids=["crlf", "lf", "cr", "tab", "vertical-tab", "escape", "next-line", "line-sep", "para-sep", "bidi"],
)
def test_a_name_or_city_with_a_line_break_or_control_character_is_refused_with_a_clear_message(
    client, petition, field, typed
):
    response = client.post(sign_url(petition), signing_form_data(email="tom@example.org", **{field: typed}))

    assert response.status_code == 200
    assert "Write this on one line, without line breaks or invisible control characters." in (
        response.content.decode()
    )
    assert not Signature.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize("typed", ["Free them!\r\nAll of them.\n\nNow.", "Tabs\tare fine"])
def test_a_comment_may_have_line_breaks(client, petition, typed):
    client.post(sign_url(petition), signing_form_data(email="tom@example.org", comment=typed))
    assert Signature.objects.get().comment.replace("\r\n", "\n") == typed.replace("\r\n", "\n")


@pytest.mark.parametrize("typed", ["Free them\x1b[2J", "Free them\x07", "Free them\u202e"])
def test_a_comment_with_a_control_character_is_refused(client, petition, typed):
    response = client.post(sign_url(petition), signing_form_data(email="tom@example.org", comment=typed))
    assert response.status_code == 200
    assert "Remove the invisible control characters from this text." in response.content.decode()
    assert not Signature.objects.exists()


def test_names_in_every_script_are_welcome(client, petition):
    names = {
        "first_name": "Әйгерім",
        "last_name": "O'Neill-Nurlanqyzy",
        "city_or_postcode": "Ust-Kamenogorsk / Өскемен",
    }
    client.post(sign_url(petition), signing_form_data(email="a@example.org", **names))
    signature = Signature.objects.get()
    assert (signature.first_name, signature.last_name, signature.city_or_postcode) == tuple(names.values())
    persian = "\u0645\u062d\u0645\u062f\u200c\u0631\u0636\u0627"  # with a zero-width non-joiner
    client.post(sign_url(petition), signing_form_data(email="b@example.org", first_name=persian))
    assert Signature.objects.get(email="b@example.org").first_name == persian


def test_subjects_and_bodies_are_plain_text_never_html_escaped(petition):
    petition.title = 'Kazakhstan\'s workers & "their" <unions>'
    petition.save()

    sign(petition, email="tom@example.org")
    sign(petition, email="tom@example.org")

    for message in mail.outbox:
        assert 'Kazakhstan\'s workers & "their" <unions>' in message.subject
        assert 'Kazakhstan\'s workers & "their" <unions>' in message.body
        assert "&#x27;" not in everything_in(message) and "&amp;" not in everything_in(message)
        assert "\n" not in message.subject


def test_the_letter_tool_refuses_a_name_or_town_on_several_lines(client):
    factories.embassy("DE")
    appeal = factories.appeal("No closure in Zhezkazgan", addressees=[factories.central_addressee()])

    page = client.get(
        appeal.get_absolute_url(), {"country": "DE", "name": "Ann\r\nBcc: x@example.org", "town": "Cork\x1b"}
    ).content.decode()

    assert page.count("Write this on one line, without line breaks or invisible control characters.") == 2
    sheet = page[
        page.index('class="letter-sheet"') : page.index("</article>", page.index('class="letter-sheet"'))
    ]
    assert "Bcc" not in sheet and "Cork" not in sheet
    assert "[Your name]" in sheet  # the letter is still there, without the refused parts
    assert "Bcc" not in unquote(re.search(r'class="[^"]*\bjs-mailto\b[^"]*" href="([^"]*)"', page).group(1))
