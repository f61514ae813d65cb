"""Last-moment checks: whether an e-mail is still wanted just before the worker sends it.

An app whose e-mails can become unwanted while they wait (an update paused by its editor,
a recipient who unsubscribed meanwhile) registers a check for the kind of object its e-mails
are about, in its AppConfig.ready():

    holds.register("petitions.updaterecipient", recipient_no_longer_wanted)

The check gets the e-mail's `about_id` and returns True to drop it; the outbox then deletes
it unsent and sends `email_finished` with outcome "withdrawn". Without a check, nothing is held.
"""

from django.contrib.contenttypes.models import ContentType

_checks = {}


def register(model_label, check):
    """`model_label` as "app_label.modelname" (lower case), `check(about_id) -> bool`."""
    _checks[model_label.lower()] = check


def is_unwanted(email):
    if email.about_type_id is None:
        return False
    # From ContentType's own cache: no query per e-mail.
    about_type = ContentType.objects.get_for_id(email.about_type_id)
    check = _checks.get(f"{about_type.app_label}.{about_type.model}")
    return bool(check and check(email.about_id))
