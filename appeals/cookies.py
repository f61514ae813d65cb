"""What a supporter's browser remembers for the site: the appeals it said "I sent it" for.

A signed cookie holding appeal numbers only, sent back only to appeal pages, gone when the
browser closes and ignored after SESSION_COOKIE_AGE (as long as a session would have lasted).
So "I sent it" counts once per browser without the site keeping anything: no session row.
"""

from django.conf import settings
from django.urls import reverse

LETTERS_SENT_COOKIE = "letters_sent"


def _appeal_pages():
    """The path under which every appeal's page lies (/appeals/): only they read the cookie."""
    return reverse("appeals:appeal_detail", kwargs={"slug": "x"}).removesuffix("x/")


def letters_sent(request):
    """The ids of the appeals this browser said it sent a letter for (forged or old: none)."""
    value = request.get_signed_cookie(LETTERS_SENT_COOKIE, default="", max_age=settings.SESSION_COOKIE_AGE)
    return [int(part) for part in value.split(",") if part.isascii() and part.isdigit()]


def remember_letters_sent(response, appeal_ids):
    response.set_signed_cookie(
        LETTERS_SENT_COOKIE,
        ",".join(str(appeal_id) for appeal_id in appeal_ids),
        path=_appeal_pages(),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
