import pytest

from tests.mail import mail_server_down as _mail_server_down

from .delivery import DATABASE_TASKS


@pytest.fixture
def worker_queue(settings):
    """Tasks wait in the database queue, as in production, until `run_worker()` runs them."""
    settings.TASKS = DATABASE_TASKS
    settings.EMAIL_RETRY_BACKOFF_SECONDS = 30
    settings.EMAIL_LEASE_SECONDS = 600


@pytest.fixture
def mail_server_down():
    with _mail_server_down() as send_messages:
        yield send_messages
