"""Where a request comes from, decided only by settings a visitor cannot change."""

from django.conf import settings


def client_ip(request):
    """The client's IP address.

    X-Forwarded-For is read only when TRUSTED_PROXY_COUNT says how many proxies
    of ours append to it; we then take the address our outermost proxy saw.
    Entries to the left of that were written by the client and are ignored.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")
