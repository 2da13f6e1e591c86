"""Crash safety: a night killed with SIGKILL at any of its fail points leaves the lake as it was (or, past the
commit point, as committed), and a rerun then gives exactly the tables of an uninterrupted history."""

from __future__ import annotations

import json
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest

from tasks.faults import POINTS
from tasks.lake import Lake
from tasks.run import new_run, run_night
from tests.night_process import run_night_process
from tests.paths import SAMPLES

FIRST, SECOND = date(2026, 11, 26), date(2026, 11, 27)
# Columns that differ between two histories of the same inputs by design.
VOLATILE = {"run_id", "quarantined_at", "flow_run_id", "started_at", "finished_at"}
DATA_TABLES = ("articles", "headlines", "stories", "statements", "quarantine", "files")
# Points at or after the commit point: the killed night is committed, the lake reads as its new state.
COMMITTED = {"lake.current_replaced", "lake.views_written", "night.committed"}
# Where a point needs a second hit to be inside its stage rather than at its start.
KILL_AT = {"shard.file_done": "shard.file_done@3", "commit.placed_one": "commit.placed_one@2"}


def contents(lake: Lake) -> dict[str, list[str]]:
    """Every data table's rows (volatile columns dropped), sorted: equal for equal histories."""
    con = lake.connect()
    out = {}
    for table in DATA_TABLES:
        relation = con.table(table)
        columns = [c for c in relation.columns if c not in VOLATILE]
        rows = relation.select(*[f'"{c}"' for c in columns]).fetchall()
        out[table] = sorted(json.dumps(dict(zip(columns, row)), default=str, sort_keys=True) for row in rows)
    return out


def night(lake: Lake, day: date, inputs: list[Path]) -> None:
    run_night([str(p) for p in inputs], lake, new_run(day), batch_files=2)


@pytest.fixture(scope="module")
def histories(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, dict]:
    """A lake after the first night, and the contents before and after an uninterrupted second night."""
    root = tmp_path_factory.mktemp("crash")
    base = Lake(root / "base")
    night(base, FIRST, [SAMPLES / "txt"])
    before = contents(base)
    reference = Lake(root / "reference")
    shutil.copytree(base.root, reference.root)
    night(reference, SECOND, [SAMPLES])
    return base.root, before, contents(reference)


def _kill_at(point: str, base: Path, work: Path) -> tuple[str, Lake, int]:
    lake = Lake(work / point)
    shutil.copytree(base, lake.root)
    # A data file no snapshot references, as a crash of an earlier run leaves behind: the sweep removes it.
    orphan = lake.partition_path("articles", SECOND, "crashed-run.parquet")
    orphan.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(lake.files("articles")[0], orphan)
    env = {**os.environ, "NEWSLAKE_FAILPOINT": KILL_AT.get(point, point)}
    done = run_night_process(lake.root, SECOND.isoformat(), [SAMPLES], env=env)
    return point, lake, done.returncode


def test_the_crash_test_covers_at_least_twenty_points() -> None:
    assert len(POINTS) >= 20 and len(set(POINTS)) == len(POINTS)


def test_a_night_killed_anywhere_loses_nothing_and_a_rerun_completes_it(histories, tmp_path: Path) -> None:
    base, before, reference = histories
    with ThreadPoolExecutor(max_workers=2) as pool:
        killed = list(pool.map(lambda p: _kill_at(p, base, tmp_path), POINTS))
    for point, lake, returncode in killed:
        assert returncode == -9, f"{point}: the night was not killed there (return code {returncode})"
        # The lake reads as the last committed state: before the night, or, past the commit point, after it.
        assert contents(lake) == (reference if point in COMMITTED else before), point
        night(lake, SECOND, [SAMPLES])
        assert contents(lake) == reference, f"{point}: the rerun differs from an uninterrupted history"
        runs = lake.connect().execute("select status, files_new from runs order by run_id").fetchall()
        assert [status for status, _ in runs].count("failed") == 0, point
