"""Whatever the query string of an admin list holds, the answer is never a 500.

For every list registered in the admin (read from the registry, so a new one is covered at
once), as a superuser, an editor and a campaign manager: random values for the sort (`o`),
the search (`q`), the pop-up parameters (`_to_field`, `_popup`), the page (`p`), each filter's
own parameters and the date drill-down's. A user who may not see the list gets a 403; anyone
else gets the list, a redirect to it (Django's answer to a filter it cannot apply) or a 400.
"""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.test import Client, RequestFactory
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests import factories

pytestmark = pytest.mark.django_db

REGISTERED = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)
ROLES = ["superuser", "editor", "manager"]
NOT_A_CRASH = {200, 302, 400, 403}

ANY_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=60)
NUMBERISH = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(["", "0", "-0", "1e9", "0x10", "١٢", "NaN", "None", "null", "True", "False"]),
)
DATEISH = st.one_of(
    NUMBERISH,
    st.dates().map(str),
    st.sampled_from(["2026-02-30", "9999-12-31 23:59:59", "0000-00-00", "2026-13-01"]),
)
HOSTILE = st.one_of(
    ANY_TEXT,
    NUMBERISH,
    DATEISH,
    st.sampled_from(["\x00", "x\x00y", "Ж" * 3000, "%", "_", "'; DROP TABLE auth_user; --", "a__b"]),
)


def superuser_request():
    request = RequestFactory().get("/")
    request.user = get_user_model()(username="root", is_active=True, is_staff=True, is_superuser=True)
    return request


def query_parameters(model, model_admin):
    """The names the list reads from its query string, and which of them take dates."""
    listing = model_admin.get_changelist_instance(superuser_request())
    filters = [name for spec in listing.filter_specs for name in spec.expected_parameters()]
    drill_down = []
    if model_admin.date_hierarchy:
        drill_down = [f"{model_admin.date_hierarchy}__{part}" for part in ("year", "month", "day")]
    field_names = [field.name for field in model._meta.get_fields(include_hidden=True)]
    return filters, drill_down, field_names


def list_queries(model, model_admin):
    filters, drill_down, field_names = query_parameters(model, model_admin)
    optional = {
        "o": st.one_of(
            st.lists(st.integers(-20, 20).map(str), max_size=4).map(".".join),
            HOSTILE,
        ),
        "q": HOSTILE,
        "_to_field": st.one_of(st.sampled_from(field_names), HOSTILE),
        "_popup": st.sampled_from(["1", "0", "", "yes", "\x00"]),
        "p": NUMBERISH,
        "e": NUMBERISH,
        **dict.fromkeys(filters, HOSTILE),
        **dict.fromkeys(drill_down, DATEISH),
    }
    return st.fixed_dictionaries({}, optional=optional)


@pytest.fixture
def users():
    # Without passwords: hashing one takes a second, and these only need a session.
    return {
        "superuser": get_user_model().objects.create_superuser("root", "root@example.org", None),
        "editor": factories.editor(password=None),
        "manager": factories.manager(password=None),
    }


@pytest.fixture
def some_of_everything():
    """A few rows, so that filters have choices and lists have pages to sort."""
    petition = factories.petition()
    factories.confirmed_signatures(petition, 3)
    factories.sign(petition, email="pending@example.org")
    factories.article(categories=[factories.category("News")])
    factories.appeal(addressees=[factories.embassy("DE")])
    factories.prisoner()


# A date filter given a far-away date makes Django warn that the datetime is naive: expected here.
@pytest.mark.filterwarnings("ignore:DateTimeField .* received a naive datetime:RuntimeWarning")
@pytest.mark.parametrize(("model", "model_admin"), REGISTERED, ids=[m._meta.label for m, _ in REGISTERED])
def test_no_query_string_makes_an_admin_list_fail(model, model_admin, users, some_of_everything):
    url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
    clients = {}
    for role, user in users.items():
        clients[role] = Client(raise_request_exception=False)
        clients[role].force_login(user)

    filters, drill_down, _fields = query_parameters(model, model_admin)

    def answers_without_failing(role, query):
        response = clients[role].get(url, query)
        assert response.status_code in NOT_A_CRASH, (role, query, response.status_code)

    check = given(role=st.sampled_from(ROLES), query=list_queries(model, model_admin))(
        answers_without_failing
    )
    # Always tried, whatever the draw: each parameter alone with a NUL (PostgreSQL refuses one in any
    # text comparison), and the date drill-down at and past the end of the calendar.
    for name in filters:
        check = example(role="superuser", query={name: "x\x00"})(check)
    if drill_down:
        year, month, _day = drill_down
        for last in ({year: "9999"}, {year: "9999", month: "12"}, {year: "2147483648", month: "0"}):
            check = example(role="superuser", query=last)(check)
    check = example(role="superuser", query={"q": "\x00", "o": "1.-2.x", "p": "99999999999999999999"})(check)
    check = example(role="manager", query={"q": "x\x00y", "_to_field": "\x00", "_popup": "1"})(check)
    settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))(check)()
