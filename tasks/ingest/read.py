"""Read one input file of any format into raw articles, and a rejection for every part that cannot be read."""

from __future__ import annotations

import zlib
from collections.abc import Iterator

from tasks.ingest.compressed import open_decompressed, read_head
from tasks.ingest.decode import decode_text, utf16_codec
from tasks.ingest.jsonl import read_jsonl
from tasks.ingest.rejects import Reject, rejector
from tasks.ingest.sniff import detect_format, looks_binary
from tasks.ingest.warc import read_warc
from tasks.records import InputFile, RawArticle, Rejected, SkippedRecord

# Whole-file formats are read into memory; anything bigger is not an article but a mistake.
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024


def read_input(file: InputFile) -> Iterator[RawArticle | Rejected | SkippedRecord]:
    """Stream the articles of one input file, and a Rejected for every part that cannot be read.

    Never raises for bad content: a blank, binary, corrupt or unknown file yields one Rejected,
    a bad JSONL line or WARC record yields one Rejected and reading goes on; a WARC record that is no
    article by design yields a SkippedRecord.

    Args:
        file: a discovered input file.

    Yields:
        RawArticle for each article, Rejected for each unreadable file, line or record, SkippedRecord for each
        record counted but not read.
    """

    reject = rejector(file)
    if detect_format(file.path, b"") == "warc":
        yield from read_warc(file, reject)  # warcio reads its own gzip members; a broken one costs one record
        return
    try:
        head = read_head(file.path)
    except (OSError, EOFError, zlib.error) as error:
        yield reject("bad_gzip", f"cannot decompress: {error}")
        return
    fmt = detect_format(file.path, head)
    unreadable = _whole_file_rejection(head, fmt, file, reject)
    if unreadable is not None:
        if file.start == 0:  # the file's first piece speaks for the whole file; the others read nothing
            yield unreadable
        return
    if fmt == "warc":
        yield from read_warc(file, reject)
    elif fmt == "jsonl":
        yield from read_jsonl(file, reject)
    else:
        yield from _read_document(file, fmt, reject)


def _whole_file_rejection(head: bytes, fmt: str | None, file: InputFile, reject: Reject) -> Rejected | None:
    """Why the whole file cannot be read, judged from its first bytes; None when it can."""
    if not head.strip() and not _has_content_after(file, len(head)):
        return reject("empty_file", "file holds only whitespace")
    if fmt == "warc":
        return None
    if utf16_codec(head) is None and looks_binary(head):
        return reject("binary_file", "file holds binary data (NUL or control bytes), not text")
    if fmt is None:
        return reject("unknown_format", "not .txt, .html, .jsonl or .warc (optionally .gz), and content not "
                      "recognised (a .json document must be converted to JSONL: one article object per line)")
    return None


def _has_content_after(file: InputFile, offset: int) -> bool:
    """Whether anything but whitespace follows the (blank) head: a feed may open with many empty lines."""
    try:
        with open_decompressed(file.path) as stream:
            stream.seek(offset)
            while chunk := stream.read(1 << 20):
                if chunk.strip():
                    return True
    except (OSError, EOFError, zlib.error):
        return False
    return False


def _read_document(file: InputFile, fmt: str, reject: Reject) -> Iterator[RawArticle | Rejected]:
    """A whole-file article: a page (bytes, decoded by the HTML stage) or a text (decoded here)."""
    try:
        with open_decompressed(file.path) as stream:
            data = stream.read(MAX_DOCUMENT_BYTES + 1)
    except (OSError, EOFError, zlib.error) as error:
        yield reject("bad_gzip", f"cannot decompress: {error}")
        return
    if len(data) > MAX_DOCUMENT_BYTES:
        yield reject("oversized_file", f"{fmt} document larger than {MAX_DOCUMENT_BYTES} bytes")
        return
    if fmt == "html":
        yield RawArticle(file.uri, "html", file.content_sha256, html=data)
        return
    yield RawArticle(file.uri, "txt", file.content_sha256, text=decode_text(data))
