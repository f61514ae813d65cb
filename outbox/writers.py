"""E-mails written by the task worker, not by the request that asks for them.

An app registers a writer by name in its AppConfig.ready(); `send_later(to=..., writer=name,
context={...})` stores the e-mail with only that name and a small JSON context (a signature's
id and why it is written), and the worker calls the writer once, just before the first
delivery attempt, and stores what it wrote. So a busy request pays for a row, not for
rendering templates, and the e-mail is still stored in the request's own transaction.
"""

_writers = {}


def register(name, write):
    """`write(context)` returns {"subject": ..., "body": ...}, or None when there is nothing to
    send any more (what the e-mail was about is gone)."""
    _writers[name] = write


def write(name, context):
    return _writers[name](context)
