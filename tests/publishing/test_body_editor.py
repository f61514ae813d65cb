"""The body editor offers what the sanitiser keeps, and every body field in the admin gets it."""

import pytest
from django.contrib import admin
from django_prose_editor.config import allowlist_from_extensions, expand_extensions

from appeals.models import Appeal
from petitions.models import Petition
from prisoners.models import Prisoner
from publishing import html
from publishing.models import Article, Page
from publishing.widgets import EDITOR_EXTENSIONS, RichTextWidget

# The sanitiser keeps <b> and <i> from older bodies; the editor writes them as <strong> and <em>.
KEPT_FOR_OLD_BODIES = {"b", "i"}


def test_the_editor_offers_exactly_the_elements_the_sanitiser_keeps():
    offered = allowlist_from_extensions(expand_extensions(EDITOR_EXTENSIONS))
    assert offered["tags"] == html.ALLOWED_TAGS - KEPT_FOR_OLD_BODIES
    # Every attribute the site keeps can be written; the editor's extras are stripped on save.
    for tag, attributes in html.ALLOWED_ATTRIBUTES.items():
        assert attributes <= set(offered["attributes"].get(tag, ())), tag
    assert set(offered.get("url_schemes", html.ALLOWED_URL_SCHEMES)) <= html.ALLOWED_URL_SCHEMES


@pytest.mark.parametrize(
    ("model", "field"),
    [(Article, "body"), (Appeal, "body"), (Page, "body"), (Petition, "text"), (Prisoner, "biography")],
)
def test_every_body_in_the_admin_is_edited_with_the_editor(model, field):
    model_admin = admin.site._registry[model]
    form_field = model_admin.formfield_for_dbfield(model._meta.get_field(field), request=None)
    assert isinstance(form_field.widget, RichTextWidget)
    assert "data-django-prose-editor-configurable" in form_field.widget.render(field, "<p>x</p>")


def test_a_body_that_comes_back_with_an_error_keeps_what_the_editor_wrote(client, editor):
    client.force_login(editor)
    response = client.post(
        "/admin/publishing/article/add/",
        {"title_en": "", "slug": "x", "status": "draft", "body_en": "<p>Kept <strong>text</strong></p>"},
    )
    assert response.status_code == 200
    assert "&lt;p&gt;Kept &lt;strong&gt;text&lt;/strong&gt;&lt;/p&gt;" in response.content.decode()
