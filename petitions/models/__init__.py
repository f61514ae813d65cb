"""Petitions, their signatures, the small rows that keep their counts, and the e-mail outbox."""

from .counts import PetitionCounter, SignatureCountByCountry, SignatureCountByDay
from .outbox import OutgoingEmail, OutgoingEmailQuerySet
from .petition import Petition, PetitionQuerySet
from .signature import Signature, SignatureQuerySet

__all__ = [
    "OutgoingEmail",
    "OutgoingEmailQuerySet",
    "Petition",
    "PetitionCounter",
    "PetitionQuerySet",
    "Signature",
    "SignatureCountByCountry",
    "SignatureCountByDay",
    "SignatureQuerySet",
]
