"""The rule for tests that need PostgreSQL, Chromium or Redis: locally they skip with a reason;
in CI (REQUIRE_BROWSER=1, REQUIRE_POSTGRES=1, set by .ci/run) the same condition fails the run
instead, so nothing is silently left out."""

import os

import pytest


def required(name):
    """Whether the environment variable `name` says this requirement must be met (no skipping)."""
    return os.environ.get(name, "").lower() in {"1", "true", "yes"}


def skip_or_fail(reason, requirement):
    """Skip the test for `reason`, or fail it when `requirement` (an environment variable) is set."""
    if required(requirement):
        pytest.fail(f"{reason}, and {requirement}=1 forbids skipping it")
    pytest.skip(reason)
