"""Confirmed signatures as CSV, streamed: a million rows use the memory of a few thousand.

The file is opened in spreadsheets, so no cell may ever start a formula, whatever separator
the spreadsheet splits on: the comma we write, or the semicolon of a German, French or Polish
Excel, a tab, a space or "|" picked in an import dialog, none of which the quotes around each
cell stop once the separator differs. A formula trigger is therefore neutralised ("'" before it)
wherever a cell may start: at the start of the text and after any character a spreadsheet may
split on or trim (separators, quotes, spaces, control characters). Text is otherwise unchanged.
"""

import csv
import io
import re
from datetime import UTC

from django.http import StreamingHttpResponse
from django.utils.translation import gettext as _
from django_countries import countries

from .models import Signature

CHUNK_SIZE = 2000
# A spreadsheet runs a cell that starts with one of these as a formula (the full-width forms
# too: some spreadsheets read them as their ASCII twins).
FORMULA_TRIGGERS = "=+-@\uff1d\uff0b\uff0d\uff20"
# Characters a spreadsheet may split a line on, or trim off the start of a cell: separators
# (from the locale's list separator or an import dialog, Arabic and CJK forms included),
# quotes, and every space and control character (tab, line breaks, ...).
CELL_BREAKS = ",;|:\"'\u060c\u061b\uff0c\uff1b\u3001\\s\\x00-\\x1f\\x7f-\\x9f"
_ANY_TRIGGER = re.compile(f"[{re.escape(FORMULA_TRIGGERS)}]")
# A trigger right after a cell break (checked after matching the trigger: the scan for the
# rare trigger characters is fast, and the export is CPU-bound).
_TRIGGER_AFTER_A_BREAK = re.compile(
    f"[{re.escape(FORMULA_TRIGGERS)}](?<=[{CELL_BREAKS}][{re.escape(FORMULA_TRIGGERS)}])"
)


def neutralise(value):
    """Text that starts no formula in a spreadsheet, whatever separator it splits the line on:
    "'" goes before every formula trigger at the start or after a cell break (`x;=2+2` becomes
    `x;'=2+2`), and nothing else changes."""
    if not value or _ANY_TRIGGER.search(value) is None:  # almost every cell
        return value
    value = _TRIGGER_AFTER_A_BREAK.sub(r"'\g<0>", value)
    return f"'{value}" if value[0] in FORMULA_TRIGGERS else value


ROWS_PER_WRITE = 500


def _header():
    return [
        _("Petition"),
        _("First name"),
        _("Surname"),
        _("Country code"),
        _("Country"),
        _("City or postcode"),
        _("Comment"),
        _("Confirmed at (UTC)"),
        _("E-mail (only if they asked to be kept informed)"),
    ]


def signature_rows(petition_ids):
    """The header, then one row per counted signature, read from the database in chunks."""
    yield _header()
    rows = (
        Signature.objects.filter(petition_id__in=petition_ids)
        .counted()
        .order_by("petition_id", "confirmed_at", "pk")
        .values_list(
            "petition__slug",
            "first_name",
            "last_name",
            "country",
            "city_or_postcode",
            "comment",
            "confirmed_at",
            "wants_updates",
            "email",
        )
        .iterator(chunk_size=CHUNK_SIZE)
    )
    names = dict(countries)
    for slug, first_name, last_name, country, city, comment, confirmed_at, wants_updates, email in rows:
        yield [
            slug,
            first_name,
            last_name,
            country,
            names.get(country, country),
            city,
            comment,
            confirmed_at.astimezone(UTC).isoformat(" ", "seconds")[:19],
            email if wants_updates else "",
        ]


def signatures_csv_response(petition_ids, filename):
    response = StreamingHttpResponse(
        _with_bom(_csv_chunks(signature_rows(petition_ids))),
        content_type="text/csv; charset=utf-8",
        headers={"Cache-Control": "no-store"},
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _csv_chunks(rows):
    """CSV text a few hundred rows at a time: one write per row made the export CPU-bound.

    Every cell is quoted and neutralised (`neutralise`), whoever wrote it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL)
    for number, row in enumerate(rows, start=1):
        row = [str(cell) for cell in row]
        # One search of the whole row ("\x00", a cell break, stands for each cell's start)
        # finds nearly every row has nothing to neutralise; the export is CPU-bound.
        if _TRIGGER_AFTER_A_BREAK.search("\x00" + "\x00".join(row)) is not None:
            row = [neutralise(cell) for cell in row]
        writer.writerow(row)
        if number % ROWS_PER_WRITE == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _with_bom(lines):
    # The byte order mark tells spreadsheet programs the file is UTF-8 (names in Cyrillic, Kazakh...).
    yield "\ufeff"
    yield from lines
