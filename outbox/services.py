"""Writing e-mails into the outbox: the one way anything on the site sends e-mail."""

import functools
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import router, transaction
from django.template.backends.django import DjangoTemplates

from . import periodic
from .models import OutgoingEmail, Priority
from .tasks import deliver_bulk_emails, deliver_email


def send_later(*, to, subject="", body="", writer="", context=None, about=None, html_body="", headers=None):
    """Write a plain-text e-mail into the outbox and queue its delivery with it.

    Call it inside the transaction that makes the change the e-mail reports: the e-mail is
    then stored exactly when that change is. Either give its `subject` and `body`, or the
    name of a `writer` (outbox/writers.py) and the JSON `context` it writes them from in the
    worker. `about` (any saved object, such as a signature) ties the e-mail to it: its
    model's GenericRelation deletes the e-mail along with it.

    With the database task backend the delivery task is a row in the same database: it is
    written in the same transaction too (one commit, not two; kept or rolled back with the
    e-mail). With another backend it is queued once the transaction commits; if that fails,
    the worker's periodic sweep (`tasks.deliver_due_emails`) still delivers it. Returns the
    stored e-mail.
    """
    if not (body or writer):
        raise ValueError("an e-mail needs a body or a writer")
    email = OutgoingEmail.objects.create(
        to=to,
        subject=subject,
        body=body,
        writer=writer,
        writer_context=context or {},
        html_body=html_body,
        headers=headers or {},
        about_type=ContentType.objects.get_for_model(about) if about is not None else None,
        about_id=about.pk if about is not None else None,
    )
    if _tasks_share_the_outbox_database():
        deliver_email.enqueue(email.pk)
    else:
        transaction.on_commit(lambda: deliver_email.enqueue(email.pk), robust=True)
    return email


def send_bulk_later(messages, *, about_model):
    """Write many e-mails of news (an update) into the outbox at once, at bulk priority.

    `messages` are dicts with to, subject, body, about_id and optionally html_body and headers;
    `about_model` is the model of what each is about. One INSERT for the lot: call it inside
    the transaction that records them as handed over, with a bounded number (a batch), never
    100,000. No task per e-mail: the drain (tasks.deliver_bulk_emails) sends them at the
    configured rate, after transactional mail. Returns the stored e-mails.
    """
    about_type = ContentType.objects.get_for_model(about_model)
    emails = OutgoingEmail.objects.bulk_create(
        [
            OutgoingEmail(
                to=message["to"],
                subject=message["subject"],
                body=message["body"],
                html_body=message.get("html_body", ""),
                headers=message.get("headers") or {},
                about_type=about_type,
                about_id=message["about_id"],
                priority=Priority.BULK,
            )
            for message in messages
        ]
    )
    if emails and deliver_bulk_emails.get_backend().supports_defer:
        transaction.on_commit(
            lambda: periodic.schedule_next(deliver_bulk_emails, delay=timedelta(0)), robust=True
        )
    return emails


def _tasks_share_the_outbox_database():
    backend = deliver_email.get_backend()
    if type(backend).__module__.split(".")[0] != "django_tasks_db":
        return False
    from django_tasks_db.models import DBTaskResult

    return router.db_for_write(DBTaskResult) == router.db_for_write(OutgoingEmail)


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
