"""E-mail addresses as the same mailbox: what makes two signatures one signer.

The rule lives with the outbox (outbox/addresses.py), which needs it too: its suppression
list and the unsubscriptions recognise a mailbox however its address is typed.
"""

from outbox.addresses import address_key, normalise_email

__all__ = ["address_key", "normalise_email"]
