"""The floors of the house: imports point down only, and no two apps (or modules) lean on each other.

    campaign                                  the site's assembly (top)
    appeals · petitions · media_library       feature apps
    publishing · prisoners · outbox           ground apps: import no feature app

Read from the source with `ast`, so an import inside a function counts as much as one at the top.
"""

import ast
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

GROUND = {"publishing", "prisoners", "outbox"}
FEATURES = {"appeals", "petitions", "media_library"}
ASSEMBLY = {"campaign"}
APPS = GROUND | FEATURES | ASSEMBLY
FLOOR = {**dict.fromkeys(GROUND, 0), **dict.fromkeys(FEATURES, 1), **dict.fromkeys(ASSEMBLY, 2)}
FLOOR_NAMES = {0: "ground app", 1: "feature app", 2: "the site's assembly"}


def module_name(path):
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_modules():
    """{module name: source path} for every Python module of the apps."""
    return {module_name(path): path for app in sorted(APPS) for path in (ROOT / app).rglob("*.py")}


def imported_modules(name, path):
    """The project modules `name` imports, wherever in the file the import statement is."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {module for module in found if module.split(".")[0] in APPS}


def import_graph(modules):
    """{module: the project modules it imports} (only modules that exist)."""
    return {
        name: {
            imported for imported in imported_modules(name, path) if imported in modules and imported != name
        }
        for name, path in modules.items()
    }


def app_of(module):
    return module.split(".")[0]


def floor_violations(graph):
    """Every import from a lower floor to a higher one, as a sentence."""
    problems = []
    for module, imports in sorted(graph.items()):
        for imported in sorted(imports):
            importer, exporter = app_of(module), app_of(imported)
            if FLOOR[exporter] > FLOOR[importer]:
                problems.append(
                    f"{module} ({FLOOR_NAMES[FLOOR[importer]]}) imports {imported} "
                    f"({FLOOR_NAMES[FLOOR[exporter]]}): imports must point down"
                )
    return problems


def find_cycle(edges):
    """One cycle in the directed graph `edges` ({node: {nodes}}), as a list of nodes, or None."""
    state, stack = {}, []

    def visit(node):
        state[node] = "open"
        stack.append(node)
        for following in sorted(edges.get(node, ())):
            if state.get(following) == "open":
                return [*stack[stack.index(following) :], following]
            if following not in state and (cycle := visit(following)):
                return cycle
        stack.pop()
        state[node] = "done"
        return None

    for node in sorted(edges):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def app_graph(graph):
    apps = defaultdict(set)
    for module, imports in graph.items():
        apps[app_of(module)].update(
            app_of(imported) for imported in imports if app_of(imported) != app_of(module)
        )
    return apps


@pytest.fixture(scope="module")
def graph():
    return import_graph(project_modules())


def test_the_import_reader_sees_imports_in_every_form():
    # The checks below are only as good as this reader: absolute, relative, "from x import y",
    # and imports inside functions all count.
    modules = project_modules()
    assert {"petitions.services", "outbox.services"} <= imported_modules(
        "petitions.tasks", modules["petitions.tasks"]
    ) | imported_modules("petitions.services", modules["petitions.services"])
    assert "publishing.models" in imported_modules("prisoners.models", modules["prisoners.models"])
    assert "petitions.models" in imported_modules(
        "petitions.templatetags.petition_tags", modules["petitions.templatetags.petition_tags"]
    )


def test_ground_apps_import_no_feature_app_and_nothing_imports_upwards(graph):
    problems = floor_violations(graph)
    assert not problems, "\n".join(problems)


def test_no_two_apps_import_each_other(graph):
    cycle = find_cycle(app_graph(graph))
    assert cycle is None, "apps importing each other: " + " → ".join(cycle)


def test_no_two_modules_import_each_other(graph):
    cycle = find_cycle(graph)
    assert cycle is None, "modules importing each other: " + " → ".join(cycle)


def test_a_forbidden_import_is_reported():
    """The same checks, on a made-up project where the ground leans on a feature and two apps
    lean on each other: each must be caught."""
    made_up = {
        "publishing.models": {"petitions.models"},
        "petitions.models": {"publishing.models"},
        "appeals.views": {"campaign.views"},
        "campaign.views": {"appeals.views"},
    }
    problems = floor_violations(made_up)
    assert any(
        problem.startswith("publishing.models (ground app) imports petitions.models") for problem in problems
    )
    assert any(
        problem.startswith("appeals.views (feature app) imports campaign.views") for problem in problems
    )
    assert find_cycle(app_graph(made_up)) is not None
    assert find_cycle(made_up) is not None
