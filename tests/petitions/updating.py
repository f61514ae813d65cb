"""Sending an update as the site does, and reading what its recipients got."""

from django.core import mail
from django.db import transaction

from outbox import tasks as outbox_tasks
from petitions import updates
from petitions.models import Update


def start_sending(update, user=None):
    """The editor's confirmed "Send": the request queues the work (run at once by these tests' tasks)."""
    with transaction.atomic():
        assert updates.request_send(update, user=user)
    update.refresh_from_db()
    return update


def drain():
    """Run the outbox's bulk drain until it has nothing more it may send now."""
    outcomes = {}
    while True:
        ran = outbox_tasks.deliver_bulk_emails.call()
        for outcome, how_many in ran.items():
            outcomes[outcome] = outcomes.get(outcome, 0) + how_many
        if not ran:
            return outcomes


def send_completely(update, user=None):
    """Send the update to the end, as the worker would over time."""
    start_sending(update, user)
    while updates.advance(update.pk):
        drain()
    update.refresh_from_db()
    assert update.status == Update.Status.SENT
    return update


def update_emails(subject="The petition was handed in"):
    return [message for message in mail.outbox if subject in message.subject]


def recipients_of(subject="The petition was handed in"):
    """Every address the update reached, once per e-mail (a repeat shows twice)."""
    return sorted(address for message in update_emails(subject) for address in message.to)


def without_caps(settings):
    """No provider caps, so that a test sees every e-mail go at once (pacing has its own tests)."""
    settings.OUTBOX_RATE_PER_MINUTE = 0
    settings.OUTBOX_RATE_PER_DAY = 0
