"""WARC crawls (CC-NEWS): every HTTP response with an HTML payload is an article; every other record is accounted for.

Each record gets exactly one outcome: an article, a quarantine row naming the record (`#offset-N`: the byte offset
where the record starts, as CDX indexes address it), or a counted skip (request, metadata and warcinfo records
carry no article: the file's manifest row counts them per kind). A malformed header field costs that field (a bad
WARC-Date leaves `fetched_at` empty); a record warcio cannot parse costs that record: reading resumes at the next
record boundary.
"""

from __future__ import annotations

import zlib
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from tasks.ingest.compressed import GZIP_MAGIC
from tasks.ingest.rejects import Reject
from tasks.ingest.sniff import is_html_payload
from tasks.ingest.timestamps import parse_published
from tasks.records import InputFile, RawArticle, Rejected, SkippedRecord

# CC-NEWS records are rarely above 2 MB; a 10 MB "page" is a video, a PDF or a crawler trap.
MAX_WARC_RECORD_BYTES = 10 * 1024 * 1024
# Record types that never carry an article; they are counted, not quarantined.
_NOT_ARTICLES = frozenset({"warcinfo", "request", "metadata", "continuation", "conversion"})
_GZIP_MEMBER = b"\x1f\x8b\x08"
_WARC_LINE = b"\nWARC/1."
_SCAN_BYTES = 1 << 20


def _charset_of(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _timestamp(value: str | None) -> datetime | None:
    """A WARC-Date, or None when it is missing or malformed (the record is kept without it)."""
    if not value:
        return None
    try:
        return parse_published(value)
    except ValueError:
        return None


@dataclass(frozen=True)
class _Capture:
    """Where an earlier response record sits in the file, so that a revisit record can reuse its payload."""

    offset: int
    content_type: str
    status: str


class _WarcReader:
    """Streams one WARC file's records into outcomes, resynchronising after a record it cannot parse."""

    def __init__(self, file: InputFile, reject: Reject, stream: IO[bytes], lookup: IO[bytes]) -> None:
        self.file, self.reject, self.stream, self.lookup = file, reject, stream, lookup
        self.offset = 0  # where the record being read starts
        self.captures: dict[str, _Capture] = {}  # record id, payload digest or "uri date" -> response record
        self.captures_before_start = file.start == 0  # a later piece learns them only when a revisit asks
        self.gzipped = stream.read(2) == GZIP_MAGIC
        stream.seek(0)

    def where(self) -> str:
        return f"{self.file.uri}#offset-{self.offset}"

    # ---- iteration with resynchronisation ---------------------------------------------------
    def outcomes(self) -> Iterator[RawArticle | Rejected | SkippedRecord]:
        # A piece of a file starts at its first parseable record boundary; the record it cuts belongs to the piece
        # before, and so does a broken record right after that one.
        records: ArchiveIterator | _Resumed | None
        records = ArchiveIterator(self.stream) if self.file.start == 0 else self._resume_after(self.file.start - 1)[0]
        while records is not None:
            records = yield from self._read_until_broken(records)

    def _read_until_broken(
        self, records: ArchiveIterator | _Resumed
    ) -> Generator[RawArticle | Rejected | SkippedRecord, None, ArchiveIterator | _Resumed | None]:
        """Outcomes of records until the file ends (returns None) or a record cannot be parsed (returns an
        iterator resumed at the next record boundary, or None when there is none)."""
        iterator = iter(records)
        while True:
            try:
                record = next(iterator)
            except StopIteration:
                break
            except Exception as error:  # noqa: BLE001 - warcio raises ArchiveLoadFailed, zlib, EOF, even AttributeError
                # Only parsing a record's headers raises here: that record is lost, the rest of the file is not.
                # A piece reports the broken record that follows its last one even when it starts past the piece's
                # end: the next piece cannot tell a broken record from stray gzip magic, it resumes after it.
                failed_at = self.offset = records.offset
                resumed, resumed_at = self._resume_after(failed_at)
                if resumed is None:  # nothing readable follows: the file ends inside this record
                    yield self.reject("truncated_record", f"the file ends inside the record at byte {failed_at} "
                                      f"({type(error).__name__}: {error})", self.where())
                else:
                    yield self.reject("bad_warc", f"record at byte {failed_at} cannot be parsed ({type(error).__name__}: "
                                      f"{error}); resumed at byte {resumed_at}", self.where())
                return resumed
            self.offset = records.offset
            if self.file.end is not None and self.offset >= self.file.end:
                return None  # this record, and every one after it, belongs to the next piece
            yield from self._outcome(record, self.offset)
        # warcio stops quietly when the last record's headers are cut off: unread bytes mean a truncated record.
        unread = self.file.size_bytes - records.offset
        if unread > 0 and self.file.ends_the_file:
            self.offset = records.offset
            yield self.reject("truncated_record", f"last {unread} bytes of the file are not a complete record",
                              self.where())
        return None

    def _resume_after(self, failed_at: int) -> tuple[ArchiveIterator | None, int]:
        """An iterator positioned at the first parseable record boundary after `failed_at`, or None."""
        marker = _GZIP_MEMBER if self.gzipped else _WARC_LINE
        position = failed_at + 1
        while True:
            candidate = self._find(marker, position)
            if candidate is None:
                return None, -1
            start = candidate if self.gzipped else candidate + 1  # after the newline
            self.stream.seek(start)
            probe = ArchiveIterator(self.stream)
            try:
                first = next(iter(probe))
            except Exception:  # noqa: BLE001 - not a record boundary after all: try the next candidate
                position = candidate + 1
                continue
            return _Resumed(probe, first), start

    def _find(self, marker: bytes, position: int) -> int | None:
        self.stream.seek(position)
        carry = b""
        while chunk := self.stream.read(_SCAN_BYTES):
            data = carry + chunk
            found = data.find(marker)
            if found >= 0:
                return position - len(carry) + found
            position += len(chunk)
            carry = data[-len(marker) + 1 :]
        return None

    # ---- one record ---------------------------------------------------------------------------
    def _outcome(self, record: ArcWarcRecord, offset: int) -> Iterator[RawArticle | Rejected | SkippedRecord]:
        kind = record.rec_type
        if kind in _NOT_ARTICLES:
            yield SkippedRecord(kind)
        elif kind == "response":
            yield self._response(record, offset)
        elif kind == "revisit":
            yield self._revisit(record)
        elif kind == "resource" and "html" in (record.rec_headers.get_header("Content-Type") or "").lower():
            yield self._article(record, record.rec_headers.get_header("Content-Type") or "", self._payload(record))
        else:
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            yield self.reject("non_html_record", f"{uri}: a {kind} record, not an HTML response", self.where())

    def _payload(self, record: ArcWarcRecord) -> bytes | Rejected:
        uri = record.rec_headers.get_header("WARC-Target-URI") or ""
        try:
            payload = record.content_stream().read(MAX_WARC_RECORD_BYTES + 1)
        except (EOFError, zlib.error) as error:  # the compressed member ends before the record does
            return self.reject("truncated_record", f"{uri}: record truncated ({error})", self.where())
        if len(payload) > MAX_WARC_RECORD_BYTES:
            return self.reject("oversized_record", f"{uri}: payload larger than {MAX_WARC_RECORD_BYTES} bytes", self.where())
        # raw_stream.limit counts the bytes the record promised but the file no longer has.
        missing = getattr(record.raw_stream, "limit", 0) or 0
        truncated = record.rec_headers.get_header("WARC-Truncated")
        if missing > 0 or truncated:
            reason = truncated or f"{missing} bytes missing at end of file"
            return self.reject("truncated_record", f"{uri}: record truncated ({reason})", self.where())
        return payload

    def _response(self, record: ArcWarcRecord, offset: int) -> RawArticle | Rejected:
        uri = record.rec_headers.get_header("WARC-Target-URI") or ""
        http = record.http_headers
        content_type = (http.get_header("Content-Type") or "") if http else ""
        status = http.get_statuscode() if http else ""
        self._remember(record, _Capture(offset, content_type, status))
        payload = self._payload(record)
        if isinstance(payload, Rejected):
            return payload
        if http is None or not status.startswith("2"):
            line = http.statusline if http else "no HTTP headers"
            return self.reject("http_error", f"{uri}: HTTP {line}", self.where())
        return self._article(record, content_type, payload)

    def _article(self, record: ArcWarcRecord, content_type: str, payload: bytes | Rejected) -> RawArticle | Rejected:
        if isinstance(payload, Rejected):
            return payload
        uri = record.rec_headers.get_header("WARC-Target-URI") or ""
        if not is_html_payload(content_type, payload[:512]):
            return self.reject("non_html_record", f"{uri}: payload is {content_type or 'not HTML'}", self.where())
        return RawArticle(
            self.where(), "warc", self.file.content_sha256, url=uri or None,
            fetched_at=_timestamp(record.rec_headers.get_header("WARC-Date")), html=payload,
            charset=_charset_of(content_type),
        )

    # ---- revisits -----------------------------------------------------------------------------
    def _remember(self, record: ArcWarcRecord, capture: _Capture) -> None:
        headers = record.rec_headers
        for key in (headers.get_header("WARC-Record-ID"), headers.get_header("WARC-Payload-Digest"),
                    f"{headers.get_header('WARC-Target-URI')} {headers.get_header('WARC-Date')}"):
            if key:
                self.captures.setdefault(key, capture)

    def _revisit(self, record: ArcWarcRecord) -> RawArticle | Rejected:
        """A revisit says "same payload as an earlier capture": the article is that payload, at this URI and time."""
        headers = record.rec_headers
        keys = (headers.get_header("WARC-Refers-To"), headers.get_header("WARC-Payload-Digest"),
                f"{headers.get_header('WARC-Refers-To-Target-URI')} {headers.get_header('WARC-Refers-To-Date')}")
        capture = next((self.captures[k] for k in keys if k and k in self.captures), None)
        if capture is None and not self.captures_before_start:
            self._learn_captures_before_start()
            capture = next((self.captures[k] for k in keys if k and k in self.captures), None)
        uri = headers.get_header("WARC-Target-URI") or ""
        if capture is None:
            digest = headers.get_header("WARC-Payload-Digest") or "none"
            return self.reject("revisit_unresolved", f"{uri}: revisit of a capture this file does not hold "
                               f"(payload digest {digest})", self.where())
        if not capture.status.startswith("2"):
            return self.reject("http_error", f"{uri}: revisit of an HTTP {capture.status} response", self.where())
        self.lookup.seek(capture.offset)
        original = next(iter(ArchiveIterator(self.lookup)))
        return self._article(record, capture.content_type, self._payload(original))

    def _learn_captures_before_start(self) -> None:
        """Remember the responses of the file before this piece (headers only), as a whole read would have: they
        come first, so they win over a later capture of the same payload. A record before the piece that cannot
        be parsed ends the lookup (the piece that holds it reports it)."""
        self.captures_before_start = True
        own, self.captures = self.captures, {}
        self.lookup.seek(0)
        records = ArchiveIterator(self.lookup)
        try:
            for record in records:
                if records.offset >= self.file.start:
                    break
                if record.rec_type == "response":
                    http = record.http_headers
                    content_type = (http.get_header("Content-Type") or "") if http else ""
                    self._remember(record, _Capture(records.offset, content_type, http.get_statuscode() if http else ""))
        except Exception:  # noqa: BLE001 - warcio raises many kinds for a broken record
            pass
        for key, capture in own.items():
            self.captures.setdefault(key, capture)


class _Resumed:
    """An ArchiveIterator whose first record was already read while probing: yields it, then the rest."""

    def __init__(self, records: ArchiveIterator, first: ArcWarcRecord) -> None:
        self.records, self.first = records, first

    @property
    def offset(self) -> int:
        return self.records.offset

    def __iter__(self) -> Iterator[ArcWarcRecord]:
        yield self.first
        yield from self.records


def read_warc(file: InputFile, reject: Reject) -> Iterator[RawArticle | Rejected | SkippedRecord]:
    """Stream the outcome of every record of a WARC file (see the module docstring)."""
    try:
        with open(file.path, "rb") as stream, open(file.path, "rb") as lookup:
            yield from _WarcReader(file, reject, stream, lookup).outcomes()
    except OSError as error:
        yield reject("bad_warc", f"cannot read the file: {error}")
