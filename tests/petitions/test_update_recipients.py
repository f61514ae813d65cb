"""An update reaches each confirmed signer who asked for news once, in their language, and
nobody else."""

import pytest
from django.core import mail

from outbox.models import OutgoingEmail
from petitions.models import UpdateRecipient
from tests import factories

from .updating import recipients_of, send_completely, update_emails, without_caps

# Committed for real: the tasks queued after commit run, as in production.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _no_caps(settings):
    without_caps(settings)


def test_each_opted_in_confirmed_signer_gets_the_update_once_and_nobody_else_gets_it(db, editor):
    petition = factories.petition()
    wanted = [factories.signer(petition).email for _ in range(5)]
    factories.signer(petition, email="no-news@example.org", wants_updates=False)
    factories.signer(petition, email="unconfirmed@example.org", confirmed=False)
    factories.signer(factories.petition(), email="other-petition@example.org")

    send_completely(factories.update(petition=petition), editor)

    assert recipients_of() == sorted(wanted)


def test_a_mailbox_that_signed_several_linked_petitions_gets_an_appeal_update_once(db, editor):
    appeal = factories.appeal()
    first, second = factories.petition(), factories.petition()
    first.posts.add(appeal)
    second.posts.add(appeal)
    factories.signer(first, email="Aigerim.Bekova@gmail.com")
    factories.signer(second, email="aigerimbekova+news@gmail.com")  # the same mailbox
    factories.signer(second, email="dana@example.org")
    factories.signer(factories.petition(), email="unlinked@example.org")

    update = send_completely(factories.update(appeal=appeal), editor)

    assert len(recipients_of()) == 2
    assert "dana@example.org" in recipients_of()
    assert update.recipients.count() == 2


def test_an_update_about_a_prisoner_reaches_the_signers_of_the_petitions_for_them(db, editor):
    prisoner = factories.prisoner()
    petition = factories.petition()
    petition.prisoners.add(prisoner)
    factories.signer(petition, email="for-her@example.org")
    factories.signer(factories.petition(), email="someone-else@example.org")

    send_completely(factories.update(prisoner=prisoner), editor)

    assert recipients_of() == ["for-her@example.org"]


def test_the_database_refuses_a_second_recipient_row_for_one_address(db):
    from django.db import IntegrityError, transaction

    update = factories.update()
    signature = factories.signer(update.petition)
    UpdateRecipient.objects.create(update=update, signature=signature, address_key="k" * 64, language="en")
    with pytest.raises(IntegrityError), transaction.atomic():
        UpdateRecipient.objects.create(
            update=update, signature=signature, address_key="k" * 64, language="en"
        )


def test_each_recipient_reads_the_update_in_their_language_with_plain_text_and_html(db, editor):
    petition = factories.petition()
    factories.signer(petition, email="russian@example.org", language="ru")
    factories.signer(petition, email="kazakh@example.org", language="kk")

    send_completely(factories.update(petition=petition), editor)

    by_address = {message.to[0]: message for message in update_emails()}
    footer = {
        "ru": "Вы получили это письмо, потому что подписали петицию",
        "kk": "Бұл хатты сіз петицияға қол қойып",
    }
    for address, language in [("russian@example.org", "ru"), ("kazakh@example.org", "kk")]:
        message = by_address[address]
        html, mime = message.alternatives[0]
        assert mime == "text/html"
        assert f'<html lang="{language}">' in html
        assert footer[language] in message.body and footer[language] in html
        # The plain text is the editor's text, laid out, with the link's address spelled out.
        assert "We handed in 12,000 signatures. Read the report (https://example.org/report)." in message.body
        assert "- Thank you" in message.body
        assert "<strong>" not in message.body


def test_the_progress_counts_every_recipient_as_sent_at_the_end(db, editor):
    from petitions import updates

    petition = factories.petition()
    for _ in range(3):
        factories.signer(petition)
    update = send_completely(factories.update(petition=petition), editor)

    progress = updates.progress(update)
    assert (progress["sent"], progress["total"], progress["queued"], progress["in_outbox"]) == (3, 3, 0, 0)
    assert OutgoingEmail.objects.bulk().sent().count() == 3


def test_an_address_that_bounced_or_complained_is_not_sent_the_update_and_counts_as_bounced(db, editor):
    from outbox.models import SuppressedAddress
    from petitions import updates

    petition = factories.petition()
    factories.signer(petition, email="gone@example.org")
    factories.signer(petition, email="here@example.org")
    update = factories.update(petition=petition)
    SuppressedAddress.suppress("Gone@Example.org", reason=SuppressedAddress.Reason.BOUNCE)

    send_completely(update, editor)

    assert recipients_of() == ["here@example.org"]
    assert updates.progress(update)["bounced"] == 1


def test_each_recipient_gets_the_version_in_their_language_or_the_english_one(db, editor):
    petition = factories.petition()
    factories.signer(petition, email="russian@example.org", language="ru")
    factories.signer(petition, email="kazakh@example.org", language="kk")
    factories.signer(petition, email="english@example.org", language="en")
    update = factories.update(
        petition=petition,
        subject_ru="Петиция передана",
        body_ru="<p>Мы передали <strong>12 000</strong> подписей.</p>",
    )

    send_completely(update, editor)

    by_address = {message.to[0]: message for message in mail.outbox}
    russian = by_address["russian@example.org"]
    assert russian.subject == "Петиция передана"
    assert "Мы передали 12 000 подписей." in russian.body
    assert "/ru/updates/unsubscribe/" in russian.body  # the page that asks, in Russian
    # No Kazakh version: the English one, with the footer in Kazakh.
    kazakh = by_address["kazakh@example.org"]
    assert kazakh.subject == "The petition was handed in"
    assert "We handed in 12,000 signatures." in kazakh.body
    assert "Бұл хатты сіз петицияға қол қойып" in kazakh.body
    assert by_address["english@example.org"].subject == "The petition was handed in"
