"""Limits against floods, kept in the cache for an hour and never in the database.

The client's IP address is used only as an HMAC-SHA256 keyed with a secret derived from
SECRET_KEY and the current hour: it cannot be read back, and keys from different hours
cannot be linked. With Redis (REDIS_URL) the limits hold across app servers.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

WINDOW_SECONDS = 3600


def _current_window():
    return int(time.time() // WINDOW_SECONDS)


def _hit(key):
    """Add one to the counter under `key` for this window and return the new value."""
    cache.add(key, 0, timeout=WINDOW_SECONDS + 60)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=WINDOW_SECONDS + 60)
        return 1


def ip_fingerprint(ip_address, window=None):
    """A keyed hash of the address for this hour; the address itself is never kept."""
    window = _current_window() if window is None else window
    return salted_hmac("petitions.client-ip", f"{ip_address}|{window}", algorithm="sha256").hexdigest()


def signing_is_over_limit(ip_address):
    """Record one signing from `ip_address`; True once it passes the hourly limit.

    An unknown address (empty) is never limited: it would lump unrelated signers together.
    """
    if not ip_address:
        return False
    window = _current_window()
    hits = _hit(f"petitions:signing:{ip_fingerprint(ip_address, window)}:{window}")
    return hits > settings.PETITIONS_SIGNATURES_PER_IP_PER_HOUR


def may_email_signer(signature_id):
    """Record one e-mail for a signature; False once it has had its hourly share.

    Stops anyone from using repeat signings or new-link requests to flood a mailbox.
    """
    window = _current_window()
    hits = _hit(f"petitions:email:{signature_id}:{window}")
    return hits <= settings.PETITIONS_EMAILS_PER_SIGNATURE_PER_HOUR


def may_email_held_signing(ip_address):
    """Record one confirmation e-mail for a signing from `ip_address` over the hourly limit;
    False once the address has had PETITIONS_FLAGGED_EMAILS_PER_IP_PER_HOUR of them this hour.

    A budget of its own, so that people sharing one address (a meeting, a campus Wi-Fi) can
    still confirm and be counted, while one address can never make the site send more than
    the two limits' worth of signing e-mails an hour.
    """
    window = _current_window()
    hits = _hit(f"petitions:held-email:{ip_fingerprint(ip_address, window)}:{window}")
    return hits <= settings.PETITIONS_FLAGGED_EMAILS_PER_IP_PER_HOUR
