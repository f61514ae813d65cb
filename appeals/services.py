import enum

from django.conf import settings
from django.db import transaction
from django.db.models import F

from publishing import limits

from .models import Appeal

# Which appeals this browser has reported a letter for: appeal ids only, nothing about the
# supporter. `session` below is any dict-like memory of the browser: the view passes what the
# browser's own cookie holds (appeals/cookies.py), so no server-side session is created.
SENT_SESSION_KEY = "appeals_letters_sent"


class LetterSent(enum.Enum):
    COUNTED = "counted"
    ALREADY_COUNTED = "already_counted"
    CLOSED = "closed"
    # Past the hourly limit for one network address: not counted. Answer it as COUNTED, so
    # that a script inflating the count learns nothing.
    OVER_LIMIT = "over_limit"


def has_recorded_letter(appeal, session):
    """Whether this browser has already said "I sent it" for `appeal`."""
    return appeal.pk in session.get(SENT_SESSION_KEY, [])


def _over_limit(client_ip):
    """Record one report from `client_ip`; True once it passes the hourly limit. An unknown
    address (empty) is never limited: it would lump unrelated supporters together."""
    if not client_ip:
        return False
    return limits.count("appeals.letter", client_ip) > settings.APPEALS_LETTERS_PER_IP_PER_HOUR


def record_letter_sent(appeal, session, client_ip=""):
    """Add one to the appeal's count of letters sent, once per browser session.

    Idempotent per session: a second call for the same appeal changes nothing and returns
    ALREADY_COUNTED. A closed or won appeal is not counted (CLOSED). Past
    APPEALS_LETTERS_PER_IP_PER_HOUR reports from one network address in an hour (a script
    with a fresh session each time), nothing is counted (OVER_LIMIT) but the browser is
    remembered all the same. The increment is a single UPDATE with F(), so simultaneous
    supporters never overwrite each other's count.
    """
    if has_recorded_letter(appeal, session):
        return LetterSent.ALREADY_COUNTED
    if not appeal.is_open:
        return LetterSent.CLOSED
    result = LetterSent.OVER_LIMIT if _over_limit(client_ip) else LetterSent.COUNTED
    if result is LetterSent.COUNTED:
        with transaction.atomic():
            Appeal.objects.filter(pk=appeal.pk).update(letters_sent=F("letters_sent") + 1)
    session[SENT_SESSION_KEY] = [*session.get(SENT_SESSION_KEY, []), appeal.pk]
    return result


def close_with_outcome(appeals, *, outcome, outcome_on, message):
    """Close those of `appeals` that are open, with what happened (a prisoner released...):
    their pages tell the outcome instead of offering the letter, and letters are no longer
    counted. The count so far stays. Returns the appeals it closed."""
    return list(appeals.close_with_outcome(outcome=outcome, outcome_on=outcome_on, message=message))
