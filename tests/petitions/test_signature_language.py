"""Each signature records the language it was made in, so that every later e-mail to its signer
can be written in that language."""

import pytest
from django.utils import translation

from petitions.models import Signature
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("active", "recorded"), [("ru", "ru"), ("kk", "kk"), ("ru-ru", "ru"), ("en", "en")])
def test_a_signature_records_the_language_it_was_made_in(active, recorded):
    petition = factories.petition()
    with translation.override(active):
        factories.sign(petition, email="aigul@example.org")
    assert Signature.objects.get(email="aigul@example.org").language == recorded


def test_a_language_the_site_does_not_speak_is_recorded_as_the_default():
    petition = factories.petition()
    factories.sign(petition, email="hans@example.org", language="de")
    assert Signature.objects.get(email="hans@example.org").language == "en"
