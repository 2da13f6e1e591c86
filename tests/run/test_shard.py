"""A shard: its files read, cleaned and staged as Parquet parts; a bug in a stage costs one item, not the shard."""

from __future__ import annotations

import gc
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import tasks.run.shard as shard_module
from tasks.ingest import discover
from tasks.lake.schemas import STAGED
from tasks.records import RunInfo
from tasks.run.shard import process_shard
from tests.ingest.inputs import WarcBuilder
from tests.paths import SAMPLES

RUN = RunInfo("20261127T020000.000000Z-test00", date(2026, 11, 27))


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


def test_a_page_language_comes_only_from_a_language_tag(tmp_path: Path) -> None:
    """Servers and templates put a charset where a language belongs ("Content-Language: UTF-8", as a real crawl
    had it): the charset is no language, and a list gives its first tag."""
    prose = "<p>" + "The harbor bridge in Sorno reopened to walkers on Monday after two years of repairs. " * 3 + "</p>"
    warc = WarcBuilder()
    for n, declared in enumerate(["UTF-8", "UTF-8, de", "da, en-gb"]):
        page = f"<html><head><meta http-equiv='Content-Language' content='{declared}'><title>Bridge {n}</title>"
        warc.response(f"https://a.example/{n}", f"{page}</head><body><article>{prose}</article></body></html>".encode(),
                      http_headers=(("Content-Language", declared),))
    result = process_shard(discover([warc.save(tmp_path / "crawl.warc.gz")]).files, RUN, tmp_path / "out", shard=0)
    articles = pq.read_table(result.parts["articles"]).sort_by("url").to_pylist()
    assert [a["language"] for a in articles] == ["en", "de", "da"]  # the first: no tag declared, the prose's


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


def test_a_shard_that_fails_leaves_no_part_and_its_retry_in_the_same_process_writes_whole_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = discover([SAMPLES / "txt", SAMPLES / "jsonl"]).files
    real, calls = shard_module._process_file, []

    def fails_on_the_third_file(*args: object) -> None:
        calls.append(1)
        if len(calls) == 3:
            raise OSError("simulated disk error")
        real(*args)

    monkeypatch.setattr(shard_module, "_process_file", fails_on_the_third_file)
    # A batch of 1: parts are open when it fails. The failure is kept, as a retrying orchestrator keeps the state.
    with pytest.raises(OSError) as failure:
        process_shard(files, RUN, tmp_path, shard=0, batch_rows=1)
    assert list(tmp_path.rglob("*.parquet")) == []
    result = process_shard(files, RUN, tmp_path, shard=0, batch_rows=1)
    del failure
    gc.collect()  # a writer the failed attempt left open would write its footer into the new file now
    assert all(pq.read_table(path).num_rows == result.counts[table] for table, path in result.parts.items())


def test_a_file_of_bad_lines_is_flushed_as_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # No article is read, yet the quarantine rows must not pile up until the shard ends.
    (tmp_path / "bad.jsonl").write_text("{broken\n" * 500)
    real_flush, buffered_at_flush = shard_module._ShardBuffers.flush, []

    def counting_flush(self) -> None:  # noqa: ANN001 - a _ShardBuffers
        buffered_at_flush.append(sum(len(rows) for rows in self.rows.values()))
        real_flush(self)

    monkeypatch.setattr(shard_module._ShardBuffers, "flush", counting_flush)
    result = process_shard(discover([tmp_path / "bad.jsonl"]).files, RUN, tmp_path / "out", shard=0, batch_rows=5)
    assert result.counts["quarantine"] == 500 and len(buffered_at_flush) >= 500 // (40 * 5)
    assert max(buffered_at_flush) <= 40 * 5
