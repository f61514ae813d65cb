"""Publishing's work for the task worker: the limits against floods forget past hours."""

from django.tasks import task

from outbox import periodic

from . import limits


@task
def purge_expired_counters():
    """Delete the counters of hours that are over, then queue the next run (hourly). Idempotent."""
    try:
        return {"deleted": limits.purge_expired()}
    finally:
        periodic.schedule_next(purge_expired_counters)
