"""Shard planning: contents already in the lake, or repeated under another name, are skipped."""

from __future__ import annotations

from pathlib import Path

from tasks.ingest import discover
from tasks.run.plan import plan_shards


def test_plan_shards_skips_known_and_repeated_contents(tmp_path: Path) -> None:
    for name, text in [("a.txt", "same"), ("b.txt", "same"), ("c.txt", "other"), ("d.txt", "known")]:
        (tmp_path / name).write_text(text)
    files = discover([tmp_path]).files
    known = {f.content_sha256 for f in files if f.path.endswith("d.txt")}
    shards = plan_shards(files, known, batch_files=1)
    assert [[Path(f.path).name for f in shard] for shard in shards] == [["a.txt"], ["c.txt"]]
