"""The Russian and Kazakh catalogues are complete, well-formed and current with the source.

A wrapped string that nobody translated shows English to a Russian or Kazakh reader; a broken
plural or a lost placeholder shows nonsense or raises in the middle of a page. These tests catch
all three before a release, and name the entry and the command that fixes it.
"""

import ast
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
LANGUAGES = {
    # language: (nplurals, the Plural-Forms formula, as gettext and the glossary state it)
    "ru": (3, "(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)"),
    "kk": (2, "(n != 1)"),
}
FIX = "run `make messages`, translate the new entries in locale/ru and locale/kk (see docs/glossary.md)"

PYTHON_PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]")
BRACE_PLACEHOLDER = re.compile(r"\{\w*\}")
HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
# A sentence, a label with its colon, a salutation with its comma: the end stays what it was.
ENDINGS = ".,:;!?…"


def ending(text):
    return text.rstrip()[-1:] if text.rstrip()[-1:] in set(ENDINGS) else ""


def read_catalogue(path):
    """The entries of a .po file as dicts (msgctxt, msgid, msgid_plural, msgstr: {index: text}, flags)."""
    entries, entry, field = [], None, None
    for line in [*Path(path).read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if entry and "msgid" in entry:
                entries.append(entry)
            entry = None
            continue
        entry = entry or {"flags": set(), "msgstr": {}, "obsolete": False}
        if line.startswith("#~"):
            entry["obsolete"] = True
        elif line.startswith("#,"):
            entry["flags"] |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            text = ast.literal_eval(line)
            if field[0] == "msgstr":
                entry["msgstr"][field[1]] += text
            else:
                entry[field[0]] += text
        else:
            match = re.fullmatch(r"(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+(\".*\")", line)
            assert match, f"{path}: cannot read the line {line!r}"
            name, index, text = match[1], match[2], ast.literal_eval(match[3])
            if name == "msgstr":
                field = ("msgstr", int(index) if index is not None else None)
                entry["msgstr"][field[1]] = text
            else:
                field = (name, None)
                entry[name] = text
    return [entry for entry in entries if not entry["obsolete"]]


def catalogue_path(language, root=ROOT):
    return root / "locale" / language / "LC_MESSAGES" / "django.po"


def header(entries):
    (first,) = [entry for entry in entries if entry["msgid"] == "" and "msgctxt" not in entry]
    return dict(line.split(": ", 1) for line in first["msgstr"][None].splitlines() if ": " in line)


def messages(entries):
    return [entry for entry in entries if entry["msgid"] != "" or "msgctxt" in entry]


def name(entry):
    context = f" (context {entry['msgctxt']!r})" if "msgctxt" in entry else ""
    return f"{entry['msgid']!r}{context}"


def problems_in(entries, nplurals):
    """Every untranslated, fuzzy, wrongly pluralised or placeholder-breaking entry, described."""
    problems = []
    for entry in messages(entries):
        translations = list(entry["msgstr"].values())
        if "fuzzy" in entry["flags"]:
            problems.append(f"fuzzy (a guess by msgmerge, check and unmark it): {name(entry)}")
        if "msgid_plural" in entry and sorted(entry["msgstr"]) != list(range(nplurals)):
            problems.append(f"{len(entry['msgstr'])} plural forms instead of {nplurals}: {name(entry)}")
        if not all(text.strip() for text in translations):
            problems.append(f"untranslated: {name(entry)}")
            continue
        sources = [entry["msgid"], entry.get("msgid_plural", entry["msgid"])]
        for index, text in entry["msgstr"].items():
            source = sources[0] if index in (None,) else sources[1]
            if ending(source) != ending(text):
                problems.append(
                    f"ends with {ending(text)!r} instead of {ending(source)!r}"
                    f"{'' if index is None else f' [{index}]'}: {name(entry)}"
                )
            checks = [HTML_TAG]
            if "python-format" in entry["flags"]:
                checks.append(PYTHON_PLACEHOLDER)
            if "python-brace-format" in entry["flags"]:
                checks.append(BRACE_PLACEHOLDER)
            for pattern in checks:
                wanted, found = Counter(pattern.findall(source)), Counter(pattern.findall(text))
                if "msgid_plural" in entry:
                    # A plural form may repeat or reorder, but must keep every placeholder.
                    wanted, found = set(wanted), set(found)
                if wanted != found:
                    problems.append(
                        f"placeholders or tags differ ({sorted(wanted)} in English, {sorted(found)} "
                        f"in the translation{'' if index is None else f' [{index}]'}): {name(entry)}"
                    )
    return problems


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_every_entry_of_the_catalogue_is_translated_with_its_plurals_and_placeholders(language):
    nplurals, formula = LANGUAGES[language]
    entries = read_catalogue(catalogue_path(language))
    fields = header(entries)
    assert fields.get("Language") == language
    assert fields.get("Plural-Forms") == f"nplurals={nplurals}; plural={formula};"
    assert len(messages(entries)) > 500, "the catalogue has lost most of its entries"
    problems = problems_in(entries, nplurals)
    assert not problems, f"locale/{language}: {len(problems)} problem(s); {FIX}:\n" + "\n".join(problems)


def test_the_check_finds_an_untranslated_a_fuzzy_a_short_plural_a_lost_placeholder_and_a_lost_ending():
    entries = [
        {"msgid": "Sign", "msgstr": {None: ""}, "flags": set()},
        {"msgid": "Confirm", "msgstr": {None: "Подтвердить"}, "flags": {"fuzzy"}},
        {
            "msgid": "%(n)s signature",
            "msgid_plural": "%(n)s signatures",
            "msgstr": {0: "%(n)s подпись", 1: "%(n)s подписи"},
            "flags": {"python-format"},
        },
        {"msgid": "To: %(addressee)s", "msgstr": {None: "Кому: %(addresse)s"}, "flags": {"python-format"}},
        {"msgid": '<a href="%(url)s">Data</a>', "msgstr": {None: "<a>Данные</a>"}, "flags": set()},
        {"msgid": "Hello,", "msgstr": {None: "Здравствуйте!"}, "flags": set()},
    ]
    found = "\n".join(problems_in(entries, 3))
    assert "untranslated: 'Sign'" in found
    assert "fuzzy (a guess by msgmerge, check and unmark it): 'Confirm'" in found
    assert "2 plural forms instead of 3: '%(n)s signature'" in found
    assert "'To: %(addressee)s'" in found
    assert "Data</a>" in found
    assert "ends with '!' instead of ',': 'Hello,'" in found


def _messages_ignore():
    """The folders `make messages` leaves out, read from the Makefile so both stay the same."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    match = re.search(r"^MESSAGES_IGNORE\s*:=\s*(.+)$", makefile, re.MULTILINE)
    assert match, "the Makefile has no MESSAGES_IGNORE line"
    return match[1].split()


def _copy_of_the_source(destination):
    skipped = {".git", ".venv", "node_modules", ".cache", "media", "staticfiles", "__pycache__"}
    skipped |= {"tests", "bench", ".pytest_cache", ".ruff_cache"}
    for item in ROOT.iterdir():
        if item.name in skipped or item.name.startswith(("db.sqlite3", "test-db")):
            continue
        if item.is_dir():
            shutil.copytree(
                item, destination / item.name, ignore=shutil.ignore_patterns("__pycache__", "*.mo")
            )
        else:
            shutil.copy2(item, destination / item.name)


def _keys(entries):
    return {(entry.get("msgctxt"), entry["msgid"], entry.get("msgid_plural")) for entry in messages(entries)}


def test_the_catalogues_hold_every_wrapped_string_of_the_source_and_nothing_stale(tmp_path):
    """`make messages` on a copy of the source finds no string that the catalogues lack."""
    missing_tools = [tool for tool in ("xgettext", "msgmerge", "msguniq") if not shutil.which(tool)]
    assert not missing_tools, (
        f"GNU gettext is needed ({', '.join(missing_tools)} missing): apt-get install gettext"
    )
    copy = tmp_path / "source"
    copy.mkdir()
    _copy_of_the_source(copy)
    environment = {**os.environ, "DEBUG": "true"}
    command = [sys.executable, "manage.py", "makemessages", *[f"-l{lang}" for lang in LANGUAGES]]
    command += ["--no-location", "--no-obsolete", *_messages_ignore()]
    result = subprocess.run(command, cwd=copy, env=environment, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    for language in LANGUAGES:
        committed = _keys(read_catalogue(catalogue_path(language)))
        current = _keys(read_catalogue(catalogue_path(language, copy)))
        new = sorted(current - committed, key=str)
        stale = sorted(committed - current, key=str)
        report = [f"new in the source, not in locale/{language}: {key[1]!r}" for key in new]
        report += [f"in locale/{language} but no longer in the source: {key[1]!r}" for key in stale]
        assert not report, f"The catalogues are out of date; {FIX}:\n" + "\n".join(report)
