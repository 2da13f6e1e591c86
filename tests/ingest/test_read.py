"""Ingest: format detection, readers, and one quarantine reason per kind of bad input."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tasks.ingest import discover, read_input
from tasks.ingest.jsonl import parse_jsonl_record
from tasks.records import RawArticle, Rejected
from tasks.run.plan import plan_shards

PAGE = b"<html><head><title>Quiet night</title></head><body><p>Nothing happened in Sorno last night.</p></body></html>"


def read_all(path: Path) -> list[RawArticle | Rejected]:
    found = discover([path])
    assert len(found.files) == 1
    return list(read_input(found.files[0]))


def write_warc(path: Path, records: list[tuple[str, str, bytes]], truncate_last: int = 0, compress: bool = True) -> Path:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    for uri, content_type, body in records:
        http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http))
    data = buffer.getvalue()
    path.write_bytes(data[: len(data) - truncate_last])
    return path


def test_discover_walks_directories_skips_hidden_and_reports_missing(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("B")
    (tmp_path / "a.txt").write_text("A")
    (tmp_path / ".hidden.txt").write_text("H")
    found = discover([tmp_path, tmp_path / "a.txt", tmp_path / "missing.txt"])
    assert [Path(f.path).name for f in found.files] == ["a.txt", "b.txt"]  # sorted, de-duplicated
    assert [(r.error_kind, Path(r.source_uri).name) for r in found.rejected] == [("missing_path", "missing.txt")]


@pytest.mark.parametrize(
    ("name", "content", "error_kind"),
    [
        ("empty.txt", b"", "empty_file"),
        ("blank.txt", b"  \n\n ", "empty_file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary_file"),
        ("broken.txt.gz", b"\x1f\x8b\x08\x00garbage", "bad_gzip"),
        ("notes.md", b"# just notes", "unknown_format"),
        ("big.json", b'{\n "a": 1\n}\n', "unknown_format"),
    ],
)
def test_bad_files_are_rejected_with_a_reason(tmp_path: Path, name: str, content: bytes, error_kind: str) -> None:
    (tmp_path / name).write_bytes(content)
    [item] = read_all(tmp_path / name)
    assert isinstance(item, Rejected) and item.error_kind == error_kind and item.error


def test_text_file_reads_utf8_and_gzip(tmp_path: Path) -> None:
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress("Straße gesperrt\n\nDie Brücke ist zu.".encode()))
    [item] = read_all(tmp_path / "a.txt.gz")
    assert isinstance(item, RawArticle) and item.text.startswith("Straße")


def test_text_file_in_legacy_encoding_is_decoded(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("Le café de la gare a fermé ses portes après quarante ans.".encode("cp1252"))
    [item] = read_all(tmp_path / "a.txt")
    assert isinstance(item, RawArticle) and "café" in item.text


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


def test_html_file_is_passed_on_as_bytes(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_bytes(PAGE)
    [item] = read_all(tmp_path / "page.html")
    assert isinstance(item, RawArticle) and item.html == PAGE and item.source_format == "html"


# A cut inside the last record's payload and a cut inside its headers are detected differently (see _read_warc).
@pytest.mark.parametrize(("compress", "truncate_last"), [(True, 50), (True, 200), (False, 50), (False, 2300)])
def test_warc_reads_html_and_quarantines_non_html_and_truncated_records(tmp_path: Path, truncate_last: int, compress: bool) -> None:
    records = [
        ("https://a.example/1", "text/html; charset=utf-8", PAGE),
        ("https://a.example/report.pdf", "application/pdf", b"%PDF-1.4 not an article"),
        ("https://a.example/2", "text/html", PAGE.replace(b"Quiet", b"Loud") * 20),
    ]
    name = "crawl.warc.gz" if compress else "crawl.warc"
    write_warc(tmp_path / name, records, truncate_last=truncate_last, compress=compress)
    items = read_all(tmp_path / name)
    assert [(type(i).__name__, getattr(i, "error_kind", None)) for i in items] == [
        ("RawArticle", None),
        ("Rejected", "non_html_record"),
        ("Rejected", "truncated_record"),
    ]
    assert items[0].url == "https://a.example/1" and items[0].charset == "utf-8" and items[0].fetched_at is not None


def test_plan_shards_skips_known_and_repeated_contents(tmp_path: Path) -> None:
    for name, text in [("a.txt", "same"), ("b.txt", "same"), ("c.txt", "other"), ("d.txt", "known")]:
        (tmp_path / name).write_text(text)
    files = discover([tmp_path]).files
    known = {f.content_sha256 for f in files if f.path.endswith("d.txt")}
    shards = plan_shards(files, known, batch_files=1)
    assert [[Path(f.path).name for f in shard] for shard in shards] == [["a.txt"], ["c.txt"]]
