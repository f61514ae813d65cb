"""One petition at a time is featured in every page's sidebar, with its count; featuring
another takes its place in one step."""

import pytest

from petitions import services
from petitions.models import Petition
from tests import factories
from tests.factories import confirmed_signatures
from tests.servers import form_fields

pytestmark = pytest.mark.django_db


def sidebar_of(client, path="/"):
    html = client.get(path).content.decode()
    return html.split('class="sidebar-box sidebar-petition"')[1].split("</section>")[0]


def as_posted(fields):
    """The (name, value) pairs a browser submits, as the test client takes them."""
    data = {}
    for name, value in fields:
        data.setdefault(name, []).append(value)
    return data


def featured_titles():
    return list(Petition.objects.featured().values_list("title", flat=True))


def test_only_one_petition_is_featured_at_a_time():
    first = factories.petition(is_featured=True)
    second = factories.petition()

    services.feature(second)

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.is_featured, second.is_featured) == (False, True)
    services.feature(second)  # idempotent
    assert featured_titles() == [second.title]


def test_an_editor_features_another_petition_in_the_admin_in_one_step(client, editor):
    featured = factories.petition(title="Free the Zhanaozen oil workers", is_featured=True)
    chosen = factories.petition(title="Urgent action for Vadim Kuramshin")
    change_url = f"/admin/petitions/petition/{chosen.pk}/change/"
    client.force_login(editor)

    fields = form_fields(client.get(change_url).content.decode(), form_id="petition_form")
    assert ("feature_in_sidebar", "on") not in fields
    response = client.post(change_url, as_posted([*fields, ("feature_in_sidebar", "on"), ("_save", "Save")]))

    assert response.status_code == 302, response.content.decode()[:3000]
    assert featured_titles() == ["Urgent action for Vadim Kuramshin"]
    featured.refresh_from_db()
    assert not featured.is_featured
    sidebar = sidebar_of(client)
    assert "Urgent action for Vadim Kuramshin" in sidebar
    assert "Free the Zhanaozen oil workers" not in sidebar


def test_the_admin_action_features_the_chosen_petition_in_place_of_the_one_before(client, editor):
    factories.petition(title="Free the Zhanaozen oil workers", is_featured=True)
    chosen = factories.petition(title="Urgent action for Vadim Kuramshin")
    client.force_login(editor)

    response = client.post(
        "/admin/petitions/petition/", {"action": "feature", "_selected_action": [chosen.pk]}, follow=True
    )

    assert "is now featured in the sidebar" in response.content.decode()
    assert featured_titles() == ["Urgent action for Vadim Kuramshin"]


def test_an_editor_unticking_the_box_takes_the_petition_out_of_the_sidebar(client, editor):
    featured = factories.petition(title="Free the Zhanaozen oil workers", is_featured=True)
    change_url = f"/admin/petitions/petition/{featured.pk}/change/"
    client.force_login(editor)

    fields = form_fields(client.get(change_url).content.decode(), form_id="petition_form")
    assert ("feature_in_sidebar", "on") in fields
    kept = [(name, value) for name, value in fields if name != "feature_in_sidebar"]
    response = client.post(change_url, as_posted([*kept, ("_save", "Save")]))

    assert response.status_code == 302, response.content.decode()[:3000]
    assert featured_titles() == []
    assert "No petition is open right now" in client.get("/").content.decode()


def test_the_sidebar_shows_the_featured_petition_with_its_count_on_every_page(client, petition):
    confirmed_signatures(petition, 12)
    for path in ("/", "/privacy/", "/petitions/"):
        sidebar = sidebar_of(client, path)
        assert petition.title in sidebar
        assert 'data-count="12"' in sidebar
        assert '<progress class="petition-goal-bar" value="12" max="1000"' in sidebar
        assert f'href="{petition.get_absolute_url()}#sign"' in sidebar


def test_the_sidebar_says_so_when_no_petition_is_featured(client):
    factories.petition(is_featured=False)
    assert "No petition is open right now" in client.get("/").content.decode()
