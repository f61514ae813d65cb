"""A prisoner's status on their profile and in lists follows the latest change of status in
their timeline."""

from datetime import date

import pytest

from prisoners.models import Prisoner
from tests import factories
from tests.admin_forms import admin_form_data

pytestmark = pytest.mark.django_db


def test_a_release_in_the_timeline_makes_the_profile_say_released(client):
    prisoner = factories.prisoner("Roza Tuleteva", situation=Prisoner.Situation.SENTENCED)
    factories.status_change(prisoner, "sentenced", date=date(2012, 6, 4))
    factories.status_change(prisoner, "released", date=date(2014, 3, 12))

    assert prisoner.follow_status_events()

    prisoner.refresh_from_db()
    assert prisoner.situation == Prisoner.Situation.RELEASED
    assert prisoner.released_on == date(2014, 3, 12)
    html = client.get(prisoner.get_absolute_url()).content.decode()
    assert "prisoner-status--released" in html
    assert '<time datetime="2014-03-12">12 March 2014</time>' in html
    listing = client.get("/prisoners/").content.decode()
    assert "prisoner-status--released" in listing
    assert "Released on 12 March 2014" in listing


def test_a_new_arrest_after_a_release_makes_them_detained_again():
    prisoner = factories.prisoner(situation=Prisoner.Situation.RELEASED, released_on=date(2014, 3, 12))
    factories.status_change(prisoner, "released", date=date(2014, 3, 12))
    factories.status_change(prisoner, "detained", date=date(2016, 5, 1))

    prisoner.follow_status_events()

    prisoner.refresh_from_db()
    assert prisoner.situation == Prisoner.Situation.DETAINED
    assert prisoner.released_on is None


def test_a_transfer_leaves_the_status_as_it_was():
    prisoner = factories.prisoner(situation=Prisoner.Situation.SENTENCED)
    factories.status_change(prisoner, "sentenced", date=date(2012, 6, 4))
    factories.status_change(prisoner, "transferred", date=date(2013, 1, 10))

    assert not prisoner.follow_status_events()
    prisoner.refresh_from_db()
    assert prisoner.situation == Prisoner.Situation.SENTENCED


def test_a_profile_without_changes_of_status_keeps_what_the_editor_chose(client, editor):
    prisoner = factories.prisoner(situation=Prisoner.Situation.IN_EXILE)
    factories.timeline_event(prisoner, title="Left the country")
    client.force_login(editor)
    url = f"/admin/prisoners/prisoner/{prisoner.pk}/change/"

    client.post(url, admin_form_data(client.get(url)))

    prisoner.refresh_from_db()
    assert prisoner.situation == Prisoner.Situation.IN_EXILE


def test_saving_the_profile_in_the_admin_applies_the_latest_change(client, editor):
    prisoner = factories.prisoner(situation=Prisoner.Situation.SENTENCED)
    factories.status_change(prisoner, "acquitted", date=date(2015, 2, 2))
    client.force_login(editor)
    url = f"/admin/prisoners/prisoner/{prisoner.pk}/change/"

    client.post(url, admin_form_data(client.get(url)))

    prisoner.refresh_from_db()
    assert prisoner.situation == Prisoner.Situation.RELEASED
