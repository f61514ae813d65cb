import pytest

from tests import factories


@pytest.fixture(autouse=True)
def _tasks_run_at_once(immediate_tasks):
    """Petition tests see e-mails delivered and recounts done as the worker would do them."""


@pytest.fixture
def petition(db):
    """The featured petition, open for signatures."""
    return factories.petition(is_featured=True)
