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
