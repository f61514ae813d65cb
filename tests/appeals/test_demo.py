"""The demo content: loads twice without duplicating, and never passes off an address as real."""

from io import StringIO

import pytest
from django.core.management import call_command

from appeals import demo
from appeals.models import Appeal, Recipient
from publishing.models import Article

pytestmark = pytest.mark.django_db


def load_demo_content():
    call_command("load_demo_content", stdout=StringIO())


def test_the_demo_loads_twice_without_duplicates_and_keeps_the_count(client):
    load_demo_content()
    Appeal.objects.update(letters_sent=12)
    load_demo_content()

    appeal = Appeal.objects.get(slug=demo.APPEAL_SLUG)
    assert appeal.letters_sent == 12
    assert {category.slug for category in appeal.categories.all()} == {"appeals", "video"}
    assert {person.name for person in appeal.prisoners.all()} == {
        "Roza Tuleteva",
        "Vadim Kuramshin",
        "Aron Atabek",
    }
    assert Article.objects.filter(slug=demo.ARTICLE_SLUG).count() == 1
    assert Recipient.objects.count() == len(demo.EMBASSIES) + 1

    page = client.get(appeal.get_absolute_url(), {"country": "IE"}).content.decode()
    assert "Embassy of the Republic of Kazakhstan in Ireland" in page
    assert "Zhezkazgan" in page
    assert "Open it in my e-mail program" in page  # the model letter fits in a mailto: link
    assert "The workers of Zhezkazgan" in client.get("/category/video/").content.decode()


def test_every_demo_address_is_marked_as_an_example():
    load_demo_content()
    assert Recipient.objects.embassies().count() >= 5
    for recipient in Recipient.objects.all():
        assert recipient.is_example
        assert recipient.email.endswith("@example.org")
        assert "EXAMPLE" in recipient.postal_address


def test_the_demo_appeal_and_petition_read_in_russian_and_kazakh(client):
    from petitions import demo as petition_demo
    from petitions.models import Petition

    load_demo_content()
    load_demo_content()  # twice: still the same versions

    appeal = Appeal.objects.get(slug=demo.APPEAL_SLUG)
    petition = Petition.objects.get(slug=petition_demo.PETITION_SLUG)
    for language in ("ru", "kk"):
        for field in ("title", "standfirst", "body", "letter_subject", "letter_salutation", "letter_body"):
            assert getattr(appeal, f"{field}_{language}"), (field, language)
        for field in ("title", "summary", "text", "addressee"):
            assert getattr(petition, f"{field}_{language}"), (field, language)
    kazakh = client.get(f"/kk{appeal.get_absolute_url()}?country=DE").content.decode()
    assert "Мәртебелі елші!" in kazakh and "Жезқазған" in kazakh
    assert 'class="translation-note"' not in kazakh
    russian = client.get(f"/ru{petition.get_absolute_url()}").content.decode()
    assert "Срочная акция в защиту Вадима Курамшина" in russian
    assert 'class="translation-note"' not in russian
