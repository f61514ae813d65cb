"""A supporter reading an appeal in Russian or Kazakh sends the model letter in that language,
every part of it; without a version in their language, they get the original, marked as such."""

import html
import re
from urllib.parse import unquote

import pytest
from django.utils import translation

from appeals.letters import compose_letter
from tests import factories

pytestmark = pytest.mark.django_db

KAZAKH_LETTER = {
    "letter_subject_kk": "Наразылық: зауыттарды жабуға жол бермеу",
    "letter_salutation_kk": "Құрметті ханымдар мен мырзалар!",
    "letter_body_kk": "Зауыттарды жабу жоспарына наразылығымды білдіремін.\n\nЖұмысшыларды қолдаймын.",
    "letter_closing_kk": "Құрметпен,",
}


@pytest.fixture
def appeal():
    administration = factories.central_addressee(salutation="Dear Sir or Madam,")
    factories.embassy("DE", salutation="Your Excellency,", salutation_kk="Мәртебелі елші!")
    return factories.appeal(
        "Solidarity with the KazakhMys workers",
        title_kk="«Қазақмыс» жұмысшыларымен ынтымақ",
        addressees=[administration],
        **KAZAKH_LETTER,
    )


def letter_html(client, path, **query):
    response = client.get(path, query)
    assert response.status_code == 200
    page = response.content.decode()
    return page, re.search(r'<article class="letter-sheet".*?</article>', page, re.S).group(0)


def test_a_kazakh_visitor_reads_the_appeal_and_its_model_letter_in_kazakh(client, appeal):
    page, letter = letter_html(client, f"/kk{appeal.get_absolute_url()}", country="DE")

    assert "«Қазақмыс» жұмысшыларымен ынтымақ" in page
    assert "Наразылық: зауыттарды жабуға жол бермеу" in letter
    assert "Мәртебелі елші!" in letter  # the embassy's own salutation, in Kazakh
    assert "Зауыттарды жабу жоспарына наразылығымды білдіремін." in letter
    assert "Құрметпен," in letter
    assert "Your Excellency" not in letter and "Protest: no closure" not in letter
    assert 'lang="en"' not in letter


def test_the_mailto_link_carries_the_kazakh_letter(client, appeal):
    page, _letter = letter_html(client, f"/kk{appeal.get_absolute_url()}", country="DE", name="Айгүл")
    href = html.unescape(re.search(r'class="[^"]*\bjs-mailto\b[^"]*" href="([^"]*)"', page).group(1))
    decoded = unquote(href)
    assert "subject=Наразылық: зауыттарды жабуға жол бермеу" in decoded
    assert "Мәртебелі елші!" in decoded and "Айгүл" in decoded


def test_a_recipient_without_a_salutation_in_the_language_gives_way_to_the_appeals(appeal):
    with translation.override("kk"):
        letter = compose_letter(appeal)  # to the central addressee, whose salutation is English only
    assert letter.salutation == "Құрметті ханымдар мен мырзалар!"
    assert letter.language == "kk"


def test_without_a_version_in_russian_the_letter_is_the_original_marked_as_english(client, appeal):
    page, letter = letter_html(client, f"/ru{appeal.get_absolute_url()}", country="DE")
    assert "Your Excellency," in letter and "Protest: no closure of the KazakhMys plants" in letter
    assert '<p class="letter-salutation" lang="en">' in letter
    assert 'class="translation-note"' in page


def test_the_english_letter_is_unchanged(client, appeal):
    _page, letter = letter_html(client, appeal.get_absolute_url(), country="DE")
    assert "Your Excellency," in letter and "Мәртебелі" not in letter and 'lang="' not in letter
