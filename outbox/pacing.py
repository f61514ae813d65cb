"""The mail provider's caps: at most OUTBOX_RATE_PER_MINUTE e-mails a minute and
OUTBOX_RATE_PER_DAY a day, for every e-mail the outbox sends, whichever worker sends it.

Each send first takes a slot (`take_slot`): one more on the current minute's and day's rows
(SendingWindow), under a row lock, so that workers on several machines share one count. Bulk
mail (updates) may fill only OUTBOX_BULK_SHARE_PERCENT of each window: the rest is kept for
transactional mail (confirmation links), which someone is waiting for. An update to 100,000
people therefore never holds a confirmation back by more than the time it takes to send it.

Windows are calendar minutes and UTC days, as providers count them. A slot taken by a worker
that then dies is lost, which errs on the safe side of the cap.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from .models import Priority, SendingWindow

WINDOWS = {
    SendingWindow.Kind.MINUTE: timedelta(minutes=1),
    SendingWindow.Kind.DAY: timedelta(days=1),
}


def now():
    """The clock the caps are counted by (tests set it to a fixed time)."""
    return timezone.now()


def caps(priority):
    """{window kind: the most e-mails of this priority that window may hold} (caps of 0 left out)."""
    full = {
        SendingWindow.Kind.MINUTE: settings.OUTBOX_RATE_PER_MINUTE,
        SendingWindow.Kind.DAY: settings.OUTBOX_RATE_PER_DAY,
    }
    if priority == Priority.BULK:
        full = {
            kind: max(cap * settings.OUTBOX_BULK_SHARE_PERCENT // 100, 1) for kind, cap in full.items() if cap
        }
    return {kind: cap for kind, cap in full.items() if cap}


def window_start(kind, moment):
    utc = moment.astimezone(timezone.get_fixed_timezone(0))
    if kind == SendingWindow.Kind.MINUTE:
        return utc.replace(second=0, microsecond=0)
    return utc.replace(hour=0, minute=0, second=0, microsecond=0)


def take_slot(priority, moment=None):
    """Count one e-mail of `priority` against the caps. Returns None when it may be sent now,
    or the time when the window that is full ends (nothing is counted then)."""
    moment = moment or now()
    limits = caps(priority)
    if not limits:
        return None
    starts = {kind: window_start(kind, moment) for kind in limits}
    with transaction.atomic():
        SendingWindow.objects.bulk_create(
            [SendingWindow(kind=kind, starts_at=start) for kind, start in starts.items()],
            ignore_conflicts=True,
        )
        which = models.Q()
        for kind, start in starts.items():
            which |= models.Q(kind=kind, starts_at=start)
        # Locked in one order (day before minute), so two workers never wait on each other in a circle.
        windows = list(SendingWindow.objects.select_for_update().filter(which).order_by("kind"))
        for window in windows:
            if window.sent >= limits[window.kind]:
                return starts[window.kind] + WINDOWS[window.kind]
        SendingWindow.objects.filter(pk__in=[window.pk for window in windows]).update(
            sent=models.F("sent") + 1
        )
    return None


def give_back(priority, moment):
    """Undo `take_slot(priority, moment)` when the slot was not used (there was nothing to send)."""
    limits = caps(priority)
    which = models.Q(pk__in=[])
    for kind in limits:
        which |= models.Q(kind=kind, starts_at=window_start(kind, moment))
    SendingWindow.objects.filter(which, sent__gt=0).update(sent=models.F("sent") - 1)


def sent_in_window(kind, moment=None):
    """How many e-mails the window holding `moment` has counted (for the admin and the bench)."""
    window = SendingWindow.objects.filter(kind=kind, starts_at=window_start(kind, moment or now())).first()
    return window.sent if window else 0


def purge_before(cutoff):
    """Delete windows that ended before `cutoff`."""
    return SendingWindow.objects.filter(starts_at__lt=cutoff - timedelta(days=1)).delete()[0]
