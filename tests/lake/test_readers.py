"""Readers during writes: a reader querying in a loop while nights commit, and get killed, never sees a mix of two
snapshots or a missing file, and creates nothing in the lake."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tasks.faults import POINTS
from tasks.lake import Lake
from tests.night_process import run_night_process
from tests.paths import REPO


def write_night(folder: Path, night: int) -> Path:
    folder.mkdir(parents=True)
    lines = [json.dumps({"url": f"https://a.test/{night}/{n}", "source": f"Outlet {n % 3}",
                         "title": f"Council vote {night}-{n} on the harbor budget",
                         "text": f'"We will decide on item {n} tonight," Mayor Ada Brook said on day {night}.'})
             for n in range(20)]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n{broken line\n")
    return folder


def test_a_reader_never_sees_a_mix_of_snapshots(tmp_path: Path) -> None:
    lake = tmp_path / "lake"
    stop = tmp_path / "stop"
    reader = subprocess.Popen([sys.executable, "-m", "tests.lake.read_loop", str(lake), str(stop), "120"], cwd=REPO,
                              stdout=subprocess.PIPE, text=True)
    kills = [p for p in POINTS if p.startswith(("merge.", "commit.", "lake."))]
    for night in range(4):
        inbox = write_night(tmp_path / f"in{night}", night)
        day = f"2026-11-{10 + night}"
        if night % 2:  # every other night is killed inside its merge or commit first, then run again
            env = {**os.environ, "NEWSLAKE_FAILPOINT": kills[night % len(kills)]}
            assert run_night_process(lake, day, [inbox], env=env).returncode == -9
        assert run_night_process(lake, day, [inbox]).returncode == 0
    stop.touch()
    out, _ = reader.communicate(timeout=60)
    report = json.loads(out.strip().splitlines()[-1]) if out.strip() else None
    assert report is not None, "the reader was stopped before it reported"
    assert report["violations"] == []
    assert report["checked"] > 10 and len(report["versions"]) >= 3, report
    assert Lake(lake).connect().execute("select count(*) from articles").fetchone() == (80,)


def test_readers_create_nothing_in_the_lake(tmp_path: Path) -> None:
    lake = tmp_path / "lake"
    assert run_night_process(lake, "2026-11-27", [write_night(tmp_path / "in", 0)]).returncode == 0
    before = sorted((p, p.stat().st_mtime_ns) for p in lake.rglob("*"))
    con = Lake(lake).connect()
    con.execute("select * from articles, statements, stories").fetchall()
    assert sorted((p, p.stat().st_mtime_ns) for p in lake.rglob("*")) == before
    assert not Lake(tmp_path / "nothing").exists and not (tmp_path / "nothing").exists()
