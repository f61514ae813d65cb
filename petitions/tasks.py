"""Work done by the task worker (`manage.py db_worker`), never in a request."""

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from . import services, tokens
from .models import Petition, Signature


def _absolute(path):
    return f"{settings.SITE_URL}{path}"


@task
def send_signature_email(signature_id, reason):
    """E-mail a signer about their signature: the link to confirm it, or word that they
    have already signed, and always the link to withdraw it.

    Does nothing if the signature has been withdrawn, deleted or anonymised meanwhile.
    Plain text, no images, no tracking. Safe to retry: at worst the signer gets the same
    e-mail twice, and its links stay valid.
    """
    signature = Signature.objects.select_related("petition").not_anonymised().filter(pk=signature_id).first()
    if signature is None:
        return "gone"
    context = {
        "signature": signature,
        "petition": signature.petition,
        "petition_url": _absolute(signature.petition.get_absolute_url()),
        "already_signed": reason == services.EmailReason.SIGNED_AGAIN,
        "confirm_url": ""
        if signature.is_confirmed
        else _absolute(reverse("petitions:confirm", kwargs={"token": tokens.confirmation_token(signature)})),
        "withdraw_url": _absolute(
            reverse("petitions:withdraw", kwargs={"token": tokens.withdrawal_token(signature)})
        ),
        "privacy_url": _absolute(reverse("petitions:privacy")),
        "link_days": settings.PETITIONS_CONFIRMATION_LINK_DAYS,
        "unconfirmed_days": settings.PETITIONS_UNCONFIRMED_RETENTION_DAYS,
        "site_name": settings.SITE_NAME,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("petitions/email/signature_subject.txt", context)
        body = render_to_string("petitions/email/signature_body.txt", context)
    EmailMessage(subject=" ".join(subject.split()), body=body, to=[signature.email]).send()
    return "sent"


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


@task
def run_maintenance():
    """The periodic job: retention, then an exact recount of every petition, then queue the next run.

    Runs every PETITIONS_MAINTENANCE_INTERVAL_HOURS once started (`manage.py
    apply_petition_retention --schedule`); it keeps one future run queued, never more.
    """
    result = {"retention": apply_retention.call(), "counts": reconcile_counts.call()}
    schedule_maintenance()
    return result


def _maintenance_is_queued():
    backend = run_maintenance.get_backend()
    if type(backend).__module__.startswith("django_tasks_db"):
        from django_tasks_db.models import DBTaskResult

        return DBTaskResult.objects.filter(status="READY", task_path=run_maintenance.module_path).exists()
    return False


def schedule_maintenance():
    """Queue the next maintenance run, unless one is already queued or the backend cannot defer.

    Returns the queued task result, or None.
    """
    if not run_maintenance.get_backend().supports_defer or _maintenance_is_queued():
        return None
    run_after = timezone.now() + timedelta(hours=settings.PETITIONS_MAINTENANCE_INTERVAL_HOURS)
    return run_maintenance.using(run_after=run_after).enqueue()
