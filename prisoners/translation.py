"""Prisoner profiles and their timelines in Russian and Kazakh (names too: readers of
Russian and Kazakh know them in Cyrillic)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Prisoner, PrisonerEvent


@register(Prisoner)
class PrisonerTranslation(TranslationOptions):
    fields = ("name", "summary", "charges", "sentence", "place_of_detention", "biography")


@register(PrisonerEvent)
class PrisonerEventTranslation(TranslationOptions):
    fields = ("title", "description")
