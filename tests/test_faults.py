"""Fail points: a process dies with SIGKILL at the point its NEWSLAKE_FAILPOINT names (at its n-th hit with `@n`),
and nowhere else; POINTS lists exactly the points the code calls."""

from __future__ import annotations

import ast
import os
import signal
import subprocess
import sys

import pytest

from tasks.faults import POINTS
from tests.paths import REPO

# Reaches point "a" once and point "b" three times, printing a line after each; stdout is flushed per line, so
# what was printed before a kill is what the process got past.
_REACH = """
import sys
from tasks.faults import failpoint
for name in ["a", "b", "b", "b"]:
    failpoint(name)
    print("past", name, flush=True)
"""


def _reach(armed: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "NEWSLAKE_FAILPOINT"}
    if armed is not None:
        env["NEWSLAKE_FAILPOINT"] = armed
    return subprocess.run([sys.executable, "-c", _REACH], cwd=REPO, env=env, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("armed", [None, "", "c", "b@4", "a.b"])
def test_a_point_not_armed_costs_nothing_and_the_process_runs_on(armed: str | None) -> None:
    done = _reach(armed)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:-1] == ["past a", "past b", "past b", "past b"]


@pytest.mark.parametrize(("armed", "got_past"), [("a", 0), ("b", 1), ("b@1", 1), ("b@2", 2), ("b@3", 3)])
def test_an_armed_point_kills_the_process_at_its_nth_hit(armed: str, got_past: int) -> None:
    done = _reach(armed)
    assert done.returncode == -signal.SIGKILL
    assert len(done.stdout.splitlines()) == got_past  # no cleanup ran after the kill, and nothing before it failed


def _called_points() -> list[str]:
    """The name of every failpoint("...") call in tasks/."""
    names = []
    for path in (REPO / "tasks").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "failpoint":
                [arg] = node.args
                assert isinstance(arg, ast.Constant), f"{path}: a fail point's name must be a literal"
                names.append(arg.value)
    return names


def test_points_lists_every_point_the_code_calls_each_at_one_place() -> None:
    called = _called_points()
    # A point outside POINTS would never be killed at by the crash test; one called twice would be ambiguous.
    assert sorted(called) == sorted(POINTS)
