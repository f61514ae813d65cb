"""The admin's lockout: django-axes' database handler, with a second limit per account.

django-axes counts wrong passwords per username and address (AXES_LOCKOUT_PARAMETERS): five
from one address lock that address out of that account for an hour, but guesses spread over
many addresses were never throttled, and the right password from another address went
straight in. This adds a limit per account, across addresses: AXES_ACCOUNT_FAILURE_LIMIT wrong
passwords from anywhere lock the account everywhere until AXES_ACCOUNT_COOLOFF_MINUTES have
passed since the last one. It is higher than the limit per address and much shorter, so that a
stranger who knows an editor's username cannot lock them out with a handful of tries, nor for
long; guessing is held to a few dozen passwords an hour per account (README, "Who may do what").
"""

from datetime import timedelta

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.utils import timezone


def account_failures(username, now):
    """Wrong passwords for `username`, from any address, in the attempts still recent: those
    whose last failure came within AXES_ACCOUNT_COOLOFF_MINUTES."""
    since = now - timedelta(minutes=settings.AXES_ACCOUNT_COOLOFF_MINUTES)
    recent = AccessAttempt.objects.filter(username=username, attempt_time__gte=since)
    return recent.aggregate(total=Sum("failures_since_start"))["total"] or 0


class AccountLimitHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None):
        """The failures that decide a lockout, as django-axes reads them: those of this username
        from this address, raised to the lockout limit when the account's own limit is reached."""
        failures = super().get_failures(request, credentials)
        username = get_client_username(request, credentials)
        if username is None:
            return failures
        now = getattr(request, "axes_attempt_time", None) or timezone.now()
        if account_failures(username, now) >= settings.AXES_ACCOUNT_FAILURE_LIMIT:
            return max(failures, get_failure_limit(request, credentials))
        return failures
