"""The demo prisoner profiles: published, loaded twice without duplicates, with example addresses only."""

import pytest

from prisoners import demo
from prisoners.models import Prisoner, PrisonerEvent

pytestmark = pytest.mark.django_db


def test_the_demo_profiles_load_twice_without_duplicates(client):
    demo.load_content()
    demo.load_content()

    assert Prisoner.objects.published().count() == len(demo.PRISONERS) == 4
    assert PrisonerEvent.objects.count() == sum(len(spec["events"]) for spec in demo.PRISONERS)
    assert "Vadim Kuramshin" in client.get("/prisoners/").content.decode()


def test_every_demo_prison_address_is_marked_as_an_example():
    demo.load_content()
    for prisoner in Prisoner.objects.all():
        assert prisoner.postal_address.startswith("EXAMPLE ADDRESS")
