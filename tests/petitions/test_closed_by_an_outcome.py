"""A petition closed because its prisoner was released tells visitors so, in their language,
and takes no more signatures; its text, count and history stay on the page."""

from datetime import date

import pytest
from django.utils import translation

from petitions import services
from petitions.models import Petition, Signature
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed_petition():
    petition = factories.petition(title="Free Roza Tuleteva", text="<p>Release Roza Tuleteva now.</p>")
    factories.confirmed_signatures(petition, 12)
    services.close_with_outcome(
        Petition.objects.filter(pk=petition.pk),
        outcome="released",
        outcome_on=date(2014, 3, 12),
        message="Thank you to everyone who signed.",
    )
    return Petition.objects.get(pk=petition.pk)


def test_its_page_shows_the_outcome_and_no_signing_form(client, closed_petition):
    html = client.get(closed_petition.get_absolute_url()).content.decode()

    assert "Released on 12 March 2014" in html
    assert "Thank you to everyone who signed." in html
    assert 'class="petition-form"' not in html
    assert "Release Roza Tuleteva now." in html  # the text stays readable
    assert 'id="petition-count"' in html  # and the count


def test_signing_it_is_refused_with_a_clear_answer(client, closed_petition):
    response = client.post(
        f"/petitions/{closed_petition.slug}/sign/", factories.signing_form_data(), follow=True
    )

    assert not Signature.objects.filter(
        petition=closed_petition, email_normalised__startswith="aigerim"
    ).exists()
    html = response.content.decode()
    assert "Released on 12 March 2014" in html
    with pytest.raises(services.PetitionClosed):
        factories.sign(closed_petition)


def test_the_outcome_date_is_written_in_the_visitors_language(closed_petition):
    with translation.override("ru"):
        headline = closed_petition.outcome_headline
    assert "2014" in headline and "марта" in headline


def test_lists_show_it_as_closed_with_its_outcome(client, closed_petition):
    listing = client.get("/petitions/").content.decode()

    assert "Released on 12 March 2014: Thank you to everyone who signed." in listing


def test_closing_leaves_petitions_already_closed_as_they_were():
    won = factories.petition(action_status=Petition.ActionStatus.WON)

    closed = services.close_with_outcome(
        Petition.objects.filter(pk=won.pk), outcome="released", outcome_on=date(2014, 3, 12), message="x"
    )

    assert closed == []
    won.refresh_from_db()
    assert won.action_status == Petition.ActionStatus.WON and won.outcome == ""
