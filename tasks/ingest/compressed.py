"""Reading input files that may be gzip-compressed under any name."""

from __future__ import annotations

import gzip
import io
import zlib

SNIFF_BYTES = 8192
GZIP_MAGIC = b"\x1f\x8b"


def is_gzip(path: str) -> bool:
    """Whether the file starts with the gzip magic bytes. The name is not trusted: mirrors rename .gz files and
    serve gzip under plain names."""
    with open(path, "rb") as probe:
        return probe.read(2) == GZIP_MAGIC


def open_decompressed(path: str) -> io.BufferedIOBase:
    """The file's bytes, gunzipped on the fly when it is gzip."""
    return gzip.open(path, "rb") if is_gzip(path) else open(path, "rb")


def read_head(path: str, size: int = SNIFF_BYTES) -> bytes:
    """The first bytes of a (possibly gzipped) file; a stream that breaks later still yields its head."""
    head = b""
    with open_decompressed(path) as stream:
        while len(head) < size:
            try:
                chunk = stream.read(min(1024, size - len(head)))
            except (EOFError, zlib.error):
                if head:
                    break  # the reader for the format reports the broken tail, with what came before it
                raise
            if not chunk:
                break
            head += chunk
    return head
