"""JSONL feeds: good lines kept, bad ones quarantined with a reason, record fields validated."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tasks.ingest.jsonl import parse_jsonl_record
from tasks.records import RawArticle, Rejected
from tests.ingest.inputs import read_all


def test_jsonl_keeps_good_lines_and_quarantines_bad_ones(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": 1, "title": "Only a title"}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": 3, "text": "Body only."}),
        "",
        json.dumps({"id": 4}),
        json.dumps({"id": 5, "title": "T", "published": "last Tuesday"}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    items = read_all(tmp_path / "feed.jsonl")
    kept = [i.external_id for i in items if isinstance(i, RawArticle)]
    rejected = [(i.source_uri.rsplit("#", 1)[1], i.error_kind) for i in items if isinstance(i, Rejected)]
    assert kept == ["1", "3"]
    assert rejected == [("line-2", "bad_json"), ("line-3", "bad_record"), ("line-6", "bad_record"), ("line-7", "bad_record")]


@pytest.mark.parametrize(
    ("record", "check"),
    [
        ({"title": "T", "published": "2026-11-26T11:00:00+01:00"}, lambda f: f["published_at"].utcoffset().total_seconds() == 3600),
        ({"title": "T", "published": "2026-11-26"}, lambda f: f["published_at"].tzinfo is not None),  # naive = UTC
        ({"headlines": ["A", " ", "B"]}, lambda f: f["headlines"] == ("A", "B")),
        ({"html": "<p>x</p>"}, lambda f: f["html"] == b"<p>x</p>" and f["charset"] == "utf-8"),
    ],
)
def test_jsonl_record_fields(record: dict, check) -> None:
    assert check(parse_jsonl_record(json.dumps(record)))


def test_a_line_of_the_wrong_types_or_depth_is_one_rejection_and_reading_goes_on(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": 1, "html": 7}),
        json.dumps({"id": 2, "title": True}),
        json.dumps({"id": True, "title": "T"}),
        "[" * 5000 + "]" * 5000,
        json.dumps({"id": 5, "source": 7, "title": "T"}),
        json.dumps({"id": 6, "title": "The last line is read"}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    items = read_all(tmp_path / "feed.jsonl")
    rejected = [(i.source_uri.rsplit("#", 1)[1], i.error_kind) for i in items if isinstance(i, Rejected)]
    assert rejected == [(f"line-{n}", kind) for n, kind in
                        ((1, "bad_record"), (2, "bad_record"), (3, "bad_record"), (4, "bad_json"), (5, "bad_record"))]
    assert [i.external_id for i in items if isinstance(i, RawArticle)] == ["6"]
