"""WARC crawls (CC-NEWS): every HTTP response with an HTML payload is an article; other records are accounted for."""

from __future__ import annotations

import zlib
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from tasks.ingest.rejects import Reject
from tasks.ingest.sniff import is_html_payload
from tasks.ingest.timestamps import parse_published
from tasks.records import InputFile, RawArticle, Rejected

# CC-NEWS records are rarely above 2 MB; a 10 MB "page" is a video, a PDF or a crawler trap.
MAX_WARC_RECORD_BYTES = 10 * 1024 * 1024


def _charset_of(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def read_warc(file: InputFile, reject: Reject) -> Iterator[RawArticle | Rejected]:
    """Stream HTTP response records; everything else a crawler stores (requests, metadata) is not an article."""
    index = 0
    try:
        with open(file.path, "rb") as stream:
            records = ArchiveIterator(stream)
            for record in records:
                index += 1
                if record.rec_type != "response":
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                where = f"{file.path}#record-{index}"
                content_type = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
                payload = record.content_stream().read(MAX_WARC_RECORD_BYTES + 1)
                if len(payload) > MAX_WARC_RECORD_BYTES:
                    yield reject("oversized_record", f"{uri}: payload larger than {MAX_WARC_RECORD_BYTES} bytes", where)
                    continue
                # raw_stream.limit counts the bytes the record promised but the file no longer has.
                missing = getattr(record.raw_stream, "limit", 0) or 0
                if missing > 0 or record.rec_headers.get_header("WARC-Truncated"):
                    reason = record.rec_headers.get_header("WARC-Truncated") or f"{missing} bytes missing at end of file"
                    yield reject("truncated_record", f"{uri}: record truncated ({reason})", where)
                    continue
                if not is_html_payload(content_type, payload[:512]):
                    yield reject("non_html_record", f"{uri}: payload is {content_type or 'not HTML'}", where)
                    continue
                fetched = record.rec_headers.get_header("WARC-Date")
                yield RawArticle(
                    where,
                    "warc",
                    file.content_sha256,
                    url=uri or None,
                    fetched_at=parse_published(fetched) if fetched else None,
                    html=payload,
                    charset=_charset_of(content_type),
                )
            # warcio stops quietly when the last record's headers are cut off: unread bytes mean a truncated record.
            unread = file.size_bytes - records.offset
            if unread > 0:
                yield reject("truncated_record", f"last {unread} bytes of the file are not a complete record",
                             f"{file.path}#record-{index + 1}")
    except (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError) as error:
        yield reject("bad_warc", f"WARC stream broke after record {index}: {error}", f"{file.path}#record-{index + 1}")
