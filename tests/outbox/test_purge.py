"""E-mails hold people's addresses and live links: once delivered, they are deleted after a while."""

from datetime import timedelta

import pytest
from django.utils import timezone

from outbox import tasks
from outbox.models import OutgoingEmail

from .delivery import write_email

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_purge_deletes_emails_sent_long_ago_but_keeps_recent_and_unsent_ones(
    immediate_tasks, settings, mail_server_down
):
    settings.EMAIL_OUTBOX_RETENTION_DAYS = 7
    for address in ("old@example.org", "recent@example.org", "unsent@example.org"):
        write_email(address)
    OutgoingEmail.objects.exclude(to="unsent@example.org").update(sent_at=timezone.now())
    OutgoingEmail.objects.exclude(to="recent@example.org").update(
        created_at=timezone.now() - timedelta(days=8)
    )

    assert tasks.purge_old_emails.call() == 1
    assert sorted(OutgoingEmail.objects.values_list("to", flat=True)) == [
        "recent@example.org",
        "unsent@example.org",
    ]
    assert tasks.purge_old_emails.call() == 0  # idempotent


def test_the_purge_deletes_emails_given_up_long_ago(immediate_tasks, settings, mail_server_down):
    settings.EMAIL_OUTBOX_RETENTION_DAYS = 7
    settings.EMAIL_RETRY_MAX_ATTEMPTS = 1
    write_email("unreachable@example.org")
    OutgoingEmail.objects.update(created_at=timezone.now() - timedelta(days=8))
    assert OutgoingEmail.objects.given_up().exists()

    assert tasks.purge_old_emails.call() == 1
    assert not OutgoingEmail.objects.exists()
