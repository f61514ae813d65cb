"""The webhook mail providers post bounces and complaints to (outbox/bounces.py reads them).

Authenticated by the secret in its address (OUTBOX_WEBHOOK_SECRET), which every provider can
be given (SNS and Postmark take any https address; Mailgun's and SendGrid's too). Without the
setting the route answers 404, as for a wrong secret: it fails closed, and tells nothing.
No cookie and no CSRF token: providers post from their servers.
"""

import logging

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.utils.crypto import constant_time_compare
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .bounces import PROVIDERS, BadReport, read_report
from .models import SuppressedAddress
from .tasks import confirm_sns_subscription

logger = logging.getLogger(__name__)

MAX_REPORT_BYTES = 256 * 1024


@csrf_exempt
@require_POST
def bounce_webhook(request, provider, secret):
    expected = settings.OUTBOX_WEBHOOK_SECRET
    if not expected or not constant_time_compare(secret, expected) or provider not in PROVIDERS:
        raise Http404
    if int(request.headers.get("Content-Length") or 0) > MAX_REPORT_BYTES:
        return HttpResponseBadRequest("report too large", content_type="text/plain")
    try:
        addresses, confirmation_url = read_report(provider, request.body, request.content_type or "")
    except BadReport as error:
        logger.warning("Unreadable %s bounce report: %s", provider, error)
        return HttpResponseBadRequest(f"unreadable report: {error}", content_type="text/plain")
    for address, reason in addresses:
        SuppressedAddress.suppress(address, reason=reason, source=provider)
    if confirmation_url:
        # Opening Amazon's link confirms the subscription: the worker does it, not the request.
        confirm_sns_subscription.enqueue(confirmation_url)
    logger.info("%s report: %d address(es) suppressed", provider, len(addresses))
    return HttpResponse("ok", content_type="text/plain")
