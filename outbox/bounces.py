"""Reading the bounce and complaint reports mail providers post to the webhook (views.bounce_webhook).

Each reader takes the request's body (bytes) and returns the (address, reason) pairs that must
never be mailed again; reports that say nothing final (a soft bounce, a delivery, an open)
give nothing. Input is read defensively: anything that is not the provider's format raises
BadReport, which the view answers with 400.

- Amazon SES, through an SNS topic: SNS's envelope (SubscriptionConfirmation, Notification),
  its Message an SES notification ("notificationType") or event ("eventType"): permanent
  Bounce, Complaint.
- Postmark: one JSON object a post: RecordType Bounce (HardBounce, BadEmailAddress,
  ManuallyDeactivated, SpamNotification...) and SpamComplaint.
- Mailgun: webhooks as JSON ({"event-data": {...}}: failed with severity permanent,
  complained) or the legacy form posts (event=bounced / complained).
- SendGrid: the event webhook's JSON list (bounce, except "blocked"; spamreport).
"""

import json
from urllib.parse import urlsplit

from django.http import QueryDict

from .models import SuppressedAddress

BOUNCE = SuppressedAddress.Reason.BOUNCE
COMPLAINT = SuppressedAddress.Reason.COMPLAINT
MAX_ADDRESSES_PER_REPORT = 1000


class BadReport(ValueError):
    """Not a report in the provider's format."""


def _json(body):
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BadReport("not JSON") from error


def _address(value):
    if not isinstance(value, str):
        return None
    value = value.strip()
    # The bare address, from "Name <a@b>" too.
    if "<" in value and value.endswith(">"):
        value = value.rsplit("<", 1)[1][:-1].strip()
    if "@" not in value or len(value) > 254 or any(ch.isspace() for ch in value):
        return None
    return value


def _dict(value, what):
    if not isinstance(value, dict):
        raise BadReport(f"{what} is not an object")
    return value


def _list(value):
    return value if isinstance(value, list) else []


# --- Amazon SES through SNS -------------------------------------------------------------


def sns_confirmation_url(envelope):
    """The SubscribeURL of an SNS subscription confirmation, if it is Amazon's (https, *.amazonaws.com)."""
    url = envelope.get("SubscribeURL")
    if not isinstance(url, str):
        raise BadReport("no SubscribeURL")
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or not (host.startswith("sns.") and host.endswith(".amazonaws.com")):
        raise BadReport("SubscribeURL is not Amazon SNS")
    return url


def read_ses(body):
    """Returns (addresses, confirmation URL or None)."""
    envelope = _dict(_json(body), "the SNS message")
    kind = envelope.get("Type")
    if kind == "SubscriptionConfirmation":
        return [], sns_confirmation_url(envelope)
    if kind == "UnsubscribeConfirmation":
        return [], None
    if kind != "Notification":
        raise BadReport("unknown SNS message type")
    message = envelope.get("Message")
    if not isinstance(message, str):
        raise BadReport("no Message")
    notification = _dict(_json(message.encode("utf-8")), "the SES notification")
    kind = notification.get("notificationType") or notification.get("eventType")
    found = []
    if kind == "Bounce":
        bounce = _dict(notification.get("bounce"), "bounce")
        if bounce.get("bounceType") == "Permanent":
            found = [
                (r.get("emailAddress"), BOUNCE)
                for r in _list(bounce.get("bouncedRecipients"))
                if isinstance(r, dict)
            ]
    elif kind == "Complaint":
        complaint = _dict(notification.get("complaint"), "complaint")
        found = [
            (r.get("emailAddress"), COMPLAINT)
            for r in _list(complaint.get("complainedRecipients"))
            if isinstance(r, dict)
        ]
    elif not isinstance(kind, str):
        raise BadReport("no notificationType")
    return found, None


# --- Postmark ----------------------------------------------------------------------------

POSTMARK_FINAL_BOUNCES = {
    "HardBounce",
    "BadEmailAddress",
    "ManuallyDeactivated",
    "SpamNotification",
    "Blocked",
}


def read_postmark(body):
    record = _dict(_json(body), "the Postmark record")
    kind = record.get("RecordType")
    if kind == "SpamComplaint":
        return [(record.get("Email"), COMPLAINT)]
    if kind == "Bounce":
        if record.get("Type") == "SpamComplaint":
            return [(record.get("Email"), COMPLAINT)]
        if record.get("Type") in POSTMARK_FINAL_BOUNCES:
            return [(record.get("Email"), BOUNCE)]
        return []
    if not isinstance(kind, str):
        raise BadReport("no RecordType")
    return []


# --- Mailgun -----------------------------------------------------------------------------


def read_mailgun(body, content_type):
    if content_type.startswith("application/json"):
        event = _dict(_dict(_json(body), "the Mailgun post").get("event-data"), "event-data")
        kind = event.get("event")
        if kind == "complained":
            return [(event.get("recipient"), COMPLAINT)]
        if kind == "failed" and event.get("severity") == "permanent":
            return [(event.get("recipient"), BOUNCE)]
        if not isinstance(kind, str):
            raise BadReport("no event")
        return []
    try:
        form = QueryDict(body.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise BadReport("not a form") from error
    kind = form.get("event")
    if kind == "complained":
        return [(form.get("recipient"), COMPLAINT)]
    if kind == "bounced":
        return [(form.get("recipient"), BOUNCE)]
    if kind is None:
        raise BadReport("no event")
    return []


# --- SendGrid ----------------------------------------------------------------------------


def read_sendgrid(body):
    events = _json(body)
    if not isinstance(events, list):
        raise BadReport("not a list of events")
    found = []
    for event in events:
        if not isinstance(event, dict):
            raise BadReport("an event is not an object")
        kind = event.get("event")
        if kind == "spamreport":
            found.append((event.get("email"), COMPLAINT))
        elif kind == "bounce" and event.get("type", "bounce") != "blocked":
            found.append((event.get("email"), BOUNCE))
    return found


PROVIDERS = {"ses", "postmark", "mailgun", "sendgrid"}


def read_report(provider, body, content_type=""):
    """(list of (address, reason), SNS confirmation URL or None) from one post. BadReport if unreadable."""
    confirmation = None
    if provider == "ses":
        found, confirmation = read_ses(body)
    elif provider == "postmark":
        found = read_postmark(body)
    elif provider == "mailgun":
        found = read_mailgun(body, content_type)
    elif provider == "sendgrid":
        found = read_sendgrid(body)
    else:
        raise BadReport("unknown provider")
    addresses = [(address, reason) for value, reason in found if (address := _address(value))]
    if len(addresses) > MAX_ADDRESSES_PER_REPORT:
        raise BadReport("too many addresses in one report")
    return addresses, confirmation
