"""Any query at all gets a normal page: never a 500, and the query is always escaped."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests import factories

pytestmark = pytest.mark.django_db

ANY_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=500)


@pytest.fixture
def published_post():
    return factories.article("Zhanaozen strike", slug="zhanaozen-strike")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=ANY_TEXT)
@example(query='<script>alert("x")</script>')
@example(query="\x00\x01\x7f NUL and control characters")
@example(query="Жанаозен забастовка " * 40)
def test_any_query_gets_a_normal_search_page(published_post, query):
    response = Client().get("/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(page=st.text(max_size=30), query=st.text(max_size=30))
def test_any_page_number_is_a_page_or_a_404(page, query):
    response = Client().get("/search/", {"q": query or "strike", "page": page})
    assert response.status_code in (200, 404)


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_wrong_methods_on_search_are_refused_cleanly(client, method):
    response = getattr(client, method)("/search/?q=strike")
    assert response.status_code in (403, 405)
