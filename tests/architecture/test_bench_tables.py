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


def _queries(**languages):
    english = {"home": 9, "category p1": 11, "category p5": 11, "petition": 14}
    return {
        "uncached": english,
        "miss": english,
        "hit": dict.fromkeys(english, 0),
        "grown": english,
        **languages,
    }


def test_the_query_table_says_whether_russian_and_kazakh_pages_cost_what_english_ones_do():
    from bench.tables import Measurements, queries_table

    english = _queries()["uncached"]
    same = queries_table(Measurements(queries=_queries(languages={"ru": english, "kk": english})))
    row = next(row for row in same.rows if row[0].startswith("uncached, /ru/ and /kk/"))
    assert "equal on every page" in row[1]
    assert same.verdicts()[1] == 0

    dearer = queries_table(
        Measurements(queries=_queries(languages={"ru": {**english, "petition": 15}, "kk": english}))
    )
    row = next(row for row in dearer.rows if row[0].startswith("uncached, /ru/ and /kk/"))
    assert "petition (ru) 14 -> 15" in row[1]
    assert dearer.verdicts()[1] == 1
