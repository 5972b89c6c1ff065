"""The engine imports only the standard library and OR-Tools: never Django."""

import ast
import sys
from pathlib import Path

import scheduler.solver

SOURCE = Path(scheduler.solver.__file__).parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_no_module_under_the_solver_imports_django():
    files = sorted(SOURCE.rglob("*.py"))
    assert len(files) > 5
    offenders = {f.name: m for f in files for m in imported_modules(f) if m == "django"}
    assert offenders == {}


def test_it_imports_only_the_standard_library_and_ortools():
    allowed = set(sys.stdlib_module_names) | {"ortools", "__future__"}
    extra = {f.name: sorted(imported_modules(f) - allowed) for f in sorted(SOURCE.rglob("*.py"))}
    assert {name: mods for name, mods in extra.items() if mods} == {}
