"""WARC crawls: HTML responses become articles, every other record is accounted for."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ingest.inputs import PAGE, read_all, write_warc


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
