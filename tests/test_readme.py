"""The README's promises point at tests that exist: every `tests/...py::name` in its Guarantees section names a test
function of that file (a `::name` alone continues the file named before it in the same cell)."""

from __future__ import annotations

import ast
import re

from tests.paths import REPO

_REFERENCE = re.compile(r"`(tests/[\w/]+\.py)?::(\w+)`|`(tests/[\w/]+\.py)`")


def _guarantees() -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    start = text.index("## Guarantees")
    return text[start : text.index("\n## ", start + 1)]


def _references(section: str) -> list[tuple[str, str | None]]:
    found = []
    for line in section.splitlines():
        current = None
        for match in _REFERENCE.finditer(line):
            path, name, bare = match.groups()
            current = path or bare or current
            assert current, f"'::{name}' follows no file in: {line[:80]}"
            found.append((current, name))
    return found


def test_every_guarantee_names_tests_that_exist() -> None:
    references = _references(_guarantees())
    assert len({name for _, name in references if name}) >= 20
    for path, name in references:
        source = REPO / path
        assert source.is_file(), f"{path} does not exist"
        if name:
            defined = {n.name for n in ast.walk(ast.parse(source.read_text(encoding="utf-8")))
                       if isinstance(n, ast.FunctionDef)}
            assert name in defined, f"{path} has no test {name}"


def test_every_promise_names_at_least_one_test_function() -> None:
    rows = [line for line in _guarantees().splitlines() if line.startswith("| ") and not line.startswith("| promise")]
    assert rows
    for row in rows:
        assert "::" in row, f"a promise without the test that proves it: {row[:80]}"
