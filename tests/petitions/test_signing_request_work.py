"""A signing request does only what cannot wait: the signature, its e-mail row and the
e-mail's delivery task, in one transaction; the worker writes the e-mail, in the signer's
language."""

import pytest
from django.core import mail
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django_tasks_db.models import DBTaskResult

from outbox.models import OutgoingEmail
from petitions import services
from petitions.models import Signature
from tests import factories
from tests.outbox.delivery import DATABASE_TASKS, queued_deliveries, run_worker

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def worker_queue(settings):
    """Tasks wait in the database for the worker, as in production."""
    settings.TASKS = DATABASE_TASKS


def test_the_request_stores_who_and_why_and_the_worker_writes_the_email(worker_queue):
    petition = factories.petition(title="Free the oil workers")
    factories.sign(petition, email="aigerim@example.org")

    email = OutgoingEmail.objects.get(to="aigerim@example.org")
    signature = Signature.objects.get(email="aigerim@example.org")
    assert (email.subject, email.body) == ("", "")
    assert email.writer == services.SIGNER_EMAIL_WRITER
    assert email.writer_context == {"signature": signature.pk, "reason": "signed"}
    assert queued_deliveries().count() == 1

    run_worker()
    [message] = mail.outbox
    assert message.to == ["aigerim@example.org"]
    assert "Free the oil workers" in message.subject
    assert "/signatures/confirm/" in message.body
    written = OutgoingEmail.objects.get(pk=email.pk)
    assert written.is_sent
    assert (written.subject, written.body) == (message.subject, message.body)  # kept as sent


def test_the_signature_its_email_and_the_delivery_task_are_kept_or_rolled_back_together(worker_queue):
    petition = factories.petition()

    class Abort(Exception):
        pass

    with pytest.raises(Abort), transaction.atomic():
        factories.sign(petition, email="rolled-back@example.org")
        assert DBTaskResult.objects.count() == 1  # queued inside the signing's transaction
        raise Abort
    assert not Signature.objects.exists()
    assert not OutgoingEmail.objects.exists()
    assert not DBTaskResult.objects.exists()


def test_signing_is_one_transaction_of_five_statements_with_its_email_and_delivery_task(worker_queue):
    petition = factories.petition()
    factories.sign(petition, email="warm-up@example.org")  # content types and the like, cached
    with CaptureQueriesContext(connection) as queries:
        services.sign(petition, client_ip="198.51.100.7", **factories.supporter())
    statements = [query["sql"].split()[0].upper() for query in queries.captured_queries]
    # Both counters in one INSERT; the signature's INSERT and SELECT; the e-mail; its task.
    assert statements == ["BEGIN", "INSERT", "INSERT", "SELECT", "INSERT", "INSERT", "COMMIT"]


def test_the_worker_writes_a_signers_email_in_the_language_they_signed_in(worker_queue):
    petition = factories.petition()
    with translation.override("ru"):
        factories.sign(petition, email="aigul@example.org")
    with translation.override("en"):  # whatever the worker's own language
        run_worker()
    [message] = mail.outbox
    with translation.override("ru"):
        expected = services._signer_email(Signature.objects.get(email="aigul@example.org"), "signed")
    with translation.override("en"):
        in_english = services._signer_email(Signature.objects.get(email="aigul@example.org"), "signed")
    assert message.subject == expected["subject"]
    assert Signature.objects.get(email="aigul@example.org").language == "ru"
    assert in_english == expected  # the signer's language, not the one active when written


def test_an_email_whose_signature_was_anonymised_before_it_was_written_is_not_sent(worker_queue):
    petition = factories.petition()
    factories.sign(petition, email="gone@example.org")
    Signature.objects.update(anonymised_at=petition.created_at)
    run_worker()
    assert mail.outbox == []
    assert not OutgoingEmail.objects.exists()
