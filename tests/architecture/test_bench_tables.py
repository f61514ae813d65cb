"""The benchmark's tables are built after a half-hour run: a table builder that forgets to return
its table only shows as a crash at the very end of `make bench`. Catch it here instead."""

import ast
from pathlib import Path

TABLES = Path(__file__).resolve().parents[2] / "bench" / "tables.py"


def test_every_table_builder_returns_its_table():
    module = ast.parse(TABLES.read_text())
    builders = [
        node for node in module.body if isinstance(node, ast.FunctionDef) and node.name.endswith("_table")
    ]
    assert builders, "bench/tables.py has no *_table functions any more; update this test"
    silent = [node.name for node in builders if not isinstance(node.body[-1], ast.Return)]
    assert silent == [], f"these table builders end without returning their table: {silent}"
