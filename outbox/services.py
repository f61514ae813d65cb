"""Writing e-mails into the outbox: the one way anything on the site sends e-mail."""

import functools

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.template.backends.django import DjangoTemplates

from .models import OutgoingEmail
from .tasks import deliver_email


def send_later(*, to, subject, body, about=None):
    """Write a plain-text e-mail into the outbox and queue its delivery once the transaction commits.

    Call it inside the transaction that makes the change the e-mail reports: the e-mail is
    then stored exactly when that change is. `about` (any saved object, such as a signature)
    ties the e-mail to it: its model's GenericRelation deletes the e-mail along with it.
    If queuing the delivery fails, the worker's periodic sweep (`tasks.deliver_due_emails`)
    still delivers it. Returns the stored e-mail.
    """
    email = OutgoingEmail.objects.create(
        to=to,
        subject=subject,
        body=body,
        about_type=ContentType.objects.get_for_model(about) if about is not None else None,
        about_id=about.pk if about is not None else None,
    )
    transaction.on_commit(lambda: deliver_email.enqueue(email.pk), robust=True)
    return email


@functools.cache
def _plain_text_templates():
    # The site's engine escapes HTML: in a plain-text e-mail "&" would arrive as "&amp;".
    return DjangoTemplates(
        {"NAME": "outbox-plain-text", "DIRS": [], "APP_DIRS": True, "OPTIONS": {"autoescape": False}}
    )


def render_plain_text(template_name, context):
    """An e-mail's subject or body from an app's template, as plain text: never HTML-escaped,
    whatever the template forgets (an "&" or a "'" in a petition's title arrives as typed)."""
    return _plain_text_templates().get_template(template_name).render(context)
