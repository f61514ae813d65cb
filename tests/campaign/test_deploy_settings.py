"""Settings fail closed: with DEBUG off (the default) the site starts only with a complete
production environment, each missing or wrong variable named; Django's deploy checks accept
that environment.

A few tests start `manage.py` as an operator would, from the environment alone; the rest read
campaign/settings.py in this process with exactly the variables they give (`problems_with`),
which is the same code at a fraction of the cost.
"""

import os
import runpy
import secrets
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.core.exceptions import ImproperlyConfigured

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION = {
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "campaign.example.org",
    "SITE_URL": "https://campaign.example.org",
    "DATABASE_URL": "postgres://campaign@db.example.org:5432/campaign",  # `check` never connects
    "DEFAULT_FROM_EMAIL": "Campaign Kazakhstan <noreply@campaign.example.org>",
    # EMAIL_BACKEND unset means SMTP, through this server.
    "EMAIL_HOST": "smtp.example.org",
}
REQUIRED = list(PRODUCTION)

LOCAL_EMAIL_BACKENDS = [
    f"django.core.mail.backends.{name}.EmailBackend" for name in ("console", "locmem", "dummy", "filebased")
]


def manage(*args, **env):
    """`manage.py args` with exactly the variables `env` (and PATH): nothing leaks in from the
    test run, which itself runs with DEBUG=true and perhaps a DATABASE_URL."""
    environment = {"PATH": os.environ["PATH"], **{name: str(value) for name, value in env.items()}}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True
    )


def read_settings(**env):
    """campaign/settings.py read with exactly the variables `env` (and PATH): its values, or the
    ImproperlyConfigured it raises."""
    environment = {"PATH": os.environ["PATH"], **{name: str(value) for name, value in env.items()}}
    with mock.patch.dict(os.environ, environment, clear=True):
        return runpy.run_path(str(ROOT / "campaign" / "settings.py"))


def problems_with(**env):
    """The problems the settings list when they refuse to start with `env` ([] when they start)."""
    try:
        read_settings(**env)
    except ImproperlyConfigured as refusal:
        assert str(refusal).startswith("The site cannot start"), refusal
        return [line.removeprefix("  - ") for line in str(refusal).splitlines() if line.startswith("  - ")]
    return []


def refusal(result):
    """The problems the settings listed when they refused to start (one line each)."""
    assert result.returncode != 0, result.stdout + result.stderr
    assert "ImproperlyConfigured: The site cannot start" in result.stderr, result.stderr
    return [line.removeprefix("  - ") for line in result.stderr.splitlines() if line.startswith("  - ")]


def test_check_deploy_reports_nothing_with_production_environment():
    result = manage("check", "--deploy", "--fail-level", "WARNING", DEBUG="false", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_is_the_default_so_debug_unset_with_the_full_environment_starts():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr


def test_with_no_variables_at_all_the_site_refuses_to_start_and_names_every_missing_one():
    result = manage("check")

    problems = refusal(result)
    for name in REQUIRED:
        assert any(problem.startswith(f"{name} is required when DEBUG is off") for problem in problems), (
            name,
            problems,
        )
    assert len(problems) == len(REQUIRED), problems
    assert "For a development site set DEBUG=true" in result.stderr


@pytest.mark.parametrize("missing", REQUIRED)
def test_production_without_one_required_variable_stops_with_a_message_naming_it(missing):
    environment = {name: value for name, value in PRODUCTION.items() if name != missing}

    problems = problems_with(DEBUG="false", **environment)

    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{missing} is required when DEBUG is off")


def test_production_without_a_secret_key_says_how_to_make_one():
    environment = {name: value for name, value in PRODUCTION.items() if name != "SECRET_KEY"}

    [problem] = problems_with(DEBUG="false", **environment)

    assert "secrets.token_urlsafe(50)" in problem


@pytest.mark.parametrize("value", ["maybe", "enabled", "2"])
def test_a_debug_that_is_not_a_boolean_stops_the_site_naming_debug_and_the_accepted_values(value):
    [problem] = problems_with(DEBUG=value, **PRODUCTION)

    assert problem.startswith(f"DEBUG={value!r} is not a boolean")
    assert "1/0, true/false, yes/no or on/off" in problem


def test_development_needs_nothing_but_debug_on():
    result = manage("check", DEBUG="true")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize("value", ["true", "TRUE", "1", "yes", "On"])
def test_debug_is_on_in_any_accepted_spelling(value):
    assert read_settings(DEBUG=value)["DEBUG"] is True


def test_a_number_setting_that_is_not_a_number_stops_the_site_naming_it():
    [problem] = problems_with(DEBUG="true", PAGE_CACHE_SECONDS="five")

    assert problem.startswith("PAGE_CACHE_SECONDS='five' is not an integer")


def test_every_wrong_variable_is_named_in_one_refusal():
    problems = problems_with(DEBUG="true", PAGE_CACHE_SECONDS="five", AXES_ENABLED="perhaps")

    assert [problem.split("=")[0] for problem in problems] == ["PAGE_CACHE_SECONDS", "AXES_ENABLED"]


@pytest.mark.parametrize("backend", LOCAL_EMAIL_BACKENDS)
def test_production_refuses_an_email_backend_that_never_delivers(backend):
    [problem] = problems_with(DEBUG="false", **PRODUCTION, EMAIL_BACKEND=backend)

    assert problem.startswith(f"EMAIL_BACKEND={backend} is refused when DEBUG is off")
    assert "confirmation e-mails would never reach signers" in problem


def test_development_prints_emails_to_the_console_by_default():
    mailers = read_settings(DEBUG="true")["MAILERS"]

    assert mailers["default"]["BACKEND"] == "django.core.mail.backends.console.EmailBackend"


@pytest.mark.parametrize(
    "mode", [{"DEBUG": "false", **PRODUCTION}, {"DEBUG": "true"}], ids=["production", "development"]
)
@pytest.mark.parametrize("lease", ["20", "5"])
def test_an_email_lease_not_longer_than_the_smtp_timeout_stops_the_site_naming_both(mode, lease):
    [problem] = problems_with(**mode, EMAIL_TIMEOUT="20", EMAIL_LEASE_SECONDS=lease)

    assert problem.startswith(f"EMAIL_LEASE_SECONDS ({lease}) must be longer than EMAIL_TIMEOUT (20)")


@pytest.mark.parametrize("site_url", ["campaign.example.org", "/", "ftp://campaign.example.org"])
def test_production_refuses_a_site_url_that_is_not_an_absolute_web_address(site_url):
    [problem] = problems_with(DEBUG="false", **{**PRODUCTION, "SITE_URL": site_url})

    assert problem.startswith("SITE_URL=") and "is not an absolute http(s) URL" in problem


def test_production_refuses_a_plain_http_site_url_unless_https_is_turned_off():
    plain_http = {**PRODUCTION, "SITE_URL": "http://campaign.example.org"}

    [problem] = problems_with(DEBUG="false", **plain_http)
    assert problem.startswith("SITE_URL='http://campaign.example.org' must start with https://")

    assert problems_with(DEBUG="false", SECURE_HTTPS="false", **plain_http) == []


def test_the_production_environment_of_the_server_tests_and_the_bench_is_accepted(tmp_path):
    from tests.servers import production_env

    environment = production_env(f"sqlite:///{tmp_path / 'db.sqlite3'}", tmp_path / "static")
    environment.pop("PATH", None)

    assert problems_with(**environment) == []
