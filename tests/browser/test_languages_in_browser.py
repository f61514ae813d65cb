"""Supporters in their own language, in a real browser: a visitor switches a petition to Russian,
signs, and reads the thank-you page and the e-mail in Russian, the count in the right plural
form; a Kazakh visitor reads an appeal and writes its model letter in Kazakh."""

import re
from urllib.parse import unquote

import pytest
from django.core import mail
from playwright.sync_api import expect

from petitions.models import Signature
from tests import factories
from tests.browser import ARTIFACTS

CONFIRM_LINK = re.compile(r"https?://\S+/signatures/confirm/\S+/")


@pytest.fixture
def petition(settings, live_server):
    # The server thread sends the e-mail itself, once the signature is committed.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.SITE_URL = live_server.url
    return factories.petition(
        title="Urgent action for Vadim Kuramshin",
        title_ru="Срочная акция в защиту Вадима Курамшина",
        slug="urgent-action-for-vadim-kuramshin",
        summary="Free the human-rights lawyer.",
        summary_ru="Освободите правозащитника.",
        text="<p>We call for the immediate release of Vadim Kuramshin.</p>",
        text_ru="<p>Мы требуем немедленно освободить Вадима Курамшина.</p>",
        addressee="The President of the Republic of Kazakhstan",
        addressee_ru="Президенту Республики Казахстан",
        goal=100,
        is_featured=True,
    )


@pytest.mark.parametrize(
    ("signed_before", "count_text"), [(0, "1 подпись"), (1, "2 подписи"), (4, "5 подписей")]
)
def test_a_visitor_switches_to_russian_signs_and_is_thanked_in_russian(
    live_server, page, petition, signed_before, count_text
):
    factories.confirmed_signatures(petition, signed_before)
    mail.outbox.clear()
    page.goto(f"{live_server.url}{petition.get_absolute_url()}")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.locator(".language-switcher").get_by_role("link", name="Русский").click()

    expect(page).to_have_url(f"{live_server.url}/ru{petition.get_absolute_url()}")
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.get_by_role("heading", level=1)).to_have_text("Срочная акция в защиту Вадима Курамшина")
    expect(page.locator(".language-switcher [aria-current='true']")).to_have_text("Русский")

    form = page.locator("form.petition-form")
    form.get_by_role("textbox", name=re.compile("^Имя")).fill("Ольга")
    form.get_by_role("textbox", name=re.compile("^Фамилия")).fill("Иванова")
    form.get_by_role("textbox", name=re.compile("^Адрес эл. почты")).fill("olga@example.org")
    form.get_by_role("combobox", name=re.compile("^Страна")).select_option("KZ")
    form.get_by_role("button", name="Подписать петицию").click()

    expect(page.get_by_role("heading", name="Проверьте почту")).to_be_visible()
    assert Signature.objects.get(email="olga@example.org").language == "ru"
    (message,) = mail.outbox
    assert "Срочная акция в защиту Вадима Курамшина" in message.subject
    assert message.body.startswith("Здравствуйте,")
    assert "Ссылка действует 7 дней." in message.body  # Russian plurals in the e-mail too
    confirm_url = CONFIRM_LINK.search(message.body).group(0)
    assert confirm_url.startswith(f"{live_server.url}/ru/signatures/confirm/")

    page.goto(confirm_url)
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    page.get_by_role("button", name="Подтвердить мою подпись").click()

    expect(page.get_by_text("Спасибо: ваша подпись подтверждена и учтена.")).to_be_visible()
    assert re.search(r"/ru/petitions/urgent-action-for-vadim-kuramshin/(#petition-count)?$", page.url)
    expect(page.locator("main #petition-count .petition-count")).to_have_text(
        re.compile(rf"^\s*{count_text}\s*$")
    )
    page.screenshot(path=ARTIFACTS / f"petition-thanked-in-russian-{signed_before + 1}.png", full_page=True)


def test_a_kazakh_visitor_reads_an_appeal_and_writes_its_model_letter_in_kazakh(live_server, page):
    administration = factories.central_addressee()
    factories.embassy("DE", name="Embassy of Kazakhstan in Germany", salutation_kk="Мәртебелі елші!")
    appeal = factories.appeal(
        "No closure in Zhezkazgan",
        title_kk="Жезқазғанда зауытты жабуға жол жоқ",
        standfirst_kk="Үлгі хатты еліңіздегі елшілікке жіберіңіз.",
        body_kk="<p>Жұмысшылар зауытты ұлттандыруды талап етеді.</p>",
        letter_subject_kk="Наразылық: зауыттарды жабуға жол бермеу",
        letter_salutation_kk="Құрметті ханымдар мен мырзалар!",
        letter_body_kk="Зауыттарды жабу жоспарына наразылығымды білдіремін.\n\nЖұмысшыларды қолдаймын.",
        letter_closing_kk="Құрметпен,",
        addressees=[administration],
    )

    page.goto(f"{live_server.url}/kk{appeal.get_absolute_url()}")

    expect(page.locator("html")).to_have_attribute("lang", "kk")
    expect(page.get_by_role("heading", level=1)).to_have_text("Жезқазғанда зауытты жабуға жол жоқ")
    expect(page.locator(".post-body")).to_contain_text("Жұмысшылар зауытты ұлттандыруды талап етеді.")
    expect(page.locator(".translation-note")).to_have_count(0)

    page.select_option("#id_country", "DE")
    sheet = page.locator(".letter-sheet")
    expect(sheet.locator(".letter-salutation")).to_have_text("Мәртебелі елші!")
    expect(sheet.locator(".letter-subject")).to_have_text("Наразылық: зауыттарды жабуға жол бермеу")
    expect(sheet.locator(".letter-body")).to_contain_text(
        "Зауыттарды жабу жоспарына наразылығымды білдіремін."
    )
    expect(sheet.locator(".letter-closing")).to_have_text("Құрметпен,")
    expect(sheet).not_to_contain_text("Your Excellency")

    page.fill("#id_name", "Айгүл Сәрсенова")
    expect(sheet.locator(".letter-signature-name")).to_have_text("Айгүл Сәрсенова")
    mailto = unquote(page.locator(".js-mailto").get_attribute("href"))
    assert "subject=Наразылық: зауыттарды жабуға жол бермеу" in mailto
    assert "Мәртебелі елші!" in mailto and "Айгүл Сәрсенова" in mailto
    page.screenshot(path=ARTIFACTS / "appeal-letter-in-kazakh.png", full_page=True)
