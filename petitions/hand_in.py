"""The printable hand-in pack of a petition: what is handed to its addressee.

Title, text, addressee, the total and the counts by country read from the same counter rows
as the count on the site (models/counts.py), so the pack and the page always agree; then the
names of the signers who agreed to be named publicly, as the site names them (first name and
the initial of the surname) with their country, in the order they signed.

The names are streamed: read with one query in chunks (`iterator`) and written a few hundred
at a time, so 200,000 signatures take the memory of a few thousand and a constant number of
queries.
"""

from django.http import StreamingHttpResponse
from django.template.loader import render_to_string
from django.utils.html import format_html
from django_countries import countries

from .models import PetitionCounter, Signature, SignatureCountByCountry

CHUNK_SIZE = 2000
ROWS_PER_WRITE = 500


def listed_signatures(petition):
    """The counted signatures whose signers agreed to be named publicly, in signing order."""
    return (
        Signature.objects.filter(petition=petition)
        .counted()
        .not_anonymised()
        .filter(show_name_publicly=True)
        .order_by("confirmed_at", "pk")
    )


def pack_context(petition):
    """Everything in the pack but the names, from a fixed number of queries."""
    names = dict(countries)
    by_country = [
        (code, names.get(code, code), total)
        for code, total in SignatureCountByCountry.objects.totals_for(petition.pk)
    ]
    return {
        "petition": petition,
        "total": PetitionCounter.objects.total_for(petition.pk),
        "by_country": by_country,
        "listed_count": listed_signatures(petition).count(),
        "country_names": names,
    }


def _public_name(first_name, last_name):
    initial = f" {last_name[:1].upper()}." if last_name else ""
    return f"{first_name}{initial}"


def _name_rows(petition, country_names):
    rows = listed_signatures(petition).values_list("first_name", "last_name", "country")
    buffer = []
    for first_name, last_name, country in rows.iterator(chunk_size=CHUNK_SIZE):
        buffer.append(
            format_html(
                '<li><span class="signer-name">{}</span>, <span class="signer-country">{}</span></li>\n',
                _public_name(first_name, last_name),
                country_names.get(country, country),
            )
        )
        if len(buffer) == ROWS_PER_WRITE:
            yield "".join(buffer)
            buffer = []
    yield "".join(buffer)


def hand_in_pack_response(request, petition):
    """The pack as one HTML page, streamed. The parts with words are rendered now, in the
    reader's language; the names follow as they are read."""
    context = pack_context(petition)
    head = render_to_string("petitions/hand_in_pack/head.html", context, request)
    tail = render_to_string("petitions/hand_in_pack/tail.html", context, request)

    def parts():
        yield head
        yield from _name_rows(petition, context["country_names"])
        yield tail

    return StreamingHttpResponse(
        parts(),
        content_type="text/html; charset=utf-8",
        headers={"Cache-Control": "no-store, private", "X-Robots-Tag": "noindex"},
    )
