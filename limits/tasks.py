"""Work the task worker does for the limits against floods."""

from django.tasks import task

from outbox import periodic

from . import counters


@task
def purge_expired_counters():
    """Delete the counters of hours that are over, then queue the next run (hourly). Idempotent."""
    try:
        return {"deleted": counters.purge_expired()}
    finally:
        periodic.schedule_next(purge_expired_counters)
