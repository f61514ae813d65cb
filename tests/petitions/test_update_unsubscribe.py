"""Every update carries a one-click unsubscribe mail providers honour (RFC 8058) and a link to
a page that asks first. Opening a link changes nothing; an unsubscribed signer is never
mailed an update again (about that item, or at all)."""

import re
from urllib.parse import urlsplit

import pytest
from django.test import Client

from outbox.addresses import address_key
from petitions.models import Signature, Unsubscription
from tests import factories

from .updating import recipients_of, send_completely, update_emails, without_caps

# Committed for real: the tasks queued after commit run, as in production.
pytestmark = pytest.mark.django_db(transaction=True)

LINK = re.compile(r"https?://\S+(/updates/unsubscribe/\S+/)")


@pytest.fixture(autouse=True)
def _no_caps(settings):
    without_caps(settings)


@pytest.fixture
def petition(db):
    return factories.petition()


@pytest.fixture
def first_update(petition, editor):
    factories.signer(petition, email="leaving@example.org")
    factories.signer(petition, email="staying@example.org")
    return send_completely(factories.update(petition=petition), editor)


def message_to(address, subject="The petition was handed in"):
    return next(message for message in update_emails(subject) if address in message.to)


def unsubscribe_path(message):
    return LINK.search(message.body).group(1)


def one_click_path(message):
    return urlsplit(message.extra_headers["List-Unsubscribe"].split(",")[0].strip("<> ")).path


def test_every_update_carries_the_one_click_headers_and_a_visible_link(first_update, settings):
    message = message_to("leaving@example.org")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    header = message.extra_headers["List-Unsubscribe"]
    assert header.startswith(f"<{settings.SITE_URL}/updates/unsubscribe/") and header.endswith("/one-click/>")
    assert "To receive no more of these e-mails, open this link:" in message.body
    assert unsubscribe_path(message) in message.alternatives[0][0]


def test_the_mailto_target_is_offered_when_configured(petition, editor, settings):
    settings.OUTBOX_UNSUBSCRIBE_MAILTO = "unsubscribe@campaign.example"
    factories.signer(petition, email="someone@example.org")
    send_completely(factories.update(petition=petition), editor)
    header = message_to("someone@example.org").extra_headers["List-Unsubscribe"]
    assert header.endswith(", <mailto:unsubscribe@campaign.example?subject=unsubscribe>")


def test_opening_either_link_changes_nothing(first_update, client):
    message = message_to("leaving@example.org")
    page = client.get(unsubscribe_path(message))
    assert page.status_code == 200
    assert "Nothing changes until you do." in page.text
    one_click = client.get(one_click_path(message))
    assert one_click.status_code == 302 and one_click["Location"] == unsubscribe_path(message)
    client.head(unsubscribe_path(message))
    assert not Unsubscription.objects.exists()
    assert Signature.objects.filter(email="leaving@example.org", wants_updates=True).exists()


def test_the_one_click_post_works_without_cookie_or_csrf_token(first_update, petition, editor):
    provider = Client(enforce_csrf_checks=True)  # a mail provider's server: no cookie, no token
    response = provider.post(
        one_click_path(message_to("leaving@example.org")),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not Signature.objects.get(email="leaving@example.org").wants_updates

    send_completely(factories.update(petition=petition, subject="A second update"), editor)
    assert recipients_of("A second update") == ["staying@example.org"]


def test_the_page_form_refuses_a_post_from_another_site(first_update):
    path = unsubscribe_path(message_to("leaving@example.org"))
    assert (
        factories.browser(headers=factories.CROSS_SITE).post(path, {"scope": "everything"}).status_code == 403
    )
    assert not Unsubscription.objects.exists()
    # The same button pressed on the site's own page works, with no cookie or token.
    assert factories.browser().post(path, {"scope": "everything"}).status_code == 200
    assert Unsubscription.objects.exists()


def test_unsubscribed_from_the_item_gets_no_more_updates_about_it_but_others_still(
    first_update, petition, editor, client
):
    other_petition = factories.petition()
    factories.signer(other_petition, email="leaving@example.org")
    path = unsubscribe_path(message_to("leaving@example.org"))
    client.get(path)
    response = client.post(path, {"scope": "item"})
    assert response.status_code == 200
    assert "We will send you no more updates about" in response.text
    assert Signature.objects.get(
        petition=petition, email="leaving@example.org"
    ).wants_updates  # only this item

    send_completely(factories.update(petition=petition, subject="More news on this one"), editor)
    send_completely(factories.update(petition=other_petition, subject="News on another"), editor)
    assert recipients_of("More news on this one") == ["staying@example.org"]
    assert recipients_of("News on another") == ["leaving@example.org"]


def test_unsubscribed_from_everything_gets_no_update_ever_and_no_longer_wants_news(
    first_update, petition, editor, client
):
    other_petition = factories.petition()
    factories.signer(other_petition, email="Leaving@Example.org")
    path = unsubscribe_path(message_to("leaving@example.org"))
    client.get(path)
    client.post(path, {"scope": "everything"})
    client.post(path, {"scope": "everything"})  # twice: harmless

    assert not Signature.objects.filter(email_normalised="leaving@example.org", wants_updates=True).exists()
    assert list(Unsubscription.objects.values_list("address_key", "item_key")) == [
        (address_key("leaving@example.org"), "")
    ]
    # Even should a signature of theirs still say yes (signed again, ticking the box by habit).
    Signature.objects.filter(petition=other_petition).update(wants_updates=True)
    send_completely(factories.update(petition=petition, subject="Later news"), editor)
    send_completely(factories.update(petition=other_petition, subject="Other news"), editor)
    assert recipients_of("Later news") == ["staying@example.org"]
    assert recipients_of("Other news") == []


def test_unsubscribing_stops_the_emails_already_waiting_in_the_outbox(petition, editor, client, settings):
    from petitions import updates
    from tests.outbox.delivery import DATABASE_TASKS

    from .updating import drain, start_sending

    settings.TASKS = DATABASE_TASKS
    factories.signer(petition, email="leaving@example.org")
    first = send_completely(factories.update(petition=petition), editor)
    second = start_sending(factories.update(petition=petition, subject="Waiting news"), editor)
    updates.advance(second.pk)  # in the outbox, not sent yet
    path = unsubscribe_path(message_to("leaving@example.org"))
    client.post(path, {"scope": "everything"})

    drain()
    assert recipients_of("Waiting news") == []
    assert updates.progress(second)["skipped"] == 1
    assert first.status == "sent"


def test_a_forged_or_cut_link_is_refused_and_changes_nothing(first_update, client):
    path = unsubscribe_path(message_to("leaving@example.org"))
    assert client.get(path[:-5] + "/").status_code == 404
    assert client.post(path[:-5] + "/", {"scope": "everything"}).status_code == 404
    assert Client().post("/updates/unsubscribe/1.abc:forged/one-click/").status_code == 404
    assert not Unsubscription.objects.exists()
