"""A post or a prisoner profile linked to a petition invites its readers to sign it."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def petition():
    return factories.petition(
        title="Urgent action for Vadim Kuramshin", slug="urgent-action", summary="Free him.", goal=1000
    )


def test_a_post_linked_to_a_petition_shows_its_count_and_a_sign_button(client, petition):
    post = factories.article("Kuramshin moved to a harsher prison")
    petition.posts.add(post)
    html = client.get(post.get_absolute_url()).content.decode()
    assert "Urgent action for Vadim Kuramshin" in html
    assert f'href="{petition.get_absolute_url()}#sign"' in html
    assert 'class="petition-goal-bar"' in html


def test_a_post_without_a_petition_shows_no_petition_box(client, petition):
    post = factories.article("Unrelated news")
    assert "petition-call" not in client.get(post.get_absolute_url()).content.decode()


def test_a_prisoner_profile_shows_the_petitions_for_them(client, petition):
    prisoner = factories.prisoner("Vadim Kuramshin", slug="vadim-kuramshin")
    petition.prisoners.add(prisoner)
    html = client.get(prisoner.get_absolute_url()).content.decode()
    assert "Urgent action for Vadim Kuramshin" in html
