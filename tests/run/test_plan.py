"""Shard planning: contents already in the lake, or repeated under another name, are skipped."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import tasks.run.plan as plan_module
from tasks.ingest import discover, read_input
from tasks.run.plan import plan_shards
from tests.ingest.inputs import PAGE, WarcBuilder


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


def _feed(path: Path, lines: int) -> Path:
    rows = []
    for n in range(lines):
        rows.append("{broken" if n % 97 == 5 else json.dumps({"id": str(n), "title": f"Item {n} " + "x" * (n % 40)}))
    path.write_text("\n".join(rows) + "\n")
    return path


def _items(files: list) -> list[tuple]:
    return [(getattr(i, "source_uri", None), getattr(i, "error_kind", None) or getattr(i, "kind", None),
             getattr(i, "external_id", None)) for f in files for i in read_input(f)]


@pytest.mark.parametrize("scan_bytes", [1 << 20, 777])  # one read, and chunks that cut lines
def test_a_large_feed_in_pieces_reads_as_the_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scan_bytes: int) -> None:
    monkeypatch.setattr(plan_module, "MIN_SHARD_BYTES", 2000)
    monkeypatch.setattr(plan_module, "_SCAN_BYTES", scan_bytes)
    [whole] = discover([_feed(tmp_path / "feed.jsonl", 3000)]).files
    plan = plan_shards([whole], {}, batch_files=1000, workers=4)
    pieces = [f for shard in plan.shards for f in shard]
    assert len(plan.shards) >= 8 and len(pieces) >= 8 and plan.files_new == 1
    assert pieces[0].start == 0 and pieces[-1].end is None
    assert all(a.end == b.start for a, b in zip(pieces, pieces[1:]))
    assert _items(pieces) == _items([whole])  # same lines, same names (#line-N), same rejections


def test_a_large_crawl_in_pieces_reads_as_the_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plan_module, "MIN_SHARD_BYTES", 1500)
    warc = WarcBuilder()
    for n in range(60):
        warc.response(f"https://a.example/{n}", body=PAGE.replace(b"Sorno", f"Sorno {n}".encode()))
        if n % 10 == 0:
            warc.request(f"https://a.example/{n}")
    [whole] = discover([warc.save(tmp_path / "crawl.warc.gz")]).files
    pieces = [f for shard in plan_shards([whole], {}, batch_files=1000, workers=4).shards for f in shard]
    assert len(pieces) >= 4
    assert _items(pieces) == _items([whole])


def test_small_files_are_grouped_and_gzip_feeds_stay_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plan_module, "MIN_SHARD_BYTES", 4000)
    for n in range(10):
        (tmp_path / f"a{n}.txt").write_text(f"Headline {n}\n\n" + "Body text. " * 30)
    (tmp_path / "feed.jsonl.gz").write_bytes(gzip.compress(_feed(tmp_path / "f.jsonl", 2000).read_bytes()))
    (tmp_path / "f.jsonl").unlink()
    plan = plan_shards(discover([tmp_path]).files, {}, batch_files=1000, workers=1)
    assert all(f.is_whole for shard in plan.shards for f in shard)
    assert 1 < len(plan.shards) < 11 and plan.files_new == 11
