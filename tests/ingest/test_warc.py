"""WARC crawls: HTML responses become articles, every other record is accounted for."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tasks.ingest import discover, read_input
from tests.ingest.inputs import PAGE, WarcBuilder, read_all, write_warc


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


def outcomes(items: list[object]) -> list[tuple[str, str | None]]:
    return [(type(i).__name__, getattr(i, "error_kind", None) or getattr(i, "kind", None)) for i in items]


def test_every_record_has_one_outcome_and_non_articles_are_counted_by_kind(tmp_path: Path) -> None:
    warc = WarcBuilder()
    warc.warcinfo()
    warc.request("https://a.example/1")
    warc.response("https://a.example/1")
    warc.response("https://a.example/missing", status="404 Not Found")
    warc.response("https://a.example/private", status="403 Forbidden")
    warc.response("https://a.example/moved", status="301 Moved Permanently")
    items = read_all(warc.save(tmp_path / "crawl.warc.gz"))
    assert outcomes(items) == [
        ("SkippedRecord", "warcinfo"), ("SkippedRecord", "request"), ("RawArticle", None),
        ("Rejected", "http_error"), ("Rejected", "http_error"), ("Rejected", "http_error"),
    ]
    assert "HTTP 404 Not Found" in items[3].error and items[3].source_uri.endswith(f"#offset-{warc.starts[3]}")


def test_a_malformed_warc_date_costs_that_field_not_the_file(tmp_path: Path) -> None:
    warc = WarcBuilder()
    warc.response("https://a.example/1", date="2008-10-294T10:00:00Z")
    warc.response("https://a.example/2")
    items = read_all(warc.save(tmp_path / "crawl.warc.gz"))
    assert outcomes(items) == [("RawArticle", None), ("RawArticle", None)]
    assert items[0].fetched_at is None and items[1].fetched_at is not None


@pytest.mark.parametrize("compress", [True, False])
def test_a_record_that_cannot_be_parsed_costs_that_record_only(tmp_path: Path, compress: bool) -> None:
    warc = WarcBuilder(compress=compress)
    for n in range(4):
        warc.response(f"https://a.example/{n}")
    items = read_all(warc.save(tmp_path / ("crawl.warc.gz" if compress else "crawl.warc"), garble=1))
    assert outcomes(items) == [("RawArticle", None), ("Rejected", "bad_warc"), ("RawArticle", None), ("RawArticle", None)]
    assert items[1].source_uri.endswith(f"#offset-{warc.starts[1]}") and "resumed at byte" in items[1].error
    assert [i.url for i in items if hasattr(i, "url")] == ["https://a.example/0", "https://a.example/2", "https://a.example/3"]


def test_a_revisit_takes_the_payload_of_the_capture_it_refers_to(tmp_path: Path) -> None:
    warc = WarcBuilder()
    digest = warc.response("https://a.example/story", date="2026-11-26T08:00:00Z")
    warc.revisit("https://a.example/story?amp=1", digest, "https://a.example/story", "2026-11-26T08:00:00Z")
    warc.revisit("https://b.example/other", "sha1:NOTINTHISFILE", "https://b.example/other", "2026-10-01T00:00:00Z")
    items = read_all(warc.save(tmp_path / "crawl.warc.gz"))
    assert outcomes(items) == [("RawArticle", None), ("RawArticle", None), ("Rejected", "revisit_unresolved")]
    assert items[1].html == items[0].html and items[1].url == "https://a.example/story?amp=1"
    assert "NOTINTHISFILE" in items[2].error and items[2].source_uri.endswith(f"#offset-{warc.starts[2]}")


@pytest.mark.parametrize("truncate", [False, True])
def test_a_crawl_cut_anywhere_near_a_record_boundary_reads_as_the_whole(tmp_path: Path, truncate: bool) -> None:
    # The cut lands just before, at and after a broken record, a revisit and the truncated last record: every
    # record still gets its one outcome, from exactly one piece, and a revisit finds a capture of an earlier piece.
    warc = WarcBuilder()
    digests = [warc.response(f"https://a.example/{n}", date=f"2026-11-26T0{n}:00:00Z") for n in range(4)]
    warc.revisit("https://a.example/0?amp=1", digests[0], "https://a.example/0", "2026-11-26T00:00:00Z")
    warc.response("https://a.example/5")
    warc.revisit("https://a.example/1?amp=1", digests[1], "https://a.example/1", "2026-11-26T01:00:00Z")
    warc.response("https://a.example/7")
    path = warc.save(tmp_path / "crawl.warc.gz", garble=2)
    if truncate:
        path.write_bytes(path.read_bytes()[:-40])
    [whole] = discover([path]).files
    expected = _items(read_input(whole))
    assert ("Rejected", "bad_warc") in [(kind, error) for kind, _, error in expected]
    for boundary in warc.starts[1:]:
        for cut in (boundary - 1, boundary, boundary + 1):
            pieces = [dataclasses.replace(whole, end=cut), dataclasses.replace(whole, start=cut)]
            assert _items(item for piece in pieces for item in read_input(piece)) == expected, f"cut at {cut}"


def _items(items) -> list[tuple[str, str, str | None]]:  # noqa: ANN001 - outcomes of read_input
    return [(type(i).__name__, getattr(i, "source_uri", None) or i.kind, getattr(i, "error_kind", None)
             or getattr(i, "html", None)) for i in items]
