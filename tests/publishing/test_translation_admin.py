"""Editors write each language in its own tab of the same form, and the lists show what is still
untranslated."""

import re

import pytest

from appeals.models import Appeal
from publishing.models import Article
from tests import factories
from tests.admin_forms import admin_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.mark.parametrize(
    ("url", "fields"),
    [
        ("/admin/publishing/article/add/", ["title", "standfirst", "body"]),
        (
            "/admin/appeals/appeal/add/",
            ["title", "letter_subject", "letter_salutation", "letter_body", "letter_closing"],
        ),
        ("/admin/petitions/petition/add/", ["title", "summary", "text", "addressee"]),
        ("/admin/prisoners/prisoner/add/", ["name", "summary", "biography"]),
        ("/admin/publishing/page/add/", ["title", "body"]),
        ("/admin/media_library/videopost/add/", ["title", "transcript"]),
        ("/admin/publishing/category/add/", ["name", "description"]),
    ],
)
def test_every_translated_field_has_a_tab_per_language(editor_client, url, fields):
    html = editor_client.get(url).content.decode()
    for field in fields:
        for language in ("en", "ru", "kk"):
            assert f'name="{field}_{language}"' in html, f"{field}_{language}"
        assert f'name="{field}"' not in html
    # The tabs' script and jQuery UI come from this site, never from a CDN.
    assert "/static/modeltranslation/js/tabbed_translation_fields.js" in html
    assert "/static/vendor/jquery-ui/jquery-ui.min.js" in html
    assert "googleapis" not in html


def test_the_rich_text_editor_edits_the_body_in_every_language(editor_client):
    html = editor_client.get("/admin/publishing/article/add/").content.decode()
    for language in ("en", "ru", "kk"):
        textarea = re.search(rf'<textarea[^>]*name="body_{language}"[^>]*>', html).group(0)
        assert "data-django-prose-editor" in textarea, language


def test_the_timeline_of_a_prisoner_is_translated_on_the_same_form(editor_client):
    html = editor_client.get("/admin/prisoners/prisoner/add/").content.decode()
    for language in ("en", "ru", "kk"):
        assert re.search(rf'name="[^"]*-0-title_{language}"', html), language


def test_an_editor_adds_the_russian_and_kazakh_versions_of_a_post(editor_client):
    post = factories.article("Strike", slug="strike", body="<p>Strike.</p>")
    url = f"/admin/publishing/article/{post.pk}/change/"
    data = admin_form_data(
        editor_client.get(url),
        title_ru="Забастовка",
        body_ru="<p>Забастовка.</p><script>alert(1)</script>",
        title_kk="Ереуіл",
        body_kk="<p>Ереуіл.</p>",
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    post = Article.objects.get(pk=post.pk)
    assert (post.title_en, post.title_ru, post.title_kk) == ("Strike", "Забастовка", "Ереуіл")
    assert post.body_ru == "<p>Забастовка.</p>"


def test_the_list_names_the_languages_a_post_still_lacks_and_filters_by_them(editor_client):
    factories.article("Untranslated", slug="untranslated")
    factories.article(
        "Russian only", slug="russian-only", title_ru="Только по-русски", standfirst="", body=""
    )
    factories.article("Both", slug="both", title_ru="Оба", title_kk="Екеуі", standfirst="", body="")

    html = editor_client.get("/admin/publishing/article/").content.decode()
    cells = dict(
        re.findall(
            r'<a href="/admin/publishing/article/\d+/change/">([^<]+)</a>.*?'
            r'<td class="field-missing_translations_label">([^<]*)</td>',
            html,
            re.S,
        )
    )
    assert cells == {"Untranslated": "Русский, Қазақша", "Russian only": "Қазақша", "Both": "–"}

    kazakh_missing = editor_client.get("/admin/publishing/article/", {"untranslated": "kk"}).content.decode()
    assert "Untranslated" in kazakh_missing and "Russian only" in kazakh_missing
    assert ">Both</a>" not in kazakh_missing
    russian_missing = editor_client.get("/admin/publishing/article/", {"untranslated": "ru"}).content.decode()
    assert "Untranslated" in russian_missing and ">Russian only</a>" not in russian_missing


def test_an_appeal_counts_as_untranslated_until_its_title_is(editor_client):
    factories.appeal("Free them", letter_body_ru="Письмо.")
    html = editor_client.get("/admin/appeals/appeal/", {"untranslated": "ru"}).content.decode()
    assert "Free them" in html
    assert Appeal.objects.count() == 1
