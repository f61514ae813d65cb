"""A Russian or Kazakh reader gets the interface in their language, with the right plural forms."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from tests import factories

pytestmark = pytest.mark.django_db


def get_in(client, language, view_name, **kwargs):
    """Fetch a page the way a reader of `language` reaches it (its address and their browser)."""
    with translation.override(language):
        address = reverse(view_name, kwargs=kwargs)
    return client.get(address, HTTP_ACCEPT_LANGUAGE=language)


@pytest.mark.parametrize(
    ("signatures", "count_line"),
    [
        (1, "1</strong> подпись"),
        (2, "2</strong> подписи"),
        (5, "5</strong> подписей"),
        (21, "21</strong> подпись"),
    ],
)
def test_a_russian_reader_sees_the_count_of_signatures_with_the_right_plural_form(
    client, signatures, count_line
):
    petition = factories.petition(goal=1000)
    factories.confirmed_signatures(petition, signatures)
    page = get_in(client, "ru", "petitions:petition_detail", slug=petition.slug).content.decode()
    assert count_line in page
    assert "Подписать петицию" in page
    assert "Цель: 1\u00a0000 подписей" in page or "Цель: 1 000 подписей" in page


def test_a_kazakh_reader_sees_the_count_of_signatures_in_kazakh(client):
    petition = factories.petition(goal=1000)
    factories.confirmed_signatures(petition, 2)
    page = get_in(client, "kk", "petitions:petition_detail", slug=petition.slug).content.decode()
    assert "2</strong> қол" in page
    assert "Петицияға қол қою" in page


def test_the_privacy_notice_reads_in_russian_with_its_periods_in_the_right_form(client):
    page = get_in(client, "ru", "petitions:privacy").content.decode()
    assert "Политика конфиденциальности" in page
    assert "Мы не храним ваш IP-адрес." in page
    assert "When you sign a petition we keep" not in page


def test_a_missing_page_says_so_in_russian(client):
    with translation.override("ru"):
        address = reverse("petitions:petition_detail", kwargs={"slug": "no-such-petition"})
    page = client.get(address, HTTP_ACCEPT_LANGUAGE="ru")
    assert page.status_code == 404
    assert "Мы не нашли эту страницу" in page.content.decode()


def test_a_kazakh_reader_sees_counts_grouped_and_dates_in_kazakh(client):
    appeal = factories.appeal(letters_sent=1234, deadline=datetime.date(2030, 12, 1))
    with translation.override("kk"):
        address = appeal.get_absolute_url()
    page = client.get(address, HTTP_ACCEPT_LANGUAGE="kk").content.decode()
    assert "Осы уақытқа дейін 1\u00a0234 хат жіберілді." in page
    assert "Мерзімі: 2030 жылғы 1 желтоқсан." in page


def test_a_russian_reader_sees_the_count_of_letters_grouped_with_its_plural_form(client):
    appeal = factories.appeal(letters_sent=1234)
    with translation.override("ru"):
        address = appeal.get_absolute_url()
    page = client.get(address, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Уже отправлено 1\u00a0234 письма." in page
