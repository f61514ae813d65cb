"""A page costs the same number of queries in every language: translations are columns of the
same rows (django-modeltranslation), never a join or a query more."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from campaign import page_cache
from publishing.models import SiteSettings
from tests import factories

pytestmark = pytest.mark.django_db

LANGUAGES = {"en": "", "ru": "/ru", "kk": "/kk"}


def queries_in(client, language, path):
    """The queries of a page in `language`, as most visitors cause them (the site's own words and
    the next scheduled item already known, as in tests/campaign/test_query_counts.py)."""
    with translation.override(language):
        SiteSettings.current()
    page_cache.content_version()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(LANGUAGES[language] + path)
    assert response.status_code == 200
    assert response["Content-Language"] == language
    return len(captured)


@pytest.fixture
def petition():
    prisoner = factories.prisoner("Vadim Kuramshin", name_ru="Вадим Курамшин")
    petition = factories.petition(title="Free Vadim Kuramshin", title_ru="Свободу Вадиму Курамшину")
    petition.prisoners.add(prisoner)
    factories.confirmed_signatures(petition, 5)
    return petition


@pytest.fixture
def appeal():
    factories.embassy("DE", salutation_kk="Мәртебелі елші!")
    administration = factories.central_addressee()
    return factories.appeal(
        "No closure in Zhezkazgan",
        addressees=[administration],
        categories=[factories.category("Appeals", name_kk="Үндеулер")],
        prisoners=[factories.prisoner("Roza Tuleteva")],
        title_kk="Жезқазғанда жабуға жол жоқ",
        letter_body_kk="Хат.",
    )


@pytest.mark.parametrize("page", ["petition", "appeal", "appeal letter"])
def test_the_petition_and_appeal_pages_cost_the_same_queries_in_english_russian_and_kazakh(
    client, settings, petition, appeal, page
):
    settings.PAGE_CACHE_SECONDS = 0
    path = {
        "petition": petition.get_absolute_url(),
        "appeal": appeal.get_absolute_url(),
        "appeal letter": f"{appeal.get_absolute_url()}?country=DE&name=Aigul",
    }[page]
    counts = {language: queries_in(client, language, path) for language in LANGUAGES}
    assert counts["ru"] == counts["en"] == counts["kk"], counts


@pytest.mark.parametrize("path", ["/", "/posts/", "/prisoners/", "/petitions/", "/search/?q=strike"])
def test_lists_cost_the_same_queries_in_every_language(client, settings, petition, appeal, path):
    settings.PAGE_CACHE_SECONDS = 0
    factories.article("Strike", title_ru="Забастовка", body="<p>strike</p>")
    counts = {language: queries_in(client, language, path) for language in LANGUAGES}
    assert counts["ru"] == counts["en"] == counts["kk"], counts
