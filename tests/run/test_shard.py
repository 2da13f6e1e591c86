"""A shard: its files read, cleaned and staged as Parquet parts; a bug in a stage costs one item, not the shard."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import tasks.run.shard as shard_module
from tasks.ingest import discover
from tasks.lake.schemas import STAGED
from tasks.records import RunInfo
from tasks.run.shard import process_shard
from tests.paths import SAMPLES

RUN = RunInfo("20261127T020000Z-test00", date(2026, 11, 27))


def test_shard_stages_every_table_with_its_schema(tmp_path: Path) -> None:
    files = discover([SAMPLES / "txt", SAMPLES / "jsonl"]).files
    result = process_shard(files, RUN, tmp_path, shard=3)
    assert result.shard == 3 and result.counts["files"] == len(files) == 5
    assert result.counts["articles"] == 3 + 3 + 5 and result.counts["quarantine"] == 2  # 7 feed lines, 2 of them bad
    for table, path in result.parts.items():
        assert Path(path).name == "shard-00003.parquet"
        assert pq.read_schema(path).names == STAGED[table].names
    manifest = pq.read_table(result.parts["files"]).to_pylist()
    assert {Path(row["source_uri"]).name: (row["articles"], row["quarantined"]) for row in manifest} == {
        "harbor_bridge.txt": (1, 0), "orchard_frost.txt": (1, 0), "rail_strike.txt.gz": (1, 0), "wire_feed.jsonl": (5, 2),
        "bridge_followups.jsonl": (3, 0),
    }


def test_a_statement_bug_keeps_the_article_and_quarantines_the_statements(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(body: str) -> list[object]:
        raise ZeroDivisionError("simulated")

    monkeypatch.setattr(shard_module, "extract_statements", broken)
    result = process_shard(discover([SAMPLES / "txt" / "orchard_frost.txt"]).files, RUN, tmp_path, shard=0)
    assert result.counts["articles"] == 1 and result.counts["statements"] == 0
    [row] = pq.read_table(result.parts["quarantine"]).to_pylist()
    assert (row["stage"], row["error_kind"]) == ("statements", "unexpected_error")
    assert "ZeroDivisionError: simulated (at test_shard.py:" in row["error"]


def test_a_reader_bug_quarantines_the_rest_of_the_file_and_keeps_the_other_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = shard_module.read_input

    def reader_that_breaks_on_feeds(file):  # noqa: ANN001, ANN202 - same signature as read_input
        if file.path.endswith(".jsonl"):
            raise KeyError("simulated")
        return real(file)

    monkeypatch.setattr(shard_module, "read_input", reader_that_breaks_on_feeds)
    files = discover([SAMPLES / "jsonl" / "wire_feed.jsonl", SAMPLES / "txt" / "orchard_frost.txt"]).files
    result = process_shard(files, RUN, tmp_path, shard=0)
    assert result.counts["articles"] == 1 and result.counts["files"] == 2
    [row] = pq.read_table(result.parts["quarantine"]).to_pylist()
    assert (Path(row["source_uri"]).name, row["stage"], row["error_kind"]) == ("wire_feed.jsonl", "ingest", "unexpected_error")


def test_an_empty_shard_writes_no_part(tmp_path: Path) -> None:
    result = process_shard([], RUN, tmp_path, shard=0)
    assert result.parts == {} and set(result.counts.values()) == {0}
