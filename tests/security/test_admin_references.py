"""`?_to_field=` (how the admin's pop-ups name the field a choice refers to) and the login form
answer any value with a clear refusal or the normal page, never a 500."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.test import Client

from tests import factories

pytestmark = pytest.mark.django_db

REGISTERED = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


def relation_names(model):
    """Every relation of the model by name: its own, and those of other models pointing at it."""
    return sorted(field.name for field in model._meta.get_fields(include_hidden=True) if field.is_relation)


CASES = [
    (model, name)
    for model, _model_admin in REGISTERED
    for name in relation_names(model)
    # A one-to-one parent link (post_ptr) is the primary key: referring to it is allowed.
    if not getattr(model._meta.get_field(name), "primary_key", False)
]


@pytest.fixture
def staff_client(superuser):
    client = Client(raise_request_exception=False)
    client.force_login(superuser)
    return client


def admin_url(model, view="changelist", object_id=None):
    base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
    return {"changelist": base, "add": f"{base}add/", "change": f"{base}{object_id}/change/"}[view]


def test_naming_a_relation_as_the_field_to_refer_to_is_refused_on_every_list_not_a_crash(staff_client):
    answers = {
        f"{model._meta.label}: {name}": staff_client.get(
            admin_url(model), {"_to_field": name, "_popup": "1"}
        ).status_code
        for model, name in CASES
    }
    assert {case: status for case, status in answers.items() if status != 400} == {}
    assert "petitions.Petition: signatures" in answers and "prisoners.Prisoner: events" in answers


@pytest.mark.parametrize("view", ["add", "change"])
def test_the_add_and_change_pages_refuse_a_relation_as_the_field_to_refer_to(staff_client, view):
    petition = factories.petition()
    url = admin_url(type(petition), view, petition.pk)
    assert staff_client.get(url, {"_to_field": "signatures", "_popup": "1"}).status_code == 400
    # The primary key is what pop-ups refer to: that keeps working.
    assert staff_client.get(url, {"_to_field": "id", "_popup": "1"}).status_code == 200


def test_a_field_another_model_refers_to_still_works_in_a_popup(staff_client):
    assert staff_client.get("/admin/auth/group/", {"_to_field": "id", "_popup": "1"}).status_code == 200
    Group.objects.create(name="Volunteers")
    page = staff_client.get("/admin/auth/group/", {"_to_field": "id", "_popup": "1"})
    assert "Volunteers" in page.content.decode()
