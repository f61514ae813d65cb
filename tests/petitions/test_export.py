"""Campaign managers export confirmed signatures as a streamed CSV; editors never see signers' data."""

import csv
import io
import re

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.http import StreamingHttpResponse
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from petitions import exports
from petitions.exports import neutralise
from petitions.models import Signature
from publishing.roles import crud
from tests import factories
from tests.factories import confirmed_signatures, sign

pytestmark = pytest.mark.django_db


@pytest.fixture
def groups():
    call_command("setup_groups", verbosity=0)


def export_url(petition):
    return f"/admin/petitions/petition/{petition.pk}/export/"


def csv_rows(content):
    text = content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def read_csv(response):
    return csv_rows(b"".join(response.streaming_content))


def test_setup_groups_creates_editors_and_campaign_managers_with_the_right_permissions(groups):
    editors = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))
    managers = set(Group.objects.get(name="Campaign managers").permissions.values_list("codename", flat=True))
    assert {"add_petition", "change_petition", "view_petition"} <= editors
    assert not {codename for codename in editors if "signature" in codename}
    assert managers == {
        "view_petition",
        "view_signature",
        "export_signatures",
        "review_signatures",
        "delete_signature",
        # Hand-ins they record (the petition page's delivery log).
        *crud("delivery", "deliveryphoto"),
    }


def test_an_export_of_several_chunks_streams_every_row(client, manager, petition):
    # Enough rows that the database is read in three chunks and the CSV is written in many pieces.
    how_many = 2 * exports.CHUNK_SIZE + exports.ROWS_PER_WRITE + 1
    confirmed_signatures(petition, how_many)
    client.force_login(manager)

    response = client.get(export_url(petition))

    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f"signatures-{petition.slug}-" in response["Content-Disposition"]
    pieces = list(response.streaming_content)
    assert len(pieces) > how_many // exports.ROWS_PER_WRITE  # sent as it is read, not all at once
    rows = csv_rows(b"".join(pieces))
    assert rows[0][:3] == ["Petition", "First name", "Surname"]
    assert len(rows) == how_many + 1
    assert {row[0] for row in rows[1:]} == {petition.slug}
    assert len({row[2] for row in rows[1:]}) == how_many


def test_the_export_holds_only_counted_signatures_and_consented_fields(client, manager, petition):
    confirmed_signatures(petition, 1)
    Signature.objects.update(
        first_name='=HYPERLINK("http://evil.example")',
        last_name="@SUM(A1)",
        comment="+1 from Almaty",
        city_or_postcode="-Leeds",
        wants_updates=False,
    )
    confirmed_signatures(petition, 1, wants_updates=True, first_name="Ruth")
    sign(petition, email="pending@example.org")
    flagged = confirmed_signatures(petition, 1, flag_reason="ip_limit", first_name="Flagged")
    assert flagged == 2  # flagged signatures are not counted
    client.force_login(manager)

    rows = read_csv(client.get(export_url(petition)))

    by_name = {row[1]: row for row in rows[1:]}
    assert set(by_name) == {'\'=HYPERLINK("http://evil.example")', "Ruth"}
    neutralised = by_name['\'=HYPERLINK("http://evil.example")']
    assert neutralised[2] == "'@SUM(A1)"
    assert neutralised[5] == "'-Leeds"
    assert neutralised[6] == "'+1 from Almaty"
    assert neutralised[8] == ""  # no e-mail without consent to be kept informed
    assert by_name["Ruth"][8].endswith("@example.org")
    assert "pending@example.org" not in str(rows)


def test_the_admin_action_exports_the_selected_petitions(client, manager):
    first, second = factories.petition(), factories.petition()
    confirmed_signatures(first, 3)
    confirmed_signatures(second, 2)
    client.force_login(manager)

    response = client.post(
        "/admin/petitions/petition/",
        {"action": "export_signatures", "_selected_action": [first.pk, second.pk]},
    )

    assert response.streaming
    rows = read_csv(response)
    assert [row[0] for row in rows[1:]] == [first.slug] * 3 + [second.slug] * 2


def test_the_change_page_offers_the_export_to_managers_only(client, manager, editor, petition):
    change_url = f"/admin/petitions/petition/{petition.pk}/change/"
    client.force_login(manager)
    assert export_url(petition) in client.get(change_url).content.decode()
    client.force_login(editor)
    assert export_url(petition) not in client.get(change_url).content.decode()


def test_editors_manage_petitions_but_never_see_signers(client, editor, petition):
    confirmed_signatures(petition, 3)
    client.force_login(editor)

    assert client.get("/admin/petitions/petition/").status_code == 200
    assert client.get(export_url(petition)).status_code == 403
    assert client.get("/admin/petitions/signature/").status_code == 403
    changelist = client.get("/admin/petitions/petition/").content.decode()
    assert "export_signatures" not in changelist
    change_page = client.get(f"/admin/petitions/petition/{petition.pk}/change/").content.decode()
    assert "example.org" not in change_page
    assert "Signer" not in change_page


def test_managers_see_signatures_but_cannot_change_them(client, manager, petition):
    confirmed_signatures(petition, 2)
    client.force_login(manager)
    assert client.get("/admin/petitions/signature/").status_code == 200
    signature = Signature.objects.first()
    page = client.get(f"/admin/petitions/signature/{signature.pk}/change/")
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+44 20", "'+44 20"),
        ("-x", "'-x"),
        ("@cmd", "'@cmd"),
        ("\t=1", "\t'=1"),
        ("x;=2+2;", "x;'=2+2;"),
        ("Almaty, -1+1", "Almaty, '-1+1"),
        ('say "=1+1"', 'say "\'=1+1"'),
        ("\uff1d1+1", "'\uff1d1+1"),
        ("Anna-Maria", "Anna-Maria"),
        ("C++ and e-mail", "C++ and e-mail"),
        ("", ""),
    ],
)
def test_formula_triggers_are_neutralised_wherever_a_cell_may_start(value, safe):
    assert neutralise(value) == safe


# What a spreadsheet runs as a formula when a cell starts with it (full-width forms included).
TRIGGERS = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# The separators a spreadsheet picks: from the locale (",", ";"), its import dialog (tab,
# space, "|") or a guess.
SEPARATORS = [",", ";", "\t", "|", " "]
HOSTILE = [
    "x;=2+2;",
    "=cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "Almaty,+1+cmd|' /C calc'!A0",
    "x; =1+1",
    "x\t-2+3",
    "x|@SUM(1)",
    'a";=1+1;"b',
    '"=1+1"',
    "line one\n=1+1",
    "\r\n@SUM(1)",
    "\uff1d1+1",
]


def cells_as_a_spreadsheet_may_read_them(text):
    """Every cell of the CSV `text`, read with each separator, both honouring quotes (as
    spreadsheets do) and splitting each line blindly (as a careless import does); each cell
    with the spaces and quotes a spreadsheet may trim taken off its start."""
    for separator in SEPARATORS:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=separator):
            yield from row
        for line in text.splitlines():
            yield from line.split(separator)


# What a spreadsheet may trim off the start of a cell: spaces, control characters and quotes.
TRIMMED = re.compile(r'^[\s"\x00-\x1f\x7f-\x9f]+')


def formula_cells(text):
    trimmed = (TRIMMED.sub("", cell) for cell in cells_as_a_spreadsheet_may_read_them(text))
    return [cell for cell in trimmed if cell.startswith(TRIGGERS)]


def test_hostile_names_cities_and_comments_start_no_formula_whatever_the_separator(client, manager, petition):
    for number, value in enumerate(HOSTILE):
        confirmed_signatures(
            petition,
            1,
            first_name=value,
            last_name=value,
            city_or_postcode=value,
            comment=value,
            email=f"{number}@example.org",
            wants_updates=True,
        )
    client.force_login(manager)

    response = client.get(export_url(petition))
    text = b"".join(response.streaming_content).decode("utf-8")

    assert formula_cells(text) == []
    # Read as intended (commas, quotes honoured), every value is there with only "'" added.
    rows = csv_rows(text.encode())[1:]
    assert len(rows) == len(HOSTILE)
    for row in rows:
        for cell in (row[1], row[2], row[5], row[6]):
            assert cell.replace("'", "") in {value.replace("'", "") for value in HOSTILE}


def test_every_cell_of_the_export_is_quoted(client, manager, petition):
    confirmed_signatures(petition, 2)
    client.force_login(manager)
    text = b"".join(client.get(export_url(petition)).streaming_content).decode("utf-8")[1:]
    for line in text.splitlines():
        assert line.startswith('"') and line.endswith('"'), line
        assert '","' in line


ANY_CELL = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), max_size=40)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ANY_CELL, min_size=1, max_size=6))
@example([";=1+1", ",@A1", "\t-1", " +1", "|=1", '"=1', "\u3000=1"])
def test_no_text_at_all_makes_a_cell_that_starts_a_formula(values):
    text = "".join(exports._csv_chunks([values]))

    assert formula_cells(text) == []
    (row,) = list(csv.reader(io.StringIO(text, newline="")))
    assert [cell.replace("'", "") for cell in row] == [value.replace("'", "") for value in values]
