"""Reading the e-mails the site sent (Django's test outbox), as a signer reads them, and a mail
server that refuses them."""

import re
from contextlib import contextmanager
from smtplib import SMTPException
from unittest import mock
from urllib.parse import urlsplit

from django.core import mail

LINK = re.compile(r"https?://\S+/signatures/(confirm|withdraw)/\S+/")


def links_in(message):
    """{'confirm': path, 'withdraw': path} from an e-mail's body."""
    found = {}
    for match in LINK.finditer(message.body):
        found[match.group(1)] = urlsplit(match.group(0)).path
    return found


def last_email_to(address):
    for message in reversed(mail.outbox):
        if address in message.to:
            return message
    raise AssertionError(f"no e-mail to {address}")


def confirm_by_email(client, address):
    """Do what the signer does: open the link in the latest e-mail, then press the button."""
    path = links_in(last_email_to(address))["confirm"]
    assert client.get(path).status_code == 200
    return client.post(path)


@contextmanager
def mail_server_down():
    """Every attempt to hand an e-mail to the mail server fails, as when SMTP is down."""
    with mock.patch(
        "django.core.mail.backends.locmem.EmailBackend.send_messages",
        side_effect=SMTPException("451 mail server unavailable"),
    ) as send_messages:
        yield send_messages
