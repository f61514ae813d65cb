"""Validators for what visitors type into the site's forms, shared by every app's forms."""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Characters that reorder the text around them: in a name they can make it read as something else.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _is_control(character):
    # Cc: control characters (tab, line breaks, escape, NUL...); Zl, Zp: line and paragraph separators.
    return unicodedata.category(character) in {"Cc", "Zl", "Zp"} or character in BIDI_CONTROLS


def validate_one_line(value):
    """Refuse line breaks and invisible control characters (a name, a town, an address).

    Letters of every script, spaces, punctuation and joiners (as in Persian names) are welcome.
    """
    if any(_is_control(character) for character in value):
        raise ValidationError(
            _("Write this on one line, without line breaks or invisible control characters."),
            code="control_characters",
        )


def validate_plain_text(value):
    """Refuse invisible control characters in text of several lines (a comment, a paragraph):
    line breaks and tabs are welcome."""
    if any(_is_control(character) for character in value if character not in "\r\n\t"):
        raise ValidationError(
            _("Remove the invisible control characters from this text."), code="control_characters"
        )


# An origin a partner's page is served from: a scheme, a host (a leading "*." for every
# subdomain) and an optional port, nothing else. Only these characters can reach the
# Content-Security-Policy header the widget is sent with, so nothing can be smuggled into it.
_FRAME_ORIGIN = re.compile(
    r"https?://(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?"
)
MAX_FRAME_ORIGINS = 100


def frame_origins(value):
    """The origins written one a line in `value` (blank lines and trailing slashes ignored, in
    lower case), in order, each once."""
    origins = []
    for line in value.splitlines():
        origin = line.strip().rstrip("/").lower()
        if origin and origin not in origins:
            origins.append(origin)
    return origins


def validate_frame_origins(value):
    """Refuse anything but origins ("https://partner.org", "https://*.partner.org:8443"), one a line."""
    origins = frame_origins(value)
    wrong = [origin for origin in origins if not _FRAME_ORIGIN.fullmatch(origin)]
    if wrong:
        raise ValidationError(
            _(
                "Write one web address per line, as https://example.org: the scheme and the site's "
                "name only, without a path. Not understood: %(wrong)s"
            ),
            params={"wrong": ", ".join(wrong[:5])},
            code="not_an_origin",
        )
    if len(origins) > MAX_FRAME_ORIGINS:
        raise ValidationError(
            _("At most %(limit)d sites can be listed."), params={"limit": MAX_FRAME_ORIGINS}, code="too_many"
        )
