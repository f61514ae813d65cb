import enum

from django.db import transaction
from django.db.models import F

from .models import Appeal

# Which appeals this browser has reported a letter for: appeal ids only, nothing about the
# supporter. `session` below is any dict-like memory of the browser: the view passes what the
# browser's own cookie holds (appeals/cookies.py), so no server-side session is created.
SENT_SESSION_KEY = "appeals_letters_sent"


class LetterSent(enum.Enum):
    COUNTED = "counted"
    ALREADY_COUNTED = "already_counted"
    CLOSED = "closed"


def has_recorded_letter(appeal, session):
    """Whether this browser has already said "I sent it" for `appeal`."""
    return appeal.pk in session.get(SENT_SESSION_KEY, [])


def record_letter_sent(appeal, session):
    """Add one to the appeal's count of letters sent, once per browser session.

    Idempotent per session: a second call for the same appeal changes nothing and returns
    ALREADY_COUNTED. A closed or won appeal is not counted (CLOSED). The increment is a
    single UPDATE with F(), so simultaneous supporters never overwrite each other's count.
    """
    if has_recorded_letter(appeal, session):
        return LetterSent.ALREADY_COUNTED
    if not appeal.is_open:
        return LetterSent.CLOSED
    with transaction.atomic():
        Appeal.objects.filter(pk=appeal.pk).update(letters_sent=F("letters_sent") + 1)
    session[SENT_SESSION_KEY] = [*session.get(SENT_SESSION_KEY, []), appeal.pk]
    return LetterSent.COUNTED
