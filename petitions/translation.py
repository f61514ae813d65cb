"""The petition in Russian and Kazakh: what signers read and put their name to, and whom it
goes to. Signatures are not translated: a petition has one count in every language."""

from modeltranslation.translator import TranslationOptions, register

from .models import Delivery, DeliveryPhoto, Petition, Update


@register(Petition)
class PetitionTranslation(TranslationOptions):
    fields = ("title", "summary", "text", "addressee", "closing_message", "outcome_message")


@register(Update)
class UpdateTranslation(TranslationOptions):
    """Each recipient gets the update in the language they signed in (Signature.language), or
    in English where the editor wrote no version in it."""

    fields = ("subject", "body")


@register(Delivery)
class DeliveryTranslation(TranslationOptions):
    """A hand-in as the delivery log tells it: to whom, where, and what they answered."""

    fields = ("recipient", "place", "response")


@register(DeliveryPhoto)
class DeliveryPhotoTranslation(TranslationOptions):
    fields = ("caption",)
