"""Providers report bounces and complaints to a webhook authenticated by a secret in its
address; a reported address is never mailed again (confirmations included). Unset secret, wrong
secret: the webhook does not exist. Unreadable reports: 400, never a 500."""

import json
from io import StringIO
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client

from outbox.models import OutgoingEmail, SuppressedAddress
from outbox.tasks import deliver_email

from .delivery import write_email

SECRET = "s3cret-for-the-bounce-webhook-0123456789"


@pytest.fixture
def webhook_secret(settings):
    settings.OUTBOX_WEBHOOK_SECRET = SECRET


@pytest.fixture
def provider():
    return Client(enforce_csrf_checks=True)  # a provider's server: no cookie, no CSRF token


def post(provider, name, body, content_type="application/json", secret=SECRET):
    if not isinstance(body, (str, bytes)):
        body = json.dumps(body)
    return provider.post(f"/outbox/bounces/{name}/{secret}/", body, content_type=content_type)


def ses(notification):
    return {"Type": "Notification", "MessageId": "1", "Message": json.dumps(notification)}


SES_BOUNCE = ses(
    {
        "notificationType": "Bounce",
        "bounce": {"bounceType": "Permanent", "bouncedRecipients": [{"emailAddress": "Gone@Example.org"}]},
        "mail": {"destination": ["gone@example.org"]},
    }
)


def suppressed(address):
    return SuppressedAddress.objects.is_suppressed(address)


def test_without_a_configured_secret_the_webhook_does_not_exist(db, settings, provider):
    settings.OUTBOX_WEBHOOK_SECRET = ""
    assert post(provider, "ses", SES_BOUNCE, secret="anything").status_code == 404
    assert not SuppressedAddress.objects.exists()


def test_a_wrong_secret_or_provider_is_refused(db, webhook_secret, provider):
    assert post(provider, "ses", SES_BOUNCE, secret=SECRET[:-1] + "x").status_code == 404
    assert post(provider, "gmail", SES_BOUNCE).status_code == 404
    assert provider.get(f"/outbox/bounces/ses/{SECRET}/").status_code == 405
    assert not SuppressedAddress.objects.exists()


def test_an_ses_permanent_bounce_suppresses_the_address_and_it_is_never_mailed_again(
    db, webhook_secret, provider, worker_queue
):
    assert post(provider, "ses", SES_BOUNCE).status_code == 200
    assert suppressed("gone@example.org")
    assert SuppressedAddress.objects.get().reason == "bounce"

    email = write_email("gone@example.org")  # a confirmation link, say
    assert deliver_email.call(email.pk) == "suppressed"
    assert mail.outbox == []
    assert OutgoingEmail.objects.get(pk=email.pk).suppressed_at is not None


def test_an_ses_soft_bounce_changes_nothing(db, webhook_secret, provider):
    transient = ses(
        {
            "notificationType": "Bounce",
            "bounce": {
                "bounceType": "Transient",
                "bouncedRecipients": [{"emailAddress": "full@example.org"}],
            },
        }
    )
    assert post(provider, "ses", transient).status_code == 200
    assert not suppressed("full@example.org")


def test_an_ses_complaint_through_event_publishing_suppresses(db, webhook_secret, provider):
    complaint = ses(
        {"eventType": "Complaint", "complaint": {"complainedRecipients": [{"emailAddress": "a@b.org"}]}}
    )
    assert post(provider, "ses", complaint).status_code == 200
    assert SuppressedAddress.objects.get().reason == "complaint"


def test_an_sns_subscription_confirmation_is_confirmed_by_the_worker(
    db, webhook_secret, provider, immediate_tasks
):
    url = "https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&Token=abc"
    with mock.patch("urllib.request.urlopen") as urlopen:
        response = post(provider, "ses", {"Type": "SubscriptionConfirmation", "SubscribeURL": url})
    assert response.status_code == 200
    assert urlopen.call_args[0][0] == url


def test_a_subscription_url_that_is_not_amazons_is_refused(db, webhook_secret, provider):
    with mock.patch("urllib.request.urlopen") as urlopen:
        response = post(
            provider,
            "ses",
            {"Type": "SubscriptionConfirmation", "SubscribeURL": "https://169.254.169.254/latest"},
        )
    assert response.status_code == 400
    urlopen.assert_not_called()


@pytest.mark.parametrize(
    ("name", "body", "content_type", "reason"),
    [
        (
            "postmark",
            {"RecordType": "Bounce", "Type": "HardBounce", "Email": "x@example.org"},
            "application/json",
            "bounce",
        ),
        (
            "postmark",
            {"RecordType": "SpamComplaint", "Email": "x@example.org"},
            "application/json",
            "complaint",
        ),
        (
            "mailgun",
            {
                "signature": {},
                "event-data": {"event": "failed", "severity": "permanent", "recipient": "x@example.org"},
            },
            "application/json",
            "bounce",
        ),
        (
            "mailgun",
            {"event-data": {"event": "complained", "recipient": "x@example.org"}},
            "application/json",
            "complaint",
        ),
        ("mailgun", "event=bounced&recipient=x%40example.org", "application/x-www-form-urlencoded", "bounce"),
        (
            "sendgrid",
            [{"email": "x@example.org", "event": "bounce", "type": "bounce"}],
            "application/json",
            "bounce",
        ),
        ("sendgrid", [{"email": "x@example.org", "event": "spamreport"}], "application/json", "complaint"),
    ],
)
def test_each_providers_final_reports_suppress_the_address(
    db, webhook_secret, provider, name, body, content_type, reason
):
    assert post(provider, name, body, content_type).status_code == 200
    assert suppressed("X@example.org")
    assert SuppressedAddress.objects.get().reason == reason


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("postmark", {"RecordType": "Bounce", "Type": "SoftBounce", "Email": "x@example.org"}),
        (
            "mailgun",
            {"event-data": {"event": "failed", "severity": "temporary", "recipient": "x@example.org"}},
        ),
        (
            "sendgrid",
            [{"email": "x@example.org", "event": "bounce", "type": "blocked"}, {"event": "delivered"}],
        ),
    ],
)
def test_reports_that_are_not_final_change_nothing(db, webhook_secret, provider, name, body):
    assert post(provider, name, body).status_code == 200
    assert not SuppressedAddress.objects.exists()


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("ses", "not json at all"),
        ("ses", b"\xff\xfe\x00"),
        ("ses", json.dumps([1, 2])),
        ("ses", json.dumps({"Type": "Notification", "Message": "{broken"})),
        (
            "ses",
            json.dumps(
                {"Type": "Notification", "Message": json.dumps({"notificationType": "Bounce", "bounce": 7})}
            ),
        ),
        ("ses", json.dumps({"Type": "Something"})),
        ("postmark", json.dumps({"Email": "x@example.org"})),
        ("sendgrid", json.dumps({"event": "bounce"})),
        ("sendgrid", json.dumps(["bounce"])),
        ("mailgun", json.dumps({"event-data": "failed"})),
    ],
)
def test_unreadable_reports_get_400_not_500(db, webhook_secret, provider, name, body):
    response = post(provider, name, body)
    assert response.status_code == 400
    assert not SuppressedAddress.objects.exists()


def test_an_address_that_is_not_one_in_a_report_is_ignored(db, webhook_secret, provider):
    body = [
        {"email": "not an address", "event": "bounce"},
        {"email": ["x@example.org"], "event": "spamreport"},
    ]
    assert post(provider, "sendgrid", body).status_code == 200
    assert not SuppressedAddress.objects.exists()


def test_only_a_keyed_hash_of_the_address_is_kept(db, webhook_secret, provider):
    post(provider, "ses", SES_BOUNCE)
    stored = SuppressedAddress.objects.values_list("address_key", "source").get()
    assert "gone" not in stored[0] and len(stored[0]) == 64
    assert stored[1] == "ses"


def test_the_command_marks_and_unmarks_addresses_by_hand(db):
    out = StringIO()
    call_command("suppress_email", "Someone@Example.org", "other@example.org", stdout=out)
    assert suppressed("someone@example.org") and suppressed("other@example.org")
    assert SuppressedAddress.objects.filter(reason="manual").count() == 2
    call_command("suppress_email", "someone@example.org", stdout=out)
    assert "already suppressed" in out.getvalue()
    call_command("suppress_email", "someone@example.org", "--remove", stdout=out)
    assert not suppressed("someone@example.org")
