"""The code stays walkable: no module in tasks/ over 600 lines, no class over 250, no function over 80."""

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
