"""The code stays walkable: no module in tasks/ over 600 lines, no class over 250, no function over 80; and the tests
mirror the tree: every module of tasks/ and flows/ has its own test module."""

from __future__ import annotations

import ast

import pytest

from tests.paths import REPO

MODULE_LINES, CLASS_LINES, FUNCTION_LINES = 600, 250, 80
MODULES = sorted((REPO / "tasks").rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(REPO)) for p in MODULES])
def test_module_class_and_function_sizes(path) -> None:  # noqa: ANN001 - a Path
    source = path.read_text(encoding="utf-8")
    assert len(source.splitlines()) <= MODULE_LINES
    too_long = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            limit = CLASS_LINES if isinstance(node, ast.ClassDef) else FUNCTION_LINES
            if node.end_lineno - node.lineno + 1 > limit:
                too_long.append(f"{node.name}: {node.end_lineno - node.lineno + 1} lines (limit {limit})")
    assert not too_long


SOURCES = sorted(p for p in [*(REPO / "tasks").rglob("*.py"), *(REPO / "flows").glob("*.py")] if p.name != "__init__.py")


def _mirror(path) -> object:  # noqa: ANN001 - a Path
    """tasks/<package>/<module>.py -> tests/<package>/test_<module>.py; flows/<module>.py -> tests/flows/..."""
    relative = path.relative_to(REPO / "tasks") if path.is_relative_to(REPO / "tasks") else path.relative_to(REPO)
    return REPO / "tests" / relative.parent / f"test_{path.stem}.py"


def test_every_module_has_its_test_module() -> None:
    missing = [str(p.relative_to(REPO)) for p in SOURCES if not _mirror(p).is_file()]
    assert not missing, f"modules without a test module in the mirror tree: {missing}"
