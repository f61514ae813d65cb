"""What the outbox tells the apps that write into it, without knowing them.

`email_finished` is sent once an e-mail's fate is settled, inside the transaction that records
it: `outcome` is "sent", "failed" (attempts used up) or "suppressed" (the address is on the
suppression list, so it was never sent). An app that tracks its own e-mails (an update's
recipients) connects to it in its AppConfig.ready() and filters on `email.about_type`.
"""

from django.dispatch import Signal

email_finished = Signal()  # sender=OutgoingEmail, email=..., outcome="sent" | "failed" | "suppressed"
