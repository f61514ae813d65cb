"""Limits against floods: signings from one network address, e-mails to one signer.

Counted per hour by publishing/limits.py, under a keyed hash: neither the client's IP address
nor the signature is stored with its count, and one hour's counts cannot be linked to the
next. The counts are shared by every worker and app server, with or without Redis.
"""

from django.conf import settings

from publishing import limits


def signing_is_over_limit(ip_address):
    """Record one signing from `ip_address`; True once it passes the hourly limit.

    An unknown address (empty) is never limited: it would lump unrelated signers together.
    """
    if not ip_address:
        return False
    return limits.count(SIGNING, ip_address) > settings.PETITIONS_SIGNATURES_PER_IP_PER_HOUR


def may_email_signer(petition_id, email_normalised):
    """Record one e-mail for a signer (a petition and a mailbox); False once they have had
    their hourly share.

    Stops anyone from using repeat signings or new-link requests to flood a mailbox.
    """
    return limits.count(EMAIL, _mailbox(petition_id, email_normalised)) <= _emails_per_hour()


def count_signing(ip_address, petition_id, email_normalised):
    """Both counters of a signing in one round trip: (the address is over its hourly limit,
    the mailbox may still be e-mailed this hour). An empty address is not counted."""
    counters = [(EMAIL, _mailbox(petition_id, email_normalised))]
    if ip_address:
        counters.append((SIGNING, ip_address))
    counts = limits.count_many(counters)
    over_limit = bool(ip_address) and counts[1] > settings.PETITIONS_SIGNATURES_PER_IP_PER_HOUR
    return over_limit, counts[0] <= _emails_per_hour()


SIGNING = "petitions.signing"
EMAIL = "petitions.email"


def _emails_per_hour():  # read when called: tests change the setting
    return settings.PETITIONS_EMAILS_PER_SIGNATURE_PER_HOUR


def _mailbox(petition_id, email_normalised):
    # One signer is one mailbox on one petition (the database's unique rule for signatures).
    return f"{petition_id}:{email_normalised}"


def may_email_held_signing(ip_address):
    """Record one confirmation e-mail for a signing from `ip_address` over the hourly limit;
    False once the address has had PETITIONS_FLAGGED_EMAILS_PER_IP_PER_HOUR of them this hour.

    A budget of its own, so that people sharing one address (a meeting, a campus Wi-Fi) can
    still confirm and be counted, while one address can never make the site send more than
    the two limits' worth of signing e-mails an hour.
    """
    return (
        limits.count("petitions.held-email", ip_address) <= settings.PETITIONS_FLAGGED_EMAILS_PER_IP_PER_HOUR
    )
