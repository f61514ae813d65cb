"""Validators for what visitors type into the site's forms, shared by every app's forms."""

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
