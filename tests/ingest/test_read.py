"""Reading one input file: text, HTML and gzip, and one quarantine reason per kind of bad file."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from tasks.records import RawArticle, Rejected
from tests.ingest.inputs import PAGE, read_all


@pytest.mark.parametrize(
    ("name", "content", "error_kind"),
    [
        ("blank.txt", b"  \n\n ", "empty_file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary_file"),
        ("broken.txt.gz", b"\x1f\x8b\x08\x00garbage", "bad_gzip"),
        ("notes.md", b"# just notes", "unknown_format"),
        ("big.json", b'{\n "a": 1\n}\n', "unknown_format"),
    ],
)
def test_bad_files_are_rejected_with_a_reason(tmp_path: Path, name: str, content: bytes, error_kind: str) -> None:
    (tmp_path / name).write_bytes(content)
    [item] = read_all(tmp_path / name)
    assert isinstance(item, Rejected) and item.error_kind == error_kind and item.error


def test_text_file_reads_utf8_and_gzip(tmp_path: Path) -> None:
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress("Straße gesperrt\n\nDie Brücke ist zu.".encode()))
    [item] = read_all(tmp_path / "a.txt.gz")
    assert isinstance(item, RawArticle) and item.text.startswith("Straße")


def test_text_file_in_legacy_encoding_is_decoded(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("Le café de la gare a fermé ses portes après quarante ans.".encode("cp1252"))
    [item] = read_all(tmp_path / "a.txt")
    assert isinstance(item, RawArticle) and "café" in item.text


def test_html_file_is_passed_on_as_bytes(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_bytes(PAGE)
    [item] = read_all(tmp_path / "page.html")
    assert isinstance(item, RawArticle) and item.html == PAGE and item.source_format == "html"


# A cut inside the last record's payload and a cut inside its headers are detected differently (see _read_warc).


