"""Writing e-mails into the outbox: the one way anything on the site sends e-mail."""

import functools

from django.contrib.contenttypes.models import ContentType
from django.db import router, transaction
from django.template.backends.django import DjangoTemplates

from .models import OutgoingEmail
from .tasks import deliver_email


def send_later(*, to, subject="", body="", writer="", context=None, about=None):
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
        about_type=ContentType.objects.get_for_model(about) if about is not None else None,
        about_id=about.pk if about is not None else None,
    )
    if _tasks_share_the_outbox_database():
        deliver_email.enqueue(email.pk)
    else:
        transaction.on_commit(lambda: deliver_email.enqueue(email.pk), robust=True)
    return email


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
