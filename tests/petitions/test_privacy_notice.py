"""The privacy notice says who answers for supporters' data, and each period it states is the one
the code applies: each is read from the notice with an unusual setting, then checked by running
the code just before and just after it."""

import re
from datetime import timedelta
from unittest import mock

import pytest
from axes.models import AccessLog
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone
from django.utils.html import strip_tags

from campaign import tasks as site_tasks
from outbox import periodic
from outbox import tasks as outbox_tasks
from outbox.models import OutgoingEmail
from outbox.services import send_later
from petitions import services
from petitions.models import Petition, Signature
from publishing.models import SiteSettings
from tests import factories
from tests.admin_forms import admin_form_data
from tests.factories import confirmed_signatures, sign

pytestmark = pytest.mark.django_db

JUST = timedelta(minutes=5)


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def notice(client):
    """The notice's text as a reader sees it (tags stripped, spaces collapsed)."""
    response = client.get("/privacy/")
    assert response.status_code == 200
    return " ".join(strip_tags(response.content.decode()).split())


def test_unconfirmed_signatures_go_when_the_notice_says(client, settings, petition):
    settings.PETITIONS_UNCONFIRMED_RETENTION_DAYS = 17
    assert "A signature that is not confirmed is deleted 17 days after signing." in notice(client)

    sign(petition, email="older@example.org")
    sign(petition, email="younger@example.org")
    Signature.objects.filter(email="older@example.org").update(
        created_at=timezone.now() - timedelta(days=17) - JUST
    )
    Signature.objects.filter(email="younger@example.org").update(
        created_at=timezone.now() - timedelta(days=17) + JUST
    )
    services.apply_retention()
    assert list(Signature.objects.values_list("email", flat=True)) == ["younger@example.org"]


def test_signers_data_is_erased_when_the_notice_says(client, settings):
    settings.PETITIONS_ANONYMISE_AFTER_CLOSE_DAYS = 23
    assert "23 days after a petition closes, we erase the names, e-mail addresses" in notice(client)

    closed_longer, closed_shorter = factories.petition(), factories.petition()
    for petition, days_ago in [
        (closed_longer, timedelta(days=23) + JUST),
        (closed_shorter, timedelta(days=23) - JUST),
    ]:
        confirmed_signatures(petition, 1)
        Petition.objects.filter(pk=petition.pk).update(
            action_status=Petition.ActionStatus.CLOSED, closed_at=timezone.now() - days_ago
        )
    services.apply_retention()
    assert Signature.objects.get(petition=closed_longer).anonymised_at is not None
    assert Signature.objects.get(petition=closed_shorter).anonymised_at is None


def test_sent_emails_go_when_the_notice_says(client, settings):
    settings.EMAIL_OUTBOX_RETENTION_DAYS = 9
    assert (
        "The e-mails we send you (with your address and your links) are deleted 9 days after they are sent"
        in notice(client)
    )

    older, younger = (
        send_later(to=f"{name}@example.org", subject="s", body="b") for name in ("older", "younger")
    )
    for email, sent in [(older, timedelta(days=9) + JUST), (younger, timedelta(days=9) - JUST)]:
        OutgoingEmail.objects.filter(pk=email.pk).update(
            attempts=1, sent_at=timezone.now() - sent, created_at=timezone.now() - sent
        )
    outbox_tasks.purge_old_emails.call()
    assert list(OutgoingEmail.objects.values_list("to", flat=True)) == ["younger@example.org"]


def test_staff_login_records_go_when_the_notice_says(client, settings):
    settings.ADMIN_LOGIN_LOG_RETENTION_DAYS = 11
    assert "and delete it 11 days later." in notice(client)

    for name, age in [("older", timedelta(days=11) + JUST), ("younger", timedelta(days=11) - JUST)]:
        record = AccessLog.objects.create(
            username=name, ip_address="198.51.100.5", user_agent="x", path_info="/"
        )
        AccessLog.objects.filter(pk=record.pk).update(attempt_time=timezone.now() - age)
    site_tasks.purge_admin_login_records.call()
    assert list(AccessLog.objects.values_list("username", flat=True)) == ["younger"]


def test_sessions_end_and_go_when_the_notice_says(client, settings):
    settings.SESSION_COOKIE_AGE = 5 * 60 * 60
    text = notice(client)
    assert "Their sign-in session ends after 5 hours at most and is deleted within a day after that." in text
    assert "until you close the browser and for 5 hours at most" in text

    session = SessionStore()
    session.create()
    for hours, still_there in [(5, True), (5.1, False)]:
        with mock.patch(
            "django.utils.timezone.now", return_value=timezone.now() + timedelta(hours=hours) - JUST / 10
        ):
            site_tasks.clear_expired_sessions.call()
        assert Session.objects.exists() is still_there, hours
    assert any(
        entry.task is site_tasks.clear_expired_sessions and entry.every <= timedelta(days=1)
        for entry in periodic.registered()
    )


def test_the_notice_says_plainly_who_answers_for_the_data_is_not_stated_yet(client):
    text = notice(client)
    assert text.count("Not stated yet:") == 2
    assert "who is responsible for the personal data this site keeps (the data controller)" in text


def test_the_notice_names_the_data_controller_and_the_contact_the_editors_give(client, editor):
    client.force_login(editor)
    page = client.get("/admin/publishing/sitesettings/1/change/")

    response = client.post(
        "/admin/publishing/sitesettings/1/change/",
        admin_form_data(
            page,
            data_controller="Campaign Kazakhstan Ltd",
            data_controller_address="1 Example Street\nLondon N1 1AA",
            privacy_contact_email="privacy@campaign.example.org",
        ),
    )
    assert response.status_code == 302
    client.logout()

    html = client.get("/privacy/").content.decode()
    text = notice(client)
    assert "Not stated yet" not in text
    assert "Campaign Kazakhstan Ltd is responsible for the personal data this site keeps" in text
    assert re.search(r"1 Example Street<br>\s*London N1 1AA", html)
    assert 'href="mailto:privacy@campaign.example.org"' in html
    assert SiteSettings.current().data_controller == "Campaign Kazakhstan Ltd"
