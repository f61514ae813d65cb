"""The petition in Russian and Kazakh: what signers read and put their name to, and whom it
goes to. Signatures are not translated: a petition has one count in every language."""

from modeltranslation.translator import TranslationOptions, register

from .models import Petition


@register(Petition)
class PetitionTranslation(TranslationOptions):
    fields = ("title", "summary", "text", "addressee", "closing_message")
