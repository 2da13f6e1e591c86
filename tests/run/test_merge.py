"""The merge: new articles only, headlines joined to the lake's stories across nights, stories rewritten in place."""

from __future__ import annotations

import gc
import json
from datetime import date, timedelta
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tasks.ingest import discover
from tasks.lake import Lake, PartWriter
from tasks.lake.schemas import HEADLINES, QUARANTINE
from tasks.records import Rejected
from tasks.run import new_run
from tasks.run.commit import commit_run, place_run
from tasks.run.merge import merge_run
from tasks.run.rows import quarantine_row, runs_row
from tasks.run.shard import process_shard


def feed(folder: Path, name: str, items: list[dict[str, str]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text("".join(json.dumps(item) + "\n" for item in items))
    return folder / name


def merge_and_commit(lake: Lake, inputs: list[Path], night: date, rejected: tuple[Rejected, ...] = ()) -> dict[str, int]:
    run = new_run(night)
    with lake.writer_lock(run.run_id):
        shard = process_shard(discover(inputs).files, run, lake.staging_dir(run.run_id), 0)
        rejects = pa.Table.from_pylist([quarantine_row(r, run) for r in rejected], schema=QUARANTINE)
        merged = merge_run(lake, run, [shard], {"quarantine": rejects})
        commit_run(lake, run, place_run(lake, run, merged), runs_row(run, flow_run_id=None, started_at=run.run_midnight, status=None,
                                               files_seen=1, files_new=1, counts=merged.counts))
    return merged.counts


def test_a_re_send_on_the_next_night_joins_the_story_and_rewrites_its_row(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    night = date(2026, 11, 26)
    first = feed(tmp_path / "in1", "a.jsonl", [
        {"url": "https://a.test/1", "source": "Alder Courier", "published": "2026-11-26T08:00:00Z",
         "title": "Port Alder bridge closes for six weeks of repairs"},
    ])
    counts = merge_and_commit(lake, [first], night)
    assert (counts["articles"], counts["headlines"], counts["stories_new"]) == (1, 1, 1)
    second = feed(tmp_path / "in2", "b.jsonl", [
        {"url": "https://b.test/9", "source": "Coastal Wire", "published": "2026-11-27T06:00:00Z",
         "title": "UPDATE 1-Port Alder bridge closes for six weeks of repairs"},
    ])
    counts = merge_and_commit(lake, [second], night + timedelta(days=1))
    assert (counts["articles"], counts["headlines"], counts["stories_new"]) == (1, 1, 0)
    con = lake.connect()
    assert con.execute("select count(distinct dup_group_id), count(distinct story_id) from headlines").fetchone() == (1, 1)
    # The story's row was rewritten (copy-on-write): one row, two headlines, two outlets, first partition kept.
    assert con.execute("select n_headlines, n_sources, ingest_date from stories").fetchall() == [(2, 2, night)]
    assert len(lake.files("stories")) == 1


def test_duplicates_and_discovery_rejections_are_counted(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    item = {"url": "https://a.test/1", "title": "Sorno market hall opens", "text": "The hall opened on Monday."}
    inputs = [feed(tmp_path / "in", "a.jsonl", [item]), feed(tmp_path / "in", "b.jsonl", [item | {"id": "copy"}])]
    missing = Rejected(str(tmp_path / "gone.txt"), None, "discover", "missing_path", "does not exist")
    counts = merge_and_commit(lake, inputs, date(2026, 11, 27), (missing,))
    assert (counts["articles"], counts["duplicates"], counts["quarantined"]) == (1, 1, 1)
    con = lake.connect()
    assert con.execute("select error_kind from quarantine").fetchall() == [("missing_path",)]
    assert con.execute("select count(*) from files").fetchone() == (2,)
    outcomes = con.execute("select reason, outcome from inputs order by reason").fetchall()
    assert outcomes == [("articles", "ingested"), ("articles", "ingested"), ("missing_path", "quarantined")]


def test_a_merge_retried_after_a_failure_starts_again_from_the_shards(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    # The disk fails while the headlines file is open (one batch written); the retry, in the same process, writes
    # the same path: nothing of the first attempt may leak into it.
    lake = Lake(tmp_path / "lake")
    inbox = feed(tmp_path / "in", "a.jsonl", [{"url": f"https://a.test/{n}", "title": f"Ferry {n} sails"} for n in range(3)])
    run = new_run(date(2026, 11, 27))
    real_write = PartWriter.write

    def write_then_fail_once(self: PartWriter, rows) -> None:  # noqa: ANN001 - rows or a table
        real_write(self, rows)
        if self.schema == HEADLINES:
            monkeypatch.setattr(PartWriter, "write", real_write)
            raise OSError("simulated disk error")

    monkeypatch.setattr(PartWriter, "write", write_then_fail_once)
    with lake.writer_lock(run.run_id):
        shard = process_shard(discover([inbox]).files, run, lake.staging_dir(run.run_id), 0)
        with pytest.raises(OSError) as failure:  # kept, as a retrying orchestrator keeps the failed attempt's state
            merge_run(lake, run, [shard])
        merged = merge_run(lake, run, [shard])
        del failure
        gc.collect()  # a writer the failed attempt left open would write its footer into the retry's file now
        assert (merged.counts["articles"], merged.counts["headlines"]) == (3, 3)
        assert [pq.read_table(path).num_rows for path, _ in merged.files["headlines"]] == [3]
