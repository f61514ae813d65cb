"""The worker clears what the site keeps about the people who work on it and about browsers: admin
login records after ADMIN_LOGIN_LOG_RETENTION_DAYS, sessions once they have expired (and only
staff have sessions)."""

from datetime import timedelta
from unittest import mock

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.admin.models import DELETION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from appeals.models import Appeal
from campaign import tasks
from outbox import periodic
from petitions.models import Signature
from tests import factories
from tests.mail import confirm_by_email

pytestmark = pytest.mark.django_db

STAFF_ADDRESS = "198.51.100.77"


def login_records(age):
    """One record of each kind django-axes keeps, made `age` ago, from the staff address."""
    common = {"ip_address": STAFF_ADDRESS, "user_agent": "Firefox", "path_info": "/admin/login/"}
    records = [
        AccessAttempt.objects.create(username=f"editor-{age.days}", failures_since_start=1, **common),
        AccessLog.objects.create(username=f"editor-{age.days}", **common),
        AccessFailureLog.objects.create(username=f"editor-{age.days}", **common),
    ]
    for record in records:  # the time of the attempt is set on creation
        type(record).objects.filter(pk=record.pk).update(attempt_time=timezone.now() - age)
    return records


def test_admin_login_records_go_after_the_retention_period(settings):
    settings.ADMIN_LOGIN_LOG_RETENTION_DAYS = 30
    old = login_records(timedelta(days=30, hours=1))
    recent = login_records(timedelta(days=29, hours=23))

    tasks.purge_admin_login_records.call()

    for record in old:
        assert not type(record).objects.filter(pk=record.pk).exists(), type(record).__name__
    for record in recent:
        assert type(record).objects.filter(pk=record.pk).exists(), type(record).__name__


def test_the_admin_log_keeps_no_staff_address_of_a_login_record_past_the_retention_period(
    settings, superuser
):
    """Deleting a login record in the admin logged it by name: "... from 198.51.100.77"."""
    settings.ADMIN_LOGIN_LOG_RETENTION_DAYS = 30
    old, recent = (
        LogEntry.objects.create(
            user=superuser,
            content_type=ContentType.objects.get_for_model(AccessFailureLog),
            object_id=object_id,
            object_repr=f"Failed access: user editor on 2026-01-01 from {STAFF_ADDRESS}",
            action_flag=DELETION,
        )
        for object_id in ("1", "2")
    )
    LogEntry.objects.filter(pk=old.pk).update(action_time=timezone.now() - timedelta(days=31))

    tasks.purge_admin_login_records.call()

    old.refresh_from_db()
    recent.refresh_from_db()
    assert STAFF_ADDRESS not in old.object_repr and "editor" not in old.object_repr
    assert old.object_repr == "Access failure #1"
    assert STAFF_ADDRESS in recent.object_repr


def test_expired_sessions_are_deleted(settings):
    settings.SESSION_COOKIE_AGE = 8 * 60 * 60
    ending, lasting = SessionStore(), SessionStore()
    ending.create()
    lasting.create()
    Session.objects.filter(session_key=ending.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )

    tasks.clear_expired_sessions.call()

    assert list(Session.objects.values_list("session_key", flat=True)) == [lasting.session_key]


def test_a_session_goes_once_its_cookie_age_has_passed(settings):
    settings.SESSION_COOKIE_AGE = 5 * 60 * 60
    session = SessionStore()
    session.create()
    later = timezone.now() + timedelta(hours=5, seconds=1)

    with mock.patch("django.utils.timezone.now", return_value=later - timedelta(seconds=2)):
        tasks.clear_expired_sessions.call()
    assert Session.objects.exists()
    with mock.patch("django.utils.timezone.now", return_value=later):
        tasks.clear_expired_sessions.call()
    assert not Session.objects.exists()


def test_both_run_daily_in_the_workers_periodic_maintenance():
    every = {entry.task.module_path: periodic._interval(entry.every) for entry in periodic.registered()}
    assert every[tasks.purge_admin_login_records.module_path] == timedelta(hours=24)
    assert every[tasks.clear_expired_sessions.module_path] == timedelta(hours=24)


@pytest.mark.django_db(transaction=True)
def test_a_visitor_who_signs_confirms_and_sends_a_letter_leaves_no_session(client, immediate_tasks):
    """Only staff have sessions: nothing a supporter does creates one to clear."""
    petition, appeal = factories.petition(), factories.appeal()
    client.post(f"/petitions/{petition.slug}/sign/", factories.signing_form_data(email="tom@example.org"))
    confirm_by_email(client, "tom@example.org")
    client.post(f"{appeal.get_absolute_url()}sent/", follow=True)
    client.get(appeal.get_absolute_url())

    assert Signature.objects.get().is_confirmed
    assert Appeal.objects.get().letters_sent == 1
    assert not Session.objects.exists()
