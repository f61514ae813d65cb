"""Petitions, their signatures, the small rows that keep their counts, and updates to signers."""

from .counts import PetitionCounter, SignatureCountByCountry, SignatureCountByDay
from .delivery import Delivery, DeliveryPhoto
from .petition import Petition, PetitionQuerySet
from .signature import Signature, SignatureQuerySet
from .update import Unsubscription, Update, UpdateRecipient

__all__ = [
    "Delivery",
    "DeliveryPhoto",
    "Petition",
    "PetitionCounter",
    "PetitionQuerySet",
    "Signature",
    "SignatureCountByCountry",
    "SignatureCountByDay",
    "SignatureQuerySet",
    "Unsubscription",
    "Update",
    "UpdateRecipient",
]
