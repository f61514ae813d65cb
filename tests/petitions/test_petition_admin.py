"""The petition list in the admin: sorting by the count lists each petition once, however many signed."""

import pytest
from django.contrib.admin.utils import label_for_field
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from tests.factories import confirmed_signatures

pytestmark = pytest.mark.django_db

LIST = "/admin/petitions/petition/"


def listed_petitions(response):
    return [petition.pk for petition in response.context["cl"].result_list]


def count_column(petition_admin_list):
    """The index of the "Confirmed signatures" column, as `?o=` takes it."""
    changelist = petition_admin_list.context["cl"]
    labels = [
        str(label_for_field(name, changelist.model, changelist.model_admin)).lower()
        for name in changelist.list_display
    ]
    return labels.index("confirmed signatures")


@pytest.mark.parametrize("direction", ["", "-"])
def test_sorting_by_confirmed_signatures_lists_each_petition_once_in_count_order(client, editor, direction):
    few, many, none = factories.petition(), factories.petition(), factories.petition()
    confirmed_signatures(few, 2)
    confirmed_signatures(many, 5)
    client.force_login(editor)
    column = count_column(client.get(LIST))

    response = client.get(LIST, {"o": f"{direction}{column}"})

    assert response.status_code == 200
    ascending = [none.pk, few.pk, many.pk]
    assert listed_petitions(response) == (ascending if not direction else ascending[::-1])
    assert response.context["cl"].result_count == 3


def test_the_sorted_list_costs_the_same_queries_however_many_petitions_and_signatures(client, editor):
    confirmed_signatures(factories.petition(), 3)
    client.force_login(editor)
    column = count_column(client.get(LIST))

    def queries_for_sorted_list():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(LIST, {"o": column}).status_code == 200
        return len(queries)

    before = queries_for_sorted_list()
    for _ in range(4):
        confirmed_signatures(factories.petition(), 50)
    assert queries_for_sorted_list() == before
