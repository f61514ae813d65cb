"""The admin resists guessing, keeps strong passwords, expires sessions and logs every change."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from tests import factories
from tests.admin_forms import admin_form_data

pytestmark = pytest.mark.django_db


def login(client, user, password):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": user.username, "password": password},
        REMOTE_ADDR="198.51.100.20",
    )


def test_repeated_wrong_passwords_lock_the_account_out_even_with_the_right_one(client, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = login(client, editor, "guess")
        assert response.status_code in (200, 429)
    locked = login(client, editor, factories.PASSWORD)
    assert locked.status_code == 429
    assert "locked" in locked.content.decode().lower()
    assert "_auth_user_id" not in client.session


def test_a_correct_password_logs_in_before_the_limit(client, editor):
    login(client, editor, "guess")
    response = login(client, editor, factories.PASSWORD)
    assert response.status_code == 302
    assert client.session.get("_auth_user_id")


@pytest.mark.parametrize("weak", ["password123", "12345678901234", "short", "editor-editor"])
def test_weak_passwords_are_refused(weak):
    user = get_user_model()(username="editor-editor")
    with pytest.raises(ValidationError):
        validate_password(weak, user)


def test_admin_sessions_expire():
    assert settings.SESSION_COOKIE_AGE <= 12 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert settings.SESSION_COOKIE_HTTPONLY


def test_every_editorial_change_lands_in_the_admin_log(client, editor):
    post = factories.article("Before")
    client.force_login(editor)
    page = client.get(f"/admin/publishing/article/{post.pk}/change/")
    assert page.status_code == 200
    response = client.post(
        f"/admin/publishing/article/{post.pk}/change/", admin_form_data(page, title="After")
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = LogEntry.objects.get(object_id=str(post.pk), action_flag=CHANGE)
    assert entry.user == editor
    assert "Title" in entry.get_change_message()


@pytest.mark.parametrize("username", ["x" * 256, "Ж" * 151, "x" * 100_000])
def test_a_username_longer_than_any_account_gets_the_login_page_with_a_clear_message(username):
    browser = Client(raise_request_exception=False)
    response = browser.post(
        "/admin/login/?next=/admin/", {"username": username, "password": "guess"}, REMOTE_ADDR="198.51.100.20"
    )
    assert response.status_code == 200
    assert "at most 150 characters" in response.content.decode()
    assert "_auth_user_id" not in browser.session


def test_after_an_over_long_username_the_account_can_still_log_in(client, editor):
    client.post("/admin/login/?next=/admin/", {"username": "x" * 300, "password": "guess"})
    assert login(client, editor, factories.PASSWORD).status_code == 302


def login_from(address, user, password):
    """A login attempt from its own browser at `address`."""
    return Client().post(
        "/admin/login/?next=/admin/",
        {"username": user.username, "password": password},
        REMOTE_ADDR=address,
    )


def addresses(how_many):
    return [f"203.0.113.{number}" for number in range(1, how_many + 1)]


def test_guessing_spread_over_many_addresses_locks_the_account_everywhere(editor):
    # Fewer wrong passwords from each address than locks that address out, but many in all.
    per_address = settings.AXES_FAILURE_LIMIT - 1
    guesses = [address for address in addresses(10) for _ in range(per_address)]
    for address in guesses[: settings.AXES_ACCOUNT_FAILURE_LIMIT]:
        login_from(address, editor, "guess")

    locked = login_from("198.51.100.99", editor, factories.PASSWORD)

    assert locked.status_code == 429
    assert "locked" in locked.content.decode().lower()


def test_the_account_lock_lasts_only_its_short_cool_off(editor):
    for address in addresses(settings.AXES_ACCOUNT_FAILURE_LIMIT):
        login_from(address, editor, "guess")
    assert login_from("198.51.100.99", editor, factories.PASSWORD).status_code == 429

    # The stranger stops; once the account's cool-off has passed, the editor gets in.
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - timedelta(minutes=settings.AXES_ACCOUNT_COOLOFF_MINUTES, seconds=1)
    )
    assert login_from("198.51.100.99", editor, factories.PASSWORD).status_code == 302


def test_a_strangers_five_wrong_passwords_do_not_lock_the_editor_out(editor):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login_from("203.0.113.66", editor, "guess")
    assert login_from("203.0.113.66", editor, factories.PASSWORD).status_code == 429  # that address is
    assert login_from("198.51.100.20", editor, factories.PASSWORD).status_code == 302  # the editor is not


def test_the_account_limit_is_higher_than_the_limit_per_address():
    """Otherwise anyone could lock an editor out, from anywhere, with the per-address tries."""
    assert settings.AXES_ACCOUNT_FAILURE_LIMIT > settings.AXES_FAILURE_LIMIT
    assert settings.AXES_ACCOUNT_COOLOFF_MINUTES < settings.AXES_COOLOFF_TIME * 60
