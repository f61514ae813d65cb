"""Petitions, their signatures and the small rows that keep their counts."""

from .counts import PetitionCounter, SignatureCountByCountry, SignatureCountByDay
from .delivery import Delivery, DeliveryPhoto
from .petition import Petition, PetitionQuerySet
from .signature import Signature, SignatureQuerySet

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
]
