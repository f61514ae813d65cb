"""The appeal in Russian and Kazakh: its post fields (inherited from publishing's Post), its
model letter and its closing message; a recipient's name and salutation (publishing/translation.py
says how the columns work)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Appeal, Recipient


@register(Appeal)
class AppealTranslation(TranslationOptions):
    fields = ("letter_subject", "letter_salutation", "letter_body", "letter_closing", "closing_message")


@register(Recipient)
class RecipientTranslation(TranslationOptions):
    fields = ("name", "salutation")
