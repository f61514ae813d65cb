"""Shared fixtures: a real browser, and the rules for tests that need PostgreSQL or Chromium.

Locally such tests skip with a reason. In CI (REQUIRE_BROWSER=1, REQUIRE_POSTGRES=1, set
by .ci/run) the same condition fails the run instead, so nothing is silently left out.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.db import connection

from tests import factories
from tests.browser import ARTIFACTS
from tests.requirements import skip_or_fail

# Playwright's sync API runs an event loop in this thread; Django's ORM then refuses
# to run unless told the thread is in fact synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@pytest.fixture(autouse=True)
def _needs_postgres(request):
    if request.node.get_closest_marker("postgres") and connection.vendor != "postgresql":
        skip_or_fail("needs PostgreSQL (set DATABASE_URL=postgres://...)", "REQUIRE_POSTGRES")


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploads made by a test land in its own folder, never in the project's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(db):
    """A member of the Editors group: publishes every kind of content, never sees signers."""
    return factories.editor("editor")


@pytest.fixture
def manager(db):
    """A member of the Campaign managers group: follows counts, exports signatures."""
    return factories.manager("manager")


@pytest.fixture
def superuser(db):
    return factories.superuser("root")


@pytest.fixture
def immediate_tasks(settings):
    """Tasks (e-mail delivery, recounts) run as soon as they are queued, after commit, as the worker would."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists() or not shutil.which(CHROMIUM):
        skip_or_fail(f"needs Chromium at {CHROMIUM} (apt-get install -y chromium)", "REQUIRE_BROWSER")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, request):
    """A fresh browser tab (own cookies); a screenshot of it is kept under tests/artifacts/."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    ARTIFACTS.mkdir(exist_ok=True)
    try:
        tab.screenshot(path=str(ARTIFACTS / f"{request.node.name}-final.png"), full_page=True)
    finally:
        context.close()


def pytest_collection_modifyitems(items):
    for item in items:
        if "page" in getattr(item, "fixturenames", ()) or "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
