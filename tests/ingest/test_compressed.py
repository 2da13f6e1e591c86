"""Possibly compressed inputs (tasks/ingest/compressed.py): gzip is told by its bytes, never its name, read
transparently, and a stream that breaks after its start still gives the head the sniffers need."""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path

import pytest

from tasks.ingest.compressed import SNIFF_BYTES, is_gzip, open_decompressed, read_head

TEXT = "".join(f"Line {n}: the harbor bridge in Port Alder stays shut for repairs.\n" for n in range(2000)).encode()


@pytest.mark.parametrize(("name", "compressed"), [("feed.jsonl", True), ("story.txt.gz", False), ("story.gz", True)])
def test_gzip_is_told_by_its_magic_bytes_and_read_either_way(tmp_path: Path, name: str, compressed: bool) -> None:
    path = tmp_path / name
    path.write_bytes(gzip.compress(TEXT) if compressed else TEXT)
    assert is_gzip(str(path)) is compressed
    with open_decompressed(str(path)) as stream:
        assert stream.read() == TEXT


def test_the_head_is_the_first_sniff_bytes_of_the_content(tmp_path: Path) -> None:
    (tmp_path / "plain").write_bytes(TEXT)
    (tmp_path / "packed").write_bytes(gzip.compress(TEXT))
    for name in ("plain", "packed"):
        assert read_head(str(tmp_path / name)) == TEXT[:SNIFF_BYTES]
    (tmp_path / "short").write_bytes(b"one line\n")
    assert read_head(str(tmp_path / "short")) == b"one line\n"


@pytest.mark.parametrize("size", [1, 100, 1023, 1025, 5000])
def test_the_head_is_never_longer_than_asked(tmp_path: Path, size: int) -> None:
    for name, data in (("plain.txt", TEXT), ("packed.txt.gz", gzip.compress(TEXT))):
        (tmp_path / name).write_bytes(data)
        assert read_head(str(tmp_path / name), size=size) == TEXT[:size]


def test_a_stream_cut_short_still_gives_its_head(tmp_path: Path) -> None:
    packed = gzip.compress(TEXT)
    path = tmp_path / "cut.txt.gz"
    path.write_bytes(packed[: len(packed) // 2])  # a download that stopped half way
    head = read_head(str(path), size=len(TEXT))
    assert 0 < len(head) < len(TEXT) and head == TEXT[: len(head)]
    with pytest.raises((EOFError, OSError)):  # the reader of the format sees the break and reports it
        with open_decompressed(str(path)) as stream:
            stream.read()


def test_a_stream_broken_from_its_first_bytes_raises(tmp_path: Path) -> None:
    path = tmp_path / "broken.gz"
    path.write_bytes(b"\x1f\x8b" + b"\x00" * 40)  # the magic, then no valid header
    with pytest.raises((EOFError, OSError, zlib.error)):
        read_head(str(path))
