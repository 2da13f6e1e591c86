"""Ingest stage: find input files, detect their format and stream raw articles (or rejections) out of them."""

from __future__ import annotations

import gzip
import io
import json
import os
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from tasks.ids import file_sha256

_EXTENSIONS = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
}
# Whole-file formats are read into memory; anything bigger is not an article but a mistake.
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
# CC-NEWS records are rarely above 2 MB; a 10 MB "page" is a video, a PDF or a crawler trap.
MAX_WARC_RECORD_BYTES = 10 * 1024 * 1024
_SNIFF_BYTES = 8192


@dataclass(frozen=True)
class InputFile:
    """One input file found by discovery, identified by the hash of its bytes."""

    path: str
    content_sha256: str
    size_bytes: int


@dataclass(frozen=True)
class RawArticle:
    """One article as read from its input, before cleaning. Exactly one of text / html / title carries content."""

    source_uri: str
    source_format: str
    content_sha256: str
    external_id: str | None = None
    url: str | None = None
    source: str | None = None
    published_at: datetime | None = None
    fetched_at: datetime | None = None
    title: str | None = None
    headlines: tuple[str, ...] = ()
    text: str | None = None
    html: bytes | None = None
    charset: str | None = None


@dataclass(frozen=True)
class Rejected:
    """An input (file, line or record) that could not be read, with the reason: becomes a quarantine row."""

    source_uri: str
    content_sha256: str | None
    stage: str
    error_kind: str
    error: str


@dataclass
class Discovery:
    """Result of walking the input paths: readable files, plus paths that could not even be hashed."""

    files: list[InputFile] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


def discover(inputs: Iterable[str | os.PathLike[str]]) -> Discovery:
    """Walk input files and directories (recursively, hidden entries skipped) and hash every file.

    Args:
        inputs: files or directories.

    Returns:
        Files in a stable (sorted, de-duplicated) order, and a rejection for each path that does
        not exist or cannot be read.
    """
    found = Discovery()
    paths: set[Path] = set()
    for entry in map(Path, inputs):
        if entry.is_dir():
            paths.update(
                p for p in entry.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.relative_to(entry).parts)
            )
        elif entry.is_file():
            paths.add(entry)
        else:
            found.rejected.append(Rejected(str(entry), None, "discover", "missing_path", f"{entry} does not exist"))
    for path in sorted(paths):
        try:
            found.files.append(InputFile(str(path), file_sha256(str(path)), path.stat().st_size))
        except OSError as error:
            found.rejected.append(Rejected(str(path), None, "discover", "unreadable_file", f"cannot read file: {error}"))
    return found


def detect_format(path: str, head: bytes) -> str | None:
    """Format of a file from its extension (after any .gz), else from its first bytes; None if unknown."""
    name = path.lower().removesuffix(".gz")
    by_extension = _EXTENSIONS.get(os.path.splitext(name)[1])
    if by_extension:
        return by_extension
    if name.endswith(".json"):
        return None  # a JSON document is not a feed: JSONL has one object per line
    start = head.lstrip()[:512].lower()
    if start.startswith(b"warc/"):
        return "warc"
    if start.startswith(b"{") and _first_line_is_json_object(head):
        return "jsonl"
    if start.startswith((b"<!doctype html", b"<html")) or b"<body" in start:
        return "html"
    return None


def _first_line_is_json_object(head: bytes) -> bool:
    first = head.lstrip().split(b"\n", 1)[0]
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False


def _open_decompressed(path: str) -> io.BufferedIOBase:
    with open(path, "rb") as probe:
        magic = probe.read(2)
    # Trust the magic bytes, not the name: mirrors rename .gz files and serve gzip under plain names.
    return gzip.open(path, "rb") if magic == b"\x1f\x8b" else open(path, "rb")


def _read_head(path: str) -> bytes:
    """The first bytes of a (possibly gzipped) file; a stream that breaks later still yields its head."""
    head = b""
    with _open_decompressed(path) as stream:
        while len(head) < _SNIFF_BYTES:
            try:
                chunk = stream.read(1024)
            except (EOFError, zlib.error):
                if head:
                    break  # the reader for the format reports the broken tail, with what came before it
                raise
            if not chunk:
                break
            head += chunk
    return head


def _looks_binary(head: bytes) -> bool:
    if b"\x00" in head:
        return True
    control = sum(1 for byte in head if byte < 9 or 13 < byte < 32)
    return bool(head) and control / len(head) > 0.05


def decode_text(data: bytes) -> str | None:
    """Decode a plain-text document: UTF-8 (with or without BOM), else the detector's best guess, else None."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return None if best is None else str(best)


def read_input(file: InputFile) -> Iterator[RawArticle | Rejected]:
    """Stream the articles of one input file, and a Rejected for every part that cannot be read.

    Never raises for bad content: an empty, binary, corrupt or unknown file yields one Rejected,
    a bad JSONL line or WARC record yields one Rejected and reading goes on.

    Args:
        file: a discovered input file.

    Yields:
        RawArticle for each article, Rejected for each unreadable file, line or record.
    """

    def reject(kind: str, message: str, uri: str = file.path) -> Rejected:
        return Rejected(uri, file.content_sha256, "ingest", kind, message)

    if file.size_bytes == 0:
        yield reject("empty_file", "file is empty (0 bytes)")
        return
    try:
        head = _read_head(file.path)
    except (OSError, EOFError, zlib.error) as error:
        yield reject("bad_gzip", f"cannot decompress: {error}")
        return
    if not head.strip():
        yield reject("empty_file", "file holds only whitespace")
        return
    fmt = detect_format(file.path, head)
    if fmt == "warc":
        yield from _read_warc(file, reject)
        return
    if _looks_binary(head):
        yield reject("binary_file", "file holds binary data (NUL or control bytes), not text")
        return
    if fmt is None:
        yield reject("unknown_format", "not .txt, .html, .jsonl or .warc (optionally .gz), and content not recognised "
                     "(a .json document must be converted to JSONL: one article object per line)")
        return
    if fmt == "jsonl":
        yield from _read_jsonl(file, reject)
        return
    try:
        with _open_decompressed(file.path) as stream:
            data = stream.read(MAX_DOCUMENT_BYTES + 1)
    except (OSError, EOFError, zlib.error) as error:
        yield reject("bad_gzip", f"cannot decompress: {error}")
        return
    if len(data) > MAX_DOCUMENT_BYTES:
        yield reject("oversized_file", f"{fmt} document larger than {MAX_DOCUMENT_BYTES} bytes")
        return
    if fmt == "html":
        yield RawArticle(file.path, "html", file.content_sha256, html=data)
        return
    text = decode_text(data)
    if text is None:
        yield reject("undecodable_text", "not UTF-8 and no encoding could be detected")
        return
    yield RawArticle(file.path, "txt", file.content_sha256, text=text)


def parse_published(value: object) -> datetime:
    """Parse an ISO 8601 time (a trailing Z allowed), keeping its UTC offset; naive times are taken as UTC.

    Raises:
        ValueError: not a string in ISO 8601 form.
    """
    if not isinstance(value, str):
        raise ValueError(f"expected an ISO 8601 string, got {type(value).__name__}")
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"'published' is not ISO 8601: {value!r}") from None
    return parsed.replace(tzinfo=timezone.utc) if parsed.tzinfo is None else parsed


_JSONL_STRING_FIELDS = ("id", "url", "source", "title", "text", "html")


def parse_jsonl_record(line: str) -> dict[str, object]:
    """Validate one JSONL line into RawArticle keyword arguments. Raises ValueError with a clear reason."""
    record = json.loads(line)
    if not isinstance(record, dict):
        raise ValueError(f"line is JSON {type(record).__name__}, expected an object")
    for name in _JSONL_STRING_FIELDS:
        if record.get(name) is not None and not isinstance(record[name], (str, int)):
            raise ValueError(f"field {name!r} must be a string")
    headlines = record.get("headlines") or []
    if not isinstance(headlines, list) or not all(isinstance(h, str) for h in headlines):
        raise ValueError("field 'headlines' must be a list of strings")
    if not any(record.get(name) for name in ("title", "text", "html")) and not any(h.strip() for h in headlines):
        raise ValueError("record has none of title, headlines, text, html")
    published = record.get("published")
    return {
        "external_id": None if record.get("id") is None else str(record["id"]),
        "url": record.get("url") or None,
        "source": record.get("source") or None,
        "published_at": None if published in (None, "") else parse_published(published),
        "title": record.get("title") or None,
        "headlines": tuple(h for h in headlines if h.strip()),
        "text": record.get("text") or None,
        "html": record["html"].encode("utf-8") if record.get("html") else None,
        "charset": "utf-8" if record.get("html") else None,
    }


def _read_jsonl(file: InputFile, reject) -> Iterator[RawArticle | Rejected]:
    try:
        with _open_decompressed(file.path) as stream:
            for lineno, raw_line in enumerate(stream, start=1):
                uri = f"{file.path}#line-{lineno}"
                if not raw_line.strip():
                    continue
                try:
                    fields = parse_jsonl_record(raw_line.decode("utf-8-sig"))
                except UnicodeDecodeError as error:
                    yield reject("bad_encoding", f"line is not UTF-8: {error}", uri)
                except json.JSONDecodeError as error:
                    yield reject("bad_json", f"invalid JSON: {error.msg} at column {error.colno}", uri)
                except ValueError as error:
                    yield reject("bad_record", str(error), uri)
                else:
                    yield RawArticle(uri, "jsonl", file.content_sha256, **fields)
    except (OSError, EOFError, zlib.error) as error:
        yield reject("bad_gzip", f"stream broke while reading: {error}")


def _is_html(content_type: str, payload_head: bytes) -> bool:
    if content_type:
        return "html" in content_type.lower()
    start = payload_head.lstrip()[:256].lower()
    return start.startswith((b"<!doctype html", b"<html"))


def _charset_of(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _read_warc(file: InputFile, reject) -> Iterator[RawArticle | Rejected]:
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
                if not _is_html(content_type, payload[:512]):
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


def plan_shards(files: list[InputFile], known_hashes: set[str], batch_files: int) -> list[list[InputFile]]:
    """Split the files the lake has not ingested yet into shards of at most batch_files files.

    A content already in the lake, or seen earlier in this list under another path, is skipped:
    incremental runs key on content, not on names.

    Args:
        files: discovered files, in a stable order.
        known_hashes: content hashes already in the lake's `files` manifest.
        batch_files: maximum files per shard (a WARC file counts as one).

    Returns:
        Shards in input order; empty when nothing is new.
    """
    if batch_files < 1:
        raise ValueError("batch_files must be at least 1")
    seen = set(known_hashes)
    new: list[InputFile] = []
    for file in files:
        if file.content_sha256 not in seen:
            seen.add(file.content_sha256)
            new.append(file)
    return [new[i : i + batch_files] for i in range(0, len(new), batch_files)]


def save_plan(shards: list[list[InputFile]], path: Path) -> Path:
    """Write a shard plan as JSON (one list of files per shard); returns the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps([[asdict(f) for f in shard] for shard in shards]), encoding="utf-8")
    return path


def load_plan(path: str | os.PathLike[str]) -> list[list[InputFile]]:
    """Read a shard plan written by save_plan."""
    return [[InputFile(**f) for f in shard] for shard in json.loads(Path(path).read_text(encoding="utf-8"))]
