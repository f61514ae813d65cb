"""E-mail addresses as the same mailbox: what makes two signatures one signer."""

import contextlib

from django.utils.crypto import salted_hmac

# Providers that deliver "name+anything@" to "name@": the part after "+" is dropped.
PLUS_ADDRESSING_DOMAINS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "hotmail.com",
        "hotmail.co.uk",
        "live.com",
        "msn.com",
        "icloud.com",
        "me.com",
        "mac.com",
        "proton.me",
        "protonmail.com",
        "protonmail.ch",
        "pm.me",
        "fastmail.com",
        "fastmail.fm",
        "yandex.ru",
        "yandex.com",
        "yandex.kz",
        "ya.ru",
    }
)
# Gmail also ignores dots in the name, and googlemail.com is the same service.
DOT_BLIND_DOMAINS = frozenset({"gmail.com", "googlemail.com"})
DOMAIN_ALIASES = {"googlemail.com": "gmail.com"}


def normalise_email(address):
    """The key under which an address counts once: `" Jane.Doe+news@GoogleMail.com "` → `"janedoe@gmail.com"`.

    Case and surrounding spaces never matter; sub-addresses ("+tag") and Gmail's dots are
    dropped only for providers known to ignore them, so distinct mailboxes elsewhere stay distinct.
    """
    address = address.strip().lower()
    local, separator, domain = address.rpartition("@")
    if not separator:
        return address
    domain = domain.rstrip(".")
    with contextlib.suppress(UnicodeError):  # an odd domain stays as typed
        domain = domain.encode("idna").decode("ascii")
    domain = DOMAIN_ALIASES.get(domain, domain)
    if domain in PLUS_ADDRESSING_DOMAINS:
        local = local.split("+", 1)[0]
    if domain in DOT_BLIND_DOMAINS:
        local = local.replace(".", "")
    return f"{local}@{domain}"


def address_key(address):
    """A keyed hash (HMAC-SHA256 under a key derived from SECRET_KEY) of the normalised address.

    What the suppression list and the unsubscriptions keep instead of the address: they must
    outlive the signatures (an unsubscription is for good), yet must not become a list of
    supporters' addresses that outlives every erasure. Whoever holds the address can check it
    against the list; nobody can read addresses out of it. (Rotating SECRET_KEY without keeping
    the old key in SECRET_KEY_FALLBACKS would make the list forget: do not.)
    """
    return salted_hmac("outbox.address", normalise_email(address), algorithm="sha256").hexdigest()
