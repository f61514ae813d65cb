"""The mail provider's caps hold for all outbox mail: at most OUTBOX_RATE_PER_MINUTE e-mails a
minute and OUTBOX_RATE_PER_DAY a day. Bulk mail (updates) uses only its share of each, so a
confirmation link still goes out while an update to many people waits. Counted with a fixed
clock, never by timing."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.db import transaction

from outbox import pacing
from outbox.models import OutgoingEmail, SendingWindow
from outbox.services import send_bulk_later
from outbox.tasks import deliver_bulk_emails, deliver_email

from .delivery import write_email

NOON = datetime(2026, 3, 12, 12, 0, 10, tzinfo=UTC)


@pytest.fixture
def clock(monkeypatch):
    """A clock the test moves by hand."""
    moment = {"now": NOON}
    monkeypatch.setattr(pacing, "now", lambda: moment["now"])

    def move_to(when):
        moment["now"] = when

    return move_to


@pytest.fixture
def caps(settings, worker_queue):
    settings.OUTBOX_RATE_PER_MINUTE = 10
    settings.OUTBOX_RATE_PER_DAY = 40
    settings.OUTBOX_BULK_SHARE_PERCENT = 80  # updates: 8 a minute, 32 a day


def write_bulk(how_many):
    with transaction.atomic():
        send_bulk_later(
            [
                {"to": f"reader{number}@example.org", "subject": "News", "body": "News.", "about_id": None}
                for number in range(how_many)
            ],
            about_model=OutgoingEmail,
        )


def drain():
    return deliver_bulk_emails.call().get("sent", 0)


def test_bulk_mail_goes_at_its_share_of_the_rate_a_minute(db, caps, clock):
    write_bulk(30)
    assert drain() == 8
    assert drain() == 0  # the same minute: nothing more
    clock(NOON + timedelta(minutes=1))
    assert drain() == 8
    clock(NOON.replace(second=59) + timedelta(minutes=1))  # still 12:01
    assert drain() == 0
    clock(NOON + timedelta(minutes=2))
    assert drain() == 8
    assert len(mail.outbox) == 24
    assert pacing.sent_in_window(SendingWindow.Kind.DAY) == 24


def test_confirmations_still_go_when_bulk_mail_has_used_its_share(db, caps, clock):
    write_bulk(30)
    assert drain() == 8
    confirmations = [write_email(f"signer{number}@example.org") for number in range(3)]
    outcomes = [deliver_email.call(email.pk) for email in confirmations]
    assert outcomes == ["sent", "sent", "over the cap"]  # the reserved two of the ten
    waiting = OutgoingEmail.objects.get(pk=confirmations[2].pk)
    assert waiting.attempts == 0  # waiting for the cap costs no attempt
    assert waiting.available_at == NOON.replace(second=0) + timedelta(minutes=1)


def test_the_daily_cap_holds_across_minutes_until_the_next_day(db, caps, clock):
    write_bulk(50)
    sent = 0
    for minute in range(10):
        clock(NOON + timedelta(minutes=minute))
        sent += drain()
    assert sent == 32  # the bulk share of 40 a day
    clock(NOON.replace(hour=0, minute=0) + timedelta(days=1))
    assert drain() == 8


def test_no_cap_when_the_rates_are_zero(db, settings, worker_queue, clock):
    settings.OUTBOX_RATE_PER_MINUTE = 0
    settings.OUTBOX_RATE_PER_DAY = 0
    write_bulk(25)
    assert drain() == 25
