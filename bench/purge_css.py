"""Cut Bootstrap's stylesheet down to the rules the site's pages can use.

    .venv/bin/python bench/purge_css.py          # writes static/vendor/bootstrap/bootstrap.purged.min.css
    .venv/bin/python bench/purge_css.py --check  # exits 1 if the committed file is out of date

Every word that appears in the site's templates, Python and JavaScript (and in the
crispy-forms templates and code that render our forms) counts as a class the pages may use;
a rule is kept when every class its selector names is such a word (rules with no class at
all, such as element styles and :root variables, are always kept). Over-counting words only
keeps a few rules too many; nothing a page uses is dropped. tests/architecture checks the
committed file is what this script makes, so a class added to a template cannot go unstyled.
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "static/vendor/bootstrap/bootstrap.min.css"
TARGET = ROOT / "static/vendor/bootstrap/bootstrap.purged.min.css"
APPS = [
    "campaign",
    "publishing",
    "prisoners",
    "outbox",
    "appeals",
    "petitions",
    "media_library",
    "templates",
    "static",
]
# Classes made from parts in templates ("alert-{{ message.tags }}") or toggled by scripts.
KEPT_PREFIXES = ("alert-",)
KEPT_CLASSES = {"show", "collapsing", "collapsed", "active", "disabled", "is-invalid", "was-validated"}
CLASS = re.compile(r"\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)")
WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
# At-rules whose blocks hold rules (purged inside); any other at-rule is kept whole.
NESTED_AT_RULES = ("@media", "@supports", "@container", "@layer")


def words_in_sources():
    import crispy_bootstrap5
    import crispy_forms

    folders = [ROOT / name for name in APPS]
    folders += [Path(crispy_bootstrap5.__file__).parent, Path(crispy_forms.__file__).parent]
    words = set(KEPT_CLASSES)
    for folder in folders:
        for path in folder.rglob("*"):
            if path.suffix in {".html", ".py", ".js", ".txt"} and "vendor" not in path.parts:
                words.update(WORD.findall(path.read_text(errors="ignore")))
    return words


def _blocks(css):
    """(prelude, body) of each top-level block; body is None for a statement such as @charset."""
    index, length = 0, len(css)
    while index < length:
        if css.startswith("/*", index):
            end = css.index("*/", index) + 2
            yield css[index:end], None
            index = end
            continue
        brace = css.find("{", index)
        semicolon = css.find(";", index)
        if brace == -1 or (css[index] == "@" and semicolon != -1 and semicolon < brace):
            end = semicolon + 1 if semicolon != -1 else length
            yield css[index:end], None
            index = end
            continue
        depth, cursor = 1, brace + 1
        while depth:
            depth += {"{": 1, "}": -1}.get(css[cursor], 0)
            cursor += 1
        yield css[index:brace], css[brace + 1 : cursor - 1]
        index = cursor


def _split_selectors(prelude):
    parts, depth, current = [], 0, ""
    for character in prelude:
        depth += {"(": 1, ")": -1}.get(character, 0)
        if character == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += character
    return [*parts, current]


def _selector_is_used(selector, used):
    return all(name in used or name.startswith(KEPT_PREFIXES) for name in CLASS.findall(selector))


def purge(css, used):
    out = []
    for prelude, body in _blocks(css):
        if body is None:
            out.append(prelude)
        elif prelude.lstrip().startswith(NESTED_AT_RULES):
            inner = purge(body, used)
            if inner:
                out.append(f"{prelude}{{{inner}}}")
        elif prelude.lstrip().startswith("@"):
            out.append(f"{prelude}{{{body}}}")
        else:
            kept = [selector for selector in _split_selectors(prelude) if _selector_is_used(selector, used)]
            if kept:
                out.append(f"{','.join(kept)}{{{body}}}")
    return "".join(out)


def purged():
    header = "/* Bootstrap 5.3 cut to the rules this site uses by bench/purge_css.py: do not edit. */\n"
    return header + purge(SOURCE.read_text(), words_in_sources()) + "\n"


if __name__ == "__main__":
    text = purged()
    if "--check" in sys.argv:
        sys.exit(0 if TARGET.read_text() == text else 1)
    TARGET.write_text(text)
    print(f"{SOURCE.name}: {SOURCE.stat().st_size:,} bytes -> {TARGET.name}: {len(text.encode()):,} bytes")
