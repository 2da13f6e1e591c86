"""Text normalization: Unicode, invisible characters, whitespace, paragraphs."""

from __future__ import annotations

import pytest

from tasks.clean.text import normalize_headline, normalize_text, split_paragraphs


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\u00a0b", "a b"),  # no-break space
        ("a\u200bb\u00ad", "ab"),  # zero-width space, soft hyphen
        ("a  \t b", "a b"),
        ("line one\r\nline two\rthree", "line one\nline two\nthree"),
        ("  padded  \n", "padded"),
        ("Cafe\u0301", "Café"),  # NFC composes accents
    ],
)
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


def test_normalize_headline_is_one_line() -> None:
    assert normalize_headline("  Two\nlines ") == "Two lines"


def test_split_paragraphs_keeps_single_newlines_inside_a_block() -> None:
    assert split_paragraphs("a\nb\n\n \n\nc") == ["a\nb", "c"]
