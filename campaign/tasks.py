"""What the worker clears for the site as a whole: admin login records and expired sessions.

Both repeat daily once started (`manage.py start_periodic_tasks`, outbox/periodic.py), and the
privacy notice states their periods from the same settings.
"""

from datetime import timedelta
from importlib import import_module

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Value
from django.db.models.functions import Concat
from django.tasks import task
from django.utils import timezone

from outbox import periodic

DAILY = timedelta(hours=24)
# How entries of the admin's log about a login record are named once it is past retention.
LOGIN_RECORD_NAMES = {
    AccessAttempt: "Access attempt #",
    AccessLog: "Access log #",
    AccessFailureLog: "Access failure #",
}


@task
def purge_admin_login_records():
    """Delete django-axes' records of admin logins (usernames, staff IP addresses, browsers)
    older than ADMIN_LOGIN_LOG_RETENTION_DAYS, and the names the admin's log gave them
    ("Failed access: user ... from <address>"). Idempotent; then queues the next run.

    The lockout only reads the attempts of the last hour (AXES_COOLOFF_HOURS), so deleting
    older ones changes no lockout.
    """
    try:
        cutoff = timezone.now() - timedelta(days=settings.ADMIN_LOGIN_LOG_RETENTION_DAYS)
        deleted = {}
        for model, name in LOGIN_RECORD_NAMES.items():
            deleted[model.__name__], _ = model.objects.filter(attempt_time__lt=cutoff).delete()
            LogEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(model), action_time__lt=cutoff
            ).exclude(object_repr__startswith=name).update(object_repr=Concat(Value(name), "object_id"))
    finally:
        periodic.schedule_next(purge_admin_login_records)
    return deleted


@task
def clear_expired_sessions():
    """Delete the sessions that have expired (Django's `clearsessions`): an admin session ends
    after SESSION_COOKIE_AGE at most. Idempotent; then queues the next run."""
    try:
        import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()
    finally:
        periodic.schedule_next(clear_expired_sessions)
