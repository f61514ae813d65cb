"""Every public page type is valid HTML (the Nu HTML Checker finds no error) and has a
heading outline a screen-reader user can navigate: one <h1>, and no level skipped.

The pages and their content come from tests/public_pages.py. The checker (vnu.jar, from the
npm package vnu-jar) runs once over all of them, in one Java start. Locally the check skips
when Java or the jar is missing (`make markup-checker` fetches the jar); in CI,
REQUIRE_MARKUP_CHECKER=1 (set by .ci/run) turns that skip into a failure.
"""

import itertools
import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.db import transaction
from django.test import Client, override_settings

from tests.browser import ARTIFACTS
from tests.public_pages import build_public_pages, fetch
from tests.requirements import skip_or_fail

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = Path(os.environ.get("VNU_JAR", ROOT / ".cache/vnu/node_modules/vnu-jar/build/dist/vnu.jar"))


@pytest.fixture(scope="module")
def rendered_pages(django_db_setup, django_db_blocker, tmp_path_factory):
    """{page: html} for every public page type, rendered once for the module's tests; the
    content is rolled back afterwards."""
    from django.core.cache import cache

    media_root = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media_root), transaction.atomic():
        cache.clear()
        client = Client()
        pages = build_public_pages(client)
        rendered = {page: fetch(client, page) for page in pages}
        transaction.set_rollback(True)
    cache.clear()
    return rendered


@pytest.mark.django_db  # (so that the test database is set up for `rendered_pages`)
def test_every_public_page_is_valid_html(rendered_pages, tmp_path):
    java = shutil.which("java")
    if not java or not VNU_JAR.exists():
        missing = "Java" if not java else f"the Nu HTML Checker at {VNU_JAR} (make markup-checker)"
        skip_or_fail(f"needs {missing}", "REQUIRE_MARKUP_CHECKER")
    by_file_name = {}
    for page, html in rendered_pages.items():
        (tmp_path / page.file_name).write_text(html, encoding="utf-8")
        by_file_name[page.file_name] = page

    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always",
         *(str(tmp_path / name) for name in by_file_name)],
        capture_output=True, text=True, timeout=300, check=True,
    )  # fmt: skip
    messages = json.loads(result.stderr)["messages"]

    def describe(message):
        file_name = message.get("url", "").rsplit("/", 1)[-1]
        where = by_file_name[file_name].name if file_name in by_file_name else message.get("url")
        extract = " ".join(message.get("extract", "").split())
        return f"{where} (line {message.get('lastLine')}): {message['message']}\n    {extract}"

    errors = [describe(m) for m in messages if m["type"] != "info"]
    warnings = [describe(m) for m in messages if m["type"] == "info" and m.get("subType") == "warning"]
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "markup-warnings.txt").write_text("\n".join(warnings) + "\n", encoding="utf-8")
    assert not errors, "The Nu HTML Checker found errors:\n" + "\n".join(errors)


class PageReader(HTMLParser):
    """The levels of the page's headings, and the `datetime` of its <time> elements, in order."""

    # Landmarks a screen reader lists by role and name, named here by an attribute.
    LANDMARK_ROLES = {"nav": "navigation", "aside": "complementary"}

    def __init__(self, html):
        super().__init__()
        self.levels, self.datetimes, self.landmarks = [], [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self.levels.append(int(tag[1]))
        elif tag == "time" and (value := attrs.get("datetime")) is not None:
            self.datetimes.append(value)
        role = attrs.get("role") or self.LANDMARK_ROLES.get(tag)
        if role in {"navigation", "complementary", "search"}:
            self.landmarks.append((role, attrs.get("aria-label") or attrs.get("aria-labelledby") or ""))


def heading_problems(html):
    levels = PageReader(html).levels
    problems = []
    if levels.count(1) != 1:
        problems.append(f"{levels.count(1)} <h1> instead of one")
    if levels and levels[0] != 1:
        problems.append(f"the first heading is an <h{levels[0]}>, not the <h1>")
    for before, after in itertools.pairwise(levels):
        if after > before + 1:
            problems.append(f"<h{before}> is followed by <h{after}>")
    return problems


@pytest.mark.django_db
def test_every_public_page_has_one_h1_and_skips_no_heading_level(rendered_pages):
    problems = {
        page.name: found for page, html in rendered_pages.items() if (found := heading_problems(html))
    }
    assert not problems, "Heading outlines with gaps:\n" + "\n".join(
        f"{name}: {'; '.join(found)}" for name, found in problems.items()
    )


@pytest.mark.django_db
def test_every_navigation_sidebar_and_search_landmark_has_a_name_of_its_own(rendered_pages):
    """Screen readers list landmarks by role and name: two search forms or two menus on one
    page must say which is which."""
    duplicated = {}
    for page, html in rendered_pages.items():
        landmarks = PageReader(html).landmarks
        if twice := sorted({landmark for landmark in landmarks if landmarks.count(landmark) > 1}):
            duplicated[page.name] = twice
    assert not duplicated, f"Landmarks of the same role and name: {duplicated}"


@pytest.mark.django_db
def test_no_template_syntax_shows_on_a_public_page(rendered_pages):
    """A Django comment {# ... #} spans one line only: a longer one is printed on the page."""
    leaked = {
        page.name: sorted({marker for marker in ("{#", "#}", "{%", "%}", "{{", "}}") if marker in html})
        for page, html in rendered_pages.items()
    }
    assert not {name: found for name, found in leaked.items() if found}


# What the site writes in <time datetime>, as HTML defines it: a year, a month or a day; a
# moment (seconds to at most three decimals, with its time zone); or a duration (PT4M35S).
VALID_DATETIME = re.compile(
    r"\d{4}(-\d{2}(-\d{2})?)?"
    r"|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})"
    r"|P(\d+D)?T(\d+H)?(\d+M)?(\d+S)?"
)


@pytest.mark.django_db
def test_every_time_on_a_public_page_is_machine_readable(rendered_pages):
    """The dates a browser, a screen reader or a search engine reads from <time datetime>
    (also checked by the Nu HTML Checker, which may not be installed locally)."""
    invalid = {
        page.name: bad
        for page, html in rendered_pages.items()
        if (bad := [value for value in PageReader(html).datetimes if not VALID_DATETIME.fullmatch(value)])
    }
    assert not invalid, f"<time datetime> values HTML does not accept: {invalid}"
    seen = [value for html in rendered_pages.values() for value in PageReader(html).datetimes]
    # The content has each kind: a timeline's month and year, a day, a moment, a video's length.
    assert {"2011-05", "2014", "2011-12-16", "PT275S"} <= set(seen)
    assert any("T" in value and value[0].isdigit() for value in seen)


def test_the_heading_check_sees_a_skipped_level_and_a_second_h1():
    assert heading_problems("<h1>A</h1><h2>B</h2><h3>C</h3><h2>D</h2><h3>E</h3>") == []
    assert heading_problems("<h1>A</h1><h3>B</h3>") == ["<h1> is followed by <h3>"]
    assert heading_problems("<h2>A</h2><h1>B</h1><h1>C</h1>") == [
        "2 <h1> instead of one",
        "the first heading is an <h2>, not the <h1>",
    ]
