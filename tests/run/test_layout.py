"""The staging layout: where a run's files sit, and a shard plan that survives the round trip."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tasks.records import InputFile
from tasks.run.layout import Staging


def test_plan_round_trip(tmp_path: Path) -> None:
    staging = Staging(tmp_path / "_staging" / "r1", "r1")
    shards = [[InputFile("a.txt", "1" * 64, 10), InputFile("b.txt", "2" * 64, 20)], [InputFile("c.warc", "3" * 64, 30)]]
    assert staging.save_plan(shards) == staging.plan_path
    assert staging.load_plan() == shards


def test_paths_name_the_table_shard_and_run(tmp_path: Path) -> None:
    staging = Staging(tmp_path, "r1")
    assert staging.shard_part("articles", 7) == tmp_path / "articles" / "shard-00007.parquet"
    assert staging.final_part("headlines") == tmp_path / "final" / "headlines" / "r1.parquet"
    assert staging.final_part("stories", date(2026, 11, 1)) == tmp_path / "final" / "stories" / "2026-11-01" / "r1.parquet"
