"""The staging layout of one run: the only code that knows where a run's files sit before its commit.

    <lake>/_staging/<run_id>/plan.json                       the shard plan (file lists), read by every shard
    <lake>/_staging/<run_id>/<table>/shard-NNNNN.parquet     a shard's staged part of one table
    <lake>/_staging/<run_id>/<table>/empty.parquet           zero-row part: the staged table's columns when no shard wrote any
    <lake>/_staging/<run_id>/merge.duckdb                    the merge's spill database
    <lake>/_staging/<run_id>/final/<table>[/<date>]/<run_id>.parquet   final files, placed under tables/ at commit
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from tasks.records import InputFile


@dataclass(frozen=True)
class Staging:
    """A run's staging directory (`Lake.staging_dir(run_id)`) and the names of everything in it."""

    root: Path
    run_id: str

    @property
    def plan_path(self) -> Path:
        return self.root / "plan.json"

    @property
    def merge_database(self) -> Path:
        return self.root / "merge.duckdb"

    def shard_part(self, table: str, shard: int) -> Path:
        return self.root / table / f"shard-{shard:05d}.parquet"

    def empty_part(self, table: str) -> Path:
        return self.root / table / "empty.parquet"

    def final_part(self, table: str, partition: date | None = None) -> Path:
        folder = self.root / "final" / table
        return (folder / partition.isoformat() if partition else folder) / f"{self.run_id}.parquet"

    def save_plan(self, shards: list[list[InputFile]]) -> Path:
        """Write a shard plan (one list of files per shard) to plan.json; returns its path."""
        self.plan_path.parent.mkdir(parents=True, exist_ok=True)
        self.plan_path.write_text(json.dumps([[asdict(f) for f in shard] for shard in shards]), encoding="utf-8")
        return self.plan_path

    def load_plan(self) -> list[list[InputFile]]:
        """Read the shard plan written by save_plan."""
        return [[InputFile(**f) for f in shard] for shard in json.loads(self.plan_path.read_text(encoding="utf-8"))]
