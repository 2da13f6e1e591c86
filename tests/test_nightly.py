"""The nightly flow end to end, driven through the `newslake` command line under the Prefect test harness.

Each flow run costs a second or two on the shared harness, so the scenarios are few and each checks a lot.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from flows.cli import main

pytestmark = pytest.mark.prefect
REPO = Path(__file__).resolve().parents[1]


def newslake(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    capsys.readouterr()
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def query(capsys: pytest.CaptureFixture[str], lake: Path, sql: str) -> list[dict]:
    return json.loads(newslake(capsys, "sql", "--lake", str(lake), "--format", "json", sql))


def table_counts(capsys, lake: Path) -> dict[str, int]:
    names = ("articles", "headlines", "stories", "statements", "quarantine", "files")
    return {name: query(capsys, lake, f"select count(*) as n from {name}")[0]["n"] for name in names}


def test_samples_run_then_rerun_changes_nothing(prefect_harness, tmp_path: Path, capsys) -> None:
    lake = tmp_path / "lake"
    out = newslake(capsys, "run", "--input", str(REPO / "samples"), "--lake", str(lake), "--date", "2026-11-27")
    assert "files_new   | 7" in out
    first = table_counts(capsys, lake)
    assert first["articles"] >= 10 and first["statements"] > 0 and first["quarantine"] == 3

    # Every quarantine row says why; none of the good inputs is among them.
    reasons = {row["error_kind"] for row in query(capsys, lake, "select error_kind from quarantine")}
    assert reasons == {"bad_json", "bad_record", "non_html_record"}

    # Offsets point into the body, for every statement.
    bad = query(capsys, lake, "select count(*) as n from statements s join articles a using (article_id) "
                              "where substr(a.body, s.content_start + 1, s.content_end - s.content_start) <> s.content")
    assert bad == [{"n": 0}]

    # A rerun over the same inputs reads nothing new and adds no row; it records itself in `runs`.
    out = newslake(capsys, "run", "--input", str(REPO / "samples"), "--lake", str(lake), "--date", "2026-11-27")
    assert "files_new   | 0" in out
    assert table_counts(capsys, lake) == first
    runs = query(capsys, lake, "select files_new, articles from runs order by run_id")
    assert [r["files_new"] for r in runs] == [7, 0] and runs[1]["articles"] == 0


def test_bad_inputs_are_quarantined_and_good_ones_kept(prefect_harness, tmp_path: Path, capsys) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(REPO / "samples" / "txt" / "orchard_frost.txt", inbox)
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00")
    (inbox / "feed.jsonl").write_text('{"id": "1", "title": "Market hall opens"}\n{"id": "2", "title": \n{"id": "3", "text": "A short item."}\n')
    lake = tmp_path / "lake"
    newslake(capsys, "run", "--input", str(inbox), "--lake", str(lake))

    titles = {row["title"] for row in query(capsys, lake, "select title from articles")}
    assert "Market hall opens" in titles and any(t and t.startswith("Late frost") for t in titles)
    assert len(titles) == 3
    rows = query(capsys, lake, "select source_uri, error_kind, error from quarantine order by source_uri")
    assert [(Path(r["source_uri"]).name, r["error_kind"]) for r in rows] == [
        ("empty.txt", "empty_file"),
        ("feed.jsonl#line-2", "bad_json"),
        ("photo.jpg", "binary_file"),
    ]
    assert all(r["error"] for r in rows)


def test_seed_acceptance(prefect_harness, shared_dir: Path, tmp_path: Path, capsys) -> None:
    seed_dir = shared_dir / "seeds"
    expected = json.loads(next(seed_dir.glob("*.expected.json")).read_text())
    lake = tmp_path / "lake"
    newslake(capsys, "run", "--input", str(seed_dir), "--lake", str(lake))

    statements = query(capsys, lake, "select * from statements")
    [article] = query(capsys, lake, "select body from articles")
    body = article["body"]
    assert statements and all(body[s["content_start"]:s["content_end"]] == s["content"] for s in statements)
    assert "Latest News" not in body

    headlines = query(capsys, lake, "select text, story_id from headlines")
    assert {h["text"] for h in headlines} == set(expected["headlines"])
    assert len({h["story_id"] for h in headlines}) == 1
