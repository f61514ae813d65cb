"""The cut-down Bootstrap the pages load is what bench/purge_css.py makes from today's templates:
a class added to a template, a form or a script is never left unstyled."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def purge_script():
    spec = importlib.util.spec_from_file_location("purge_css", ROOT / "bench/purge_css.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_stylesheet_is_up_to_date():
    script = purge_script()
    assert script.TARGET.read_text() == script.purged(), "run: .venv/bin/python bench/purge_css.py"


def test_a_rule_is_kept_only_when_the_pages_use_every_class_it_names():
    script = purge_script()
    css = ".btn{a:1}.unused-thing{b:2}.btn.unused-thing{c:3}p{d:4}"
    css += "@media (min-width:1px){.btn{e:5}.unused-thing{f:6}}"
    assert script.purge(css, {"btn"}) == ".btn{a:1}p{d:4}@media (min-width:1px){.btn{e:5}}"


def test_the_pages_load_a_stylesheet_several_times_smaller_than_bootstraps():
    script = purge_script()
    assert script.TARGET.stat().st_size * 3 < script.SOURCE.stat().st_size
