"""Text normalization: Unicode, invisible characters, whitespace, paragraphs."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


# The definition normalize_text keeps, written as the regexes it was first built from.
_SPACE_RUN = re.compile(r"[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH_RUN = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]+")
_EVERY_SPACE = [c for c in map(chr, range(0x3001)) if c.isspace()] + list("\u200b\u200c\u200d\u2060\ufeff\u00ad")


def _by_regex(text: str) -> str:
    text = _ZERO_WIDTH_RUN.sub("", unicodedata.normalize("NFC", text)).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.strip() for line in _SPACE_RUN.sub(" ", text).split("\n")).strip()


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=st.sampled_from(_EVERY_SPACE + list("ab’e\u0301")), max_size=14))
def test_normalize_text_collapses_exactly_the_space_runs(text: str) -> None:
    # Every whitespace character, including the separators (\x1c-\x1f, \x85, \u2028) that stay inside a line.
    assert normalize_text(text) == _by_regex(text)
