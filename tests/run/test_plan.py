"""Shard planning: contents already in the lake, or repeated under another name, are skipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from tasks.ingest import discover
from tasks.run.plan import plan_shards


def test_plan_shards_skips_known_and_repeated_contents(tmp_path: Path) -> None:
    for name, text in [("a.txt", "same"), ("b.txt", "same"), ("c.txt", "other"), ("d.txt", "known")]:
        (tmp_path / name).write_text(text)
    files = discover([tmp_path]).files
    known = {f.content_sha256: "inbox/d.txt (run r0)" for f in files if f.path.endswith("d.txt")}
    plan = plan_shards(files, known, batch_files=1)
    assert [[Path(f.path).name for f in shard] for shard in plan.shards] == [["a.txt"], ["c.txt"]]
    # Every file that is not read has an outcome that says why.
    assert [(Path(o.uri).name, o.outcome, o.reason) for o in plan.skipped] == [
        ("b.txt", "skipped", "duplicate_in_run"), ("d.txt", "skipped", "seen_before"),
    ]
    assert plan.skipped[0].detail.endswith("a.txt") and "run r0" in plan.skipped[1].detail


def test_batch_files_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        plan_shards([], {}, batch_files=0)
