"""The links in signers' e-mails: signed, so that nothing secret is stored to check them.

A link carries only the signature's random public id, signed with the site's SECRET_KEY
and a purpose of its own: a confirmation link cannot withdraw, nor the other way round.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "petitions.signature.confirm"
WITHDRAW_SALT = "petitions.signature.withdraw"


class InvalidLink(Exception):
    """The link was not made by this site (mistyped, cut short, or forged)."""


class ExpiredLink(InvalidLink):
    """A genuine confirmation link that is too old; `public_id` says whose it was."""

    def __init__(self, public_id):
        super().__init__(public_id)
        self.public_id = public_id


def _as_uuid(value):
    try:
        return uuid.UUID(hex=value)
    except ValueError as error:
        raise InvalidLink from error


def confirmation_token(signature):
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(signature.public_id.hex)


def read_confirmation_token(token):
    """The public id in a confirmation link; ExpiredLink or InvalidLink when it cannot be used."""
    signer = signing.TimestampSigner(salt=CONFIRM_SALT)
    try:
        return _as_uuid(
            signer.unsign(token, max_age=timedelta(days=settings.PETITIONS_CONFIRMATION_LINK_DAYS))
        )
    except signing.SignatureExpired:
        raise ExpiredLink(_as_uuid(signer.unsign(token))) from None
    except signing.BadSignature:
        raise InvalidLink from None


def withdrawal_token(signature):
    # No expiry: a signer may withdraw for as long as we hold their signature.
    return signing.Signer(salt=WITHDRAW_SALT).sign(signature.public_id.hex)


def read_withdrawal_token(token):
    try:
        return _as_uuid(signing.Signer(salt=WITHDRAW_SALT).unsign(token))
    except signing.BadSignature:
        raise InvalidLink from None


UNSUBSCRIBE_SALT = "petitions.update.unsubscribe"


def unsubscribe_token(update_id, address_key):
    """The link in an update to unsubscribe from it: the update and the keyed hash of the address
    (never the address), signed. No expiry: an old e-mail's link must still work."""
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(f"{update_id}.{address_key}")


def read_unsubscribe_token(token):
    """(update id, address key) from an unsubscribe link; InvalidLink when it is not ours."""
    try:
        value = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token)
    except signing.BadSignature:
        raise InvalidLink from None
    update_id, _, address_key = value.partition(".")
    if not update_id.isdigit() or len(address_key) != 64:
        raise InvalidLink
    return int(update_id), address_key
