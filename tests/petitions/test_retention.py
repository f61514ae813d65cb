"""Unconfirmed signatures go after a while; signers' data goes a while after a petition closes."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from outbox.models import OutgoingEmail
from petitions import services, tasks, tokens
from petitions.models import Petition, Signature
from tests import factories
from tests.factories import confirmed_signatures, sign

pytestmark = pytest.mark.django_db


def count_of(petition):
    return Petition.objects.with_signature_count().get(pk=petition.pk).signature_count


def test_unconfirmed_signatures_are_deleted_after_the_configured_days(petition, settings):
    settings.PETITIONS_UNCONFIRMED_RETENTION_DAYS = 30
    sign(petition, email="old@example.org")
    sign(petition, email="recent@example.org")
    sign(petition, email="confirmed-long-ago@example.org")
    Signature.objects.filter(email__in=["old@example.org", "confirmed-long-ago@example.org"]).update(
        created_at=timezone.now() - timedelta(days=31)
    )
    services.confirm(tokens.confirmation_token(Signature.objects.get(email="confirmed-long-ago@example.org")))

    report = services.apply_retention()

    assert report.deleted_unconfirmed == 1
    assert sorted(Signature.objects.values_list("email", flat=True)) == [
        "confirmed-long-ago@example.org",
        "recent@example.org",
    ]
    assert count_of(petition) == 1
    assert not OutgoingEmail.objects.filter(to="old@example.org").exists()  # its e-mail went with it


def test_signatures_are_anonymised_the_configured_time_after_a_petition_closes(settings):
    settings.PETITIONS_ANONYMISE_AFTER_CLOSE_DAYS = 90
    long_closed, recently_closed, still_open = (factories.petition() for _ in range(3))
    for petition in (long_closed, recently_closed, still_open):
        confirmed_signatures(petition, 3, comment="Free them", city_or_postcode="Leeds", wants_updates=True)
    long_closed.action_status = recently_closed.action_status = Petition.ActionStatus.DELIVERED
    long_closed.save()
    recently_closed.save()
    Petition.objects.filter(pk=long_closed.pk).update(closed_at=timezone.now() - timedelta(days=91))

    report = services.apply_retention()

    assert report.anonymised == 3
    erased = Signature.objects.filter(petition=long_closed)
    personal = ["first_name", "last_name", "email", "email_normalised", "comment", "city_or_postcode"]
    assert set(erased.values_list(*personal, "wants_updates")) == {("", "", "", "", "", "", False)}
    assert all(signature.anonymised_at for signature in erased)
    assert str(erased.first()) == "Anonymised signature"
    assert set(erased.values_list("country", flat=True)) <= {"KZ", "GB", "DE"}  # the country stays
    assert count_of(long_closed) == 3  # and so does the count
    assert services.reconcile_counts(long_closed) == 3
    assert not Signature.objects.filter(petition__in=[recently_closed, still_open], first_name="").exists()


def test_a_petition_past_its_deadline_counts_as_closed_for_retention(settings):
    settings.PETITIONS_ANONYMISE_AFTER_CLOSE_DAYS = 10
    petition = factories.petition(deadline=timezone.localdate() - timedelta(days=12))
    confirmed_signatures(petition, 2)
    assert services.apply_retention().anonymised == 2


def test_retention_is_idempotent(settings):
    settings.PETITIONS_ANONYMISE_AFTER_CLOSE_DAYS = 0
    petition = factories.petition(action_status=Petition.ActionStatus.CLOSED)
    Petition.objects.filter(pk=petition.pk).update(closed_at=timezone.now() - timedelta(days=1))
    confirmed_signatures(petition, 2)
    assert services.apply_retention().anonymised == 2
    assert services.apply_retention() == services.RetentionReport(deleted_unconfirmed=0, anonymised=0)


def test_the_management_command_applies_the_rules(petition, capsys):
    sign(petition, email="old@example.org")
    Signature.objects.update(created_at=timezone.now() - timedelta(days=400))
    call_command("apply_petition_retention")
    assert "Deleted 1 unconfirmed signatures" in capsys.readouterr().out
    assert not Signature.objects.exists()


def test_the_retention_task_applies_the_rules(petition):
    sign(petition, email="old@example.org")
    Signature.objects.update(created_at=timezone.now() - timedelta(days=400))
    assert tasks.apply_retention.enqueue().return_value == {"deleted_unconfirmed": 1, "anonymised": 0}


def test_maintenance_runs_retention_and_an_exact_recount(petition):
    confirmed_signatures(petition, 4)
    petition.counters.update(confirmed_count=0)
    result = tasks.run_maintenance.enqueue().return_value
    assert result["counts"] == {str(petition.pk): 4}
    assert count_of(petition) == 4


def test_maintenance_keeps_exactly_one_future_run_queued(settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    settings.PETITIONS_MAINTENANCE_INTERVAL_HOURS = 24

    call_command("apply_petition_retention", "--schedule")
    call_command("apply_petition_retention", "--schedule")

    queued = DBTaskResult.objects.filter(task_path="petitions.tasks.run_maintenance")
    assert queued.count() == 1
    assert timedelta(hours=23) < queued.get().run_after - timezone.now() <= timedelta(hours=24)


def test_the_privacy_notice_states_what_is_kept_and_for_how_long(client, settings):
    settings.PETITIONS_UNCONFIRMED_RETENTION_DAYS = 17
    settings.PETITIONS_ANONYMISE_AFTER_CLOSE_DAYS = 222
    settings.PETITIONS_CONFIRMATION_LINK_DAYS = 5
    settings.PAGE_CACHE_SECONDS = 0
    html = client.get("/privacy/").content.decode()
    assert "deleted 17 days after signing" in html
    assert "222 days after a petition closes" in html
    assert "works for 5 days" in html
    assert "We do not store your IP address" in html


def test_every_page_links_to_the_privacy_notice(client):
    assert 'href="/privacy/"' in client.get("/").content.decode()
