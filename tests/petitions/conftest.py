"""Petitions, signers and the e-mails they get, in one line each."""

import re
from itertools import count
from urllib.parse import urlsplit

import pytest
from django.core import mail

from petitions import services
from tests import factories

IMMEDIATE_TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}

_numbers = count(1)


@pytest.fixture(autouse=True)
def _tasks_run_at_once(settings):
    """E-mails and recounts run as soon as they are queued (after commit), as the worker would."""
    settings.TASKS = IMMEDIATE_TASKS


@pytest.fixture
def make_petition(db):
    def make(**fields):
        return factories.petition(**{"goal": 1000, **fields})

    return make


@pytest.fixture
def petition(make_petition):
    return make_petition(is_featured=True)


def supporter(number=None, **fields):
    """What one supporter types into the form (as the service takes it)."""
    number = number if number is not None else next(_numbers)
    return {
        "first_name": "Aigerim",
        "last_name": "Bekova",
        "email": f"aigerim.{number}@example.org",
        "country": "KZ",
        **fields,
    }


def sign(petition, **fields):
    """Sign through the service, as the view does, from a different address each time unless told."""
    fields = {**supporter(), **fields}
    fields.setdefault("client_ip", f"198.51.100.{next(_numbers) % 250}")
    return services.sign(petition, **fields)


def form_data(**fields):
    """What a browser posts from the signature form."""
    data = {**supporter(), "city_or_postcode": "", "comment": "", "website": "", **fields}
    # A ticked box is posted as "on"; an unticked one is not posted at all.
    return {key: "on" if value is True else value for key, value in data.items() if value is not False}


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


def add_confirmed_signatures(petition, how_many, *, batch_size=5000, **fields):
    """Many confirmed signatures at once (bulk insert), then an exact recount as the worker does."""
    from datetime import timedelta

    from django.utils import timezone

    from petitions.models import Signature

    start = next(_numbers) * 1_000_000
    now = timezone.now()
    countries = ["KZ", "GB", "DE", "FR", "RU"]
    for first in range(0, how_many, batch_size):
        Signature.objects.bulk_create(
            [
                Signature(
                    **{
                        "petition": petition,
                        "first_name": "Signer",
                        "last_name": f"Number {number}",
                        "email": f"signer{start + number}@example.org",
                        "email_normalised": f"signer{start + number}@example.org",
                        "country": countries[number % len(countries)],
                        "show_name_publicly": number % 2 == 0,
                        "status": Signature.Status.CONFIRMED,
                        "created_at": now - timedelta(minutes=number),
                        "confirmed_at": now - timedelta(minutes=number),
                        **fields,
                    }
                )
                for number in range(first, min(first + batch_size, how_many))
            ]
        )
    return services.reconcile_counts(petition)
