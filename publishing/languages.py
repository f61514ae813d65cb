"""Which language a piece of content can be read in, for every kind that editors translate.

Content is translated with django-modeltranslation (each app's translation.py): a field such
as `title` has a column per language (`title_en`, `title_ru`, `title_kk`) and reads, in the
active language, its own column or else the English original. These helpers tell a page (and
the admin) whether what it shows is the visitor's language, partly, or the original only.
"""

from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator

COMPLETE, PARTIAL, MISSING = "complete", "partial", "missing"

# Whole sentences per language (a language's name alone would need a grammatical case).
NOTES = {
    "ru": {
        MISSING: _("This page has not been translated into Russian yet; here is the original."),
        PARTIAL: _(
            "Parts of this page have not been translated into Russian yet; they are shown in the original."
        ),
    },
    "kk": {
        MISSING: _("This page has not been translated into Kazakh yet; here is the original."),
        PARTIAL: _(
            "Parts of this page have not been translated into Kazakh yet; they are shown in the original."
        ),
    },
}


def translated_field_names(model):
    """The names of `model`'s translated fields (its own and its parents'), or () if none."""
    try:
        return tuple(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return ()


def _filled(value):
    return value is not None and str(value).strip() != ""


def translation_state(item, language=None):
    """COMPLETE, PARTIAL or MISSING: how much of `item`'s original text has a version in
    `language` (the active one by default). Only fields with original text count; English,
    the original, is always complete."""
    language = language or get_language() or settings.LANGUAGE_CODE
    if language == settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
        return COMPLETE
    wanted = translated = 0
    for name in translated_field_names(type(item)):
        if not _filled(getattr(item, f"{name}_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}", None)):
            continue
        wanted += 1
        translated += _filled(getattr(item, f"{name}_{language}", None))
    if translated == wanted:
        return COMPLETE
    return MISSING if translated == 0 else PARTIAL


def missing_translations(item):
    """The languages (codes) `item` has no complete version in, besides the original."""
    return [
        code
        for code, _name in settings.LANGUAGES
        if code != settings.MODELTRANSLATION_DEFAULT_LANGUAGE and translation_state(item, code) != COMPLETE
    ]


def translation_note(item, language=None):
    """The sentence telling a visitor that (part of) `item` is shown in the original, or ""."""
    language = language or get_language() or settings.LANGUAGE_CODE
    state = translation_state(item, language)
    if state == COMPLETE:
        return ""
    return NOTES.get(language, {}).get(state, "")


def field_language(item, field_name, language=None):
    """The language `item`'s `field_name` reads in, in `language` (the active one by default):
    that language, or the original's when it has no version there."""
    language = language or get_language() or settings.LANGUAGE_CODE
    original = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    if language == original or field_name not in translated_field_names(type(item)):
        return language
    if _filled(getattr(item, f"{field_name}_{language}", None)):
        return language
    return original if _filled(getattr(item, f"{field_name}_{original}", None)) else language


def set_translations(item, translations):
    """Give `item` its versions in other languages ({"ru": {"title": ...}, "kk": {...}}) and save
    it, only if something changed (demo loaders run again and again)."""
    changed = False
    for language, fields in translations.items():
        for name, value in fields.items():
            column = f"{name}_{language}"
            if getattr(item, column) != value:
                setattr(item, column, value)
                changed = True
    if changed:
        item.save()
    return changed
