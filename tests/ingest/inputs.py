"""Input files built for the ingest tests: a small page, a WARC writer, and a reader of one file's items."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tasks.ingest import discover, read_input
from tasks.records import RawArticle, Rejected

PAGE = b"<html><head><title>Quiet night</title></head><body><p>Nothing happened in Sorno last night.</p></body></html>"


def read_all(path: Path) -> list[RawArticle | Rejected]:
    """Every item read from one file (which must be discoverable)."""
    found = discover([path])
    assert len(found.files) == 1
    return list(read_input(found.files[0]))


class WarcBuilder:
    """Writes a WARC record by record, as a crawler would (warcio itself), and can garble a record's bytes."""

    def __init__(self, compress: bool = True) -> None:
        self.buffer = io.BytesIO()
        self.writer = WARCWriter(self.buffer, gzip=compress)
        self.starts: list[int] = []

    def _write(self, record: object) -> None:
        self.starts.append(self.buffer.tell())
        self.writer.write_record(record)

    def response(self, uri: str, body: bytes = PAGE, content_type: str = "text/html; charset=utf-8",
                 status: str = "200 OK", date: str | None = "2026-11-27T02:10:00Z",
                 http_headers: tuple[tuple[str, str], ...] = ()) -> str:
        """Add an HTTP response; returns its payload digest (what a revisit refers to)."""
        http = StatusAndHeaders(status, [("Content-Type", content_type), *http_headers], protocol="HTTP/1.1")
        headers = {"WARC-Date": date} if date else {}
        record = self.writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http,
                                                warc_headers_dict=headers)
        self._write(record)
        return record.rec_headers.get_header("WARC-Payload-Digest")

    def revisit(self, uri: str, digest: str, refers_to_uri: str, refers_to_date: str) -> None:
        http = StatusAndHeaders("304 Not Modified", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        self._write(self.writer.create_revisit_record(uri, digest, refers_to_uri, refers_to_date, http_headers=http))

    def request(self, uri: str) -> None:
        http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "a.example")], is_http_request=True)
        self._write(self.writer.create_warc_record(uri, "request", http_headers=http))

    def warcinfo(self) -> None:
        self._write(self.writer.create_warcinfo_record("crawl.warc.gz", {"software": "newslake tests"}))

    def save(self, path: Path, garble: int | None = None) -> Path:
        """Write the file; `garble` = the index of a record whose first bytes are overwritten with junk."""
        data = bytearray(self.buffer.getvalue())
        if garble is not None:
            start = self.starts[garble]
            data[start : start + 12] = b"\x00junk-bytes!"[:12]
        path.write_bytes(bytes(data))
        return path


def write_warc(path: Path, records: list[tuple[str, str, bytes]], truncate_last: int = 0, compress: bool = True) -> Path:
    """A WARC of HTTP 200 responses (uri, content type, payload), optionally cut short by `truncate_last` bytes."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    for uri, content_type, body in records:
        http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http))
    data = buffer.getvalue()
    path.write_bytes(data[: len(data) - truncate_last])
    return path
