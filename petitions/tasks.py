"""Petition work done by the task worker (`manage.py db_worker`), never in a request."""

from datetime import timedelta

from django.conf import settings
from django.tasks import task

from outbox import periodic

from . import services
from .models import Petition


@task
def reconcile_counts(petition_id=None):
    """Recount one petition (or every petition) exactly from its signatures. Idempotent."""
    petitions = Petition.objects.all() if petition_id is None else Petition.objects.filter(pk=petition_id)
    return {str(pk): services.reconcile_counts(pk) for pk in petitions.values_list("pk", flat=True)}


@task
def apply_retention():
    """Delete old unconfirmed signatures and anonymise those of long-closed petitions. Idempotent."""
    report = services.apply_retention()
    return {"deleted_unconfirmed": report.deleted_unconfirmed, "anonymised": report.anonymised}


def maintenance_interval():
    return timedelta(hours=settings.PETITIONS_MAINTENANCE_INTERVAL_HOURS)


@task
def run_maintenance():
    """The periodic job: retention and an exact recount of every petition, then queue the next run.

    Runs every PETITIONS_MAINTENANCE_INTERVAL_HOURS once started (`manage.py
    start_periodic_tasks`, outbox/periodic.py); it keeps one future run queued, never more.
    """
    try:
        return {"retention": apply_retention.call(), "counts": reconcile_counts.call()}
    finally:
        periodic.schedule_next(run_maintenance)
