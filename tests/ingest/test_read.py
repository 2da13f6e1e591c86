"""Reading one input file: text, HTML and gzip, and one quarantine reason per kind of bad file."""

from __future__ import annotations

import dataclasses
import gzip
import json
from pathlib import Path

import pytest

from tasks.ingest import discover, read_input
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




def test_a_feed_whose_first_item_outgrows_the_sniffed_head_is_read_as_jsonl(tmp_path: Path) -> None:
    first = json.dumps({"id": "long", "title": "Budget vote", "text": "The council met. " * 1000})  # ~17 KB
    (tmp_path / "export").write_text(first + "\n" + json.dumps({"id": "short", "title": "Ferry"}) + "\n")
    assert [i.external_id for i in read_all(tmp_path / "export")] == ["long", "short"]


def test_a_feed_that_opens_with_blank_lines_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "feed.jsonl").write_text("\n" * 10_000 + json.dumps({"id": "1", "title": "Late item"}) + "\n")
    [item] = read_all(tmp_path / "feed.jsonl")
    assert isinstance(item, RawArticle) and item.external_id == "1"


def test_an_unreadable_file_cut_into_pieces_is_one_rejection(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_bytes(bytes(range(32)) * 1200)
    [file] = discover([path]).files
    cuts = [0, 12_000, 24_000, file.size_bytes]
    pieces = [dataclasses.replace(file, start=a, end=b) for a, b in zip(cuts, cuts[1:])]
    items = [item for piece in pieces for item in read_input(piece)]
    assert [(i.error_kind, i.source_uri) for i in items] == [("binary_file", file.uri)]
