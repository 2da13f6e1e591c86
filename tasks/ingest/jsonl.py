"""JSONL feeds: one article object per line; a bad line is quarantined and the rest of the file is read."""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from typing import IO

from tasks.ingest.compressed import open_decompressed
from tasks.ingest.rejects import Reject
from tasks.ingest.timestamps import parse_published
from tasks.records import InputFile, RawArticle, Rejected

# A feed line is one article; a line this long is a page dump or a broken export, not an article.
MAX_LINE_BYTES = 10 * 1024 * 1024

_JSONL_STRING_FIELDS = ("url", "source", "title", "text", "html")


def parse_jsonl_record(line: str) -> dict[str, object]:
    """Validate one JSONL line into RawArticle keyword arguments. Raises ValueError with a clear reason."""
    record = json.loads(line)
    if not isinstance(record, dict):
        raise ValueError(f"line is JSON {type(record).__name__}, expected an object")
    for name in _JSONL_STRING_FIELDS:
        if record.get(name) is not None and not isinstance(record[name], str):
            raise ValueError(f"field {name!r} must be a string, got {type(record[name]).__name__}")
    identifier = record.get("id")
    if identifier is not None and (isinstance(identifier, bool) or not isinstance(identifier, (str, int))):
        raise ValueError(f"field 'id' must be a string or an integer, got {type(identifier).__name__}")
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


def _lines(stream: IO[bytes], end: int | None = None) -> Iterator[bytes | None]:
    """The stream's lines (those that start before `end`, for a piece); None for a line longer than
    MAX_LINE_BYTES, which is skipped without being held in memory (a feed with one runaway line keeps the
    lines after it)."""
    while (end is None or stream.tell() < end) and (line := stream.readline(MAX_LINE_BYTES + 1)):
        if len(line) <= MAX_LINE_BYTES or line.endswith(b"\n"):
            yield line
            continue
        while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
            pass
        yield None


def _open_piece(file: InputFile) -> IO[bytes]:
    """The file's bytes from its piece's start (a piece is never cut from a gzip file)."""
    if file.is_whole:
        return open_decompressed(file.path)
    stream = open(file.path, "rb")
    stream.seek(file.start)
    return stream


def read_jsonl(file: InputFile, reject: Reject) -> Iterator[RawArticle | Rejected]:
    """Stream the articles of a JSONL file, one Rejected per unreadable line."""
    try:
        with _open_piece(file) as stream:
            for lineno, raw_line in enumerate(_lines(stream, file.end), start=file.first_line):
                uri = f"{file.uri}#line-{lineno}"
                if raw_line is None:
                    yield reject("oversized_record", f"line longer than {MAX_LINE_BYTES} bytes", uri)
                    continue
                if not raw_line.strip():
                    continue
                try:
                    fields = parse_jsonl_record(raw_line.decode("utf-8-sig"))
                except UnicodeDecodeError as error:
                    yield reject("bad_encoding", f"line is not UTF-8: {error}", uri)
                except json.JSONDecodeError as error:
                    yield reject("bad_json", f"invalid JSON: {error.msg} at column {error.colno}", uri)
                except RecursionError:
                    yield reject("bad_json", "JSON nested too deeply to parse", uri)
                except ValueError as error:
                    yield reject("bad_record", str(error), uri)
                else:
                    yield RawArticle(uri, "jsonl", file.content_sha256, **fields)
    except (OSError, EOFError, zlib.error) as error:
        yield reject("bad_gzip", f"stream broke while reading: {error}")
