"""An appeal closed because its prisoner was released shows the outcome instead of the letter
tool; its text and the count of letters stay."""

from datetime import date

import pytest

from appeals import services
from appeals.models import Appeal
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def appeal():
    return factories.appeal(
        "Write to the embassy for Roza",
        letter_body="Release Roza Tuleteva.",
        body="<p>Roza Tuleteva was jailed for speaking for strikers.</p>",
    )


def test_an_open_appeal_offers_the_letter_tool(client, appeal):
    assert 'id="send-letter"' in client.get(appeal.get_absolute_url()).content.decode()


def test_after_closing_the_appeal_page_shows_the_outcome_and_no_letter_tool(client, appeal):
    services.close_with_outcome(
        Appeal.objects.filter(pk=appeal.pk),
        outcome="acquitted",
        outcome_on=date(2014, 3, 12),
        message="Thank you for every letter.",
    )

    html = client.get(appeal.get_absolute_url()).content.decode()

    assert 'id="send-letter"' not in html
    assert "Acquitted on 12 March 2014" in html
    assert "Thank you for every letter." in html
    assert "Roza Tuleteva was jailed for speaking for strikers." in html


def test_a_closed_appeal_says_so_in_lists_instead_of_asking_for_letters(client, appeal):
    services.close_with_outcome(
        Appeal.objects.filter(pk=appeal.pk), outcome="released", outcome_on=date(2014, 3, 12), message=""
    )

    assert Appeal.objects.get(pk=appeal.pk).card_note == "Released on 12 March 2014"
