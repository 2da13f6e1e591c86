"""tasks/html/meta/segments.py: titles cut at separators."""

from __future__ import annotations

import pytest

from tasks.html.meta.segments import first_segment, segments


@pytest.mark.parametrize(
    "title,parts",
    [
        ("Bridge closes | Ledger", ["Bridge closes", "Ledger"]),
        ("Bridge closes - Sport - Ledger", ["Bridge closes", "Sport", "Ledger"]),
        ("Re-opening of the bridge", ["Re-opening of the bridge"]),  # a hyphen inside a word is no separator
        ("Bridge closes", ["Bridge closes"]),
    ],
)
def test_segments(title: str, parts: list[str]) -> None:
    assert [title[a:b].strip() for a, b in segments(title)] == parts


@pytest.mark.parametrize("text,expected", [("Ledger | Local news", "Ledger"), ("", ""), (None, None)])
def test_first_segment(text: str | None, expected: str | None) -> None:
    assert first_segment(text) == expected
