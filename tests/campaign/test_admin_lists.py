"""Every list in the admin sorts each row once: no column sorts across a relation to many rows.

A column whose name is also the name of a relation (a display method called `signatures` on
petitions) is sorted by the relation, not by the method: every petition then comes once per
signature, and with many signatures the page never loads. These tests read every registered
list, so that the same mistake cannot come back on another one.
"""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist
from django.db.models.constants import LOOKUP_SEP
from django.test import RequestFactory

pytestmark = pytest.mark.django_db

REGISTERED = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


def labels(items):
    return [model._meta.label for model, _model_admin in items]


def changelist(model_admin):
    """The list as a superuser sees it (every column); no query is run."""
    request = RequestFactory().get("/")
    request.user = get_user_model()(username="root", is_active=True, is_staff=True, is_superuser=True)
    return model_admin.get_changelist_instance(request)


def many_valued_steps(model, path):
    """The relations to many rows that sorting by `path` (a__b__c) would join, by name."""
    crossed = []
    for part in path.lstrip("-").split(LOOKUP_SEP):
        try:
            field = model._meta.get_field(part)
        except FieldDoesNotExist:
            break  # an annotation of the admin's queryset, or a lookup: no further join
        if field.one_to_many or field.many_to_many:
            crossed.append(part)
        if not field.is_relation:
            break
        model = field.related_model
    return crossed


@pytest.mark.parametrize(("model", "model_admin"), REGISTERED, ids=labels(REGISTERED))
def test_no_column_of_an_admin_list_is_named_like_a_relation_or_field_it_does_not_show(model, model_admin):
    """A display method named like a field or relation is shadowed by it when the list is sorted."""
    shadowed = []
    for name in model_admin.list_display:
        if not isinstance(name, str) or not hasattr(model_admin, name):
            continue
        try:
            model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        shadowed.append(name)
    assert shadowed == []


@pytest.mark.parametrize(("model", "model_admin"), REGISTERED, ids=labels(REGISTERED))
def test_no_column_or_default_order_of_an_admin_list_sorts_across_a_relation_to_many_rows(model, model_admin):
    listing = changelist(model_admin)
    orderings = {
        name: listing.get_ordering_field(name) for name in listing.list_display if name != "action_checkbox"
    }
    orderings.update({f"ordering: {name}": name for name in model_admin.get_ordering(None) or ()})
    joined = {
        name: many_valued_steps(model, order_by)
        for name, order_by in orderings.items()
        if isinstance(order_by, str)
    }
    assert {name: steps for name, steps in joined.items() if steps} == {}


def test_these_checks_catch_a_display_method_named_like_a_relation():
    """The checks above would have caught the petition list's `signatures` column."""
    from petitions.admin import PetitionAdmin
    from petitions.models import Petition

    class ShadowedCount(PetitionAdmin):
        list_display = ["title", "signatures"]

        @admin.display(ordering="signature_count")
        def signatures(self, petition):
            return petition.confirmed_count

    model_admin = ShadowedCount(Petition, admin.site)
    assert changelist(model_admin).get_ordering_field("signatures") == "signatures"
    assert many_valued_steps(Petition, "signatures") == ["signatures"]
