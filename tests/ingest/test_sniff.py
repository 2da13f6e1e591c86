"""Format sniffing: file formats by name and content, binary data, and HTML by tag."""

from __future__ import annotations

import pytest

from tasks.ingest.sniff import binary_bytes, detect_format, is_html_payload, looks_binary, looks_like_html


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("a.txt", b"Headline", "txt"),
        ("a.TXT.gz", b"Headline", "txt"),  # extension checked after .gz, case-insensitive
        ("a.htm", b"", "html"),
        ("feed.ndjson", b"", "jsonl"),
        ("crawl.warc.gz", b"", "warc"),
        ("noext", b"WARC/1.0\r\n", "warc"),  # sniffed from content
        ("noext", b'{"title": "x"}\n{"title": "y"}', "jsonl"),
        ("noext", b"<!DOCTYPE html><html>", "html"),
        ("doc.json", b'{\n  "title": "x"\n}', None),  # a JSON document is not a JSONL feed
        ("noext", b"{\n  not one object per line", None),
        ("notes.md", b"# notes", None),
    ],
)
def test_detect_format(name: str, head: bytes, expected: str | None) -> None:
    assert detect_format(name, head) == expected


@pytest.mark.parametrize(
    ("rule", "head", "binary"),
    [
        ("plain text", b"Harbor bridge reopens\n\nThe bridge ...", False),
        ("a NUL byte anywhere", b"text\x00more", True),
        ("control bytes above 5%", b"\x01\x02\x03" + b"a" * 20, True),
        ("a few control bytes in long text", b"\x01" + b"a" * 100, False),
        ("ESC sequences of ISO-2022 text are not binary", b"\x1b$B" + b"a" * 10, False),
    ],
)
def test_looks_binary(rule: str, head: bytes, binary: bool) -> None:
    assert looks_binary(head) is binary


@pytest.mark.parametrize(
    ("rule", "text", "html"),
    [
        ("a document", "<!doctype html><html><body><p>x</p></body></html>", True),
        ("a fragment with a paragraph tag", "Teaser text <p>and a paragraph</p>", True),
        ("plain text", "Nothing but words here.", False),
        ("binary read as text", "<p>" + "\x00\x01" * 100 + "</p>", False),
    ],
)
def test_looks_like_html(rule: str, text: str, html: bool) -> None:
    assert looks_like_html(text) is html


@pytest.mark.parametrize(
    ("content_type", "head", "html"),
    [
        ("text/html; charset=utf-8", b"", True),
        ("application/pdf", b"<html>", False),  # the declared type wins
        ("", b"  <!DOCTYPE html><html>", True),  # no type: the bytes decide
        ("", b"%PDF-1.7", False),
    ],
)
def test_is_html_payload(content_type: str, head: bytes, html: bool) -> None:
    assert is_html_payload(content_type, head) is html


@pytest.mark.parametrize(
    ("rule", "text", "count"),
    [
        ("plain text and whitespace controls", "<p>a\tb\r\nc\x0b\x0c\x1b</p>", 0),
        ("C0 controls", "\x00\x01\x08\x0e\x1a\x1c\x1f", 7),
        ("replacement characters beside other multi-byte ones", "é\ufffd€\ufffd𝄞\ufffe", 2),
        ("a lone surrogate is not binary", "a\ud800b", 0),
    ],
)
def test_binary_characters_are_counted(rule: str, text: str, count: int) -> None:
    assert binary_bytes(text.encode("utf-8", "surrogatepass")) == count
