"""Shared text primitives: invisible characters and control characters."""

from __future__ import annotations

import re
import sys

import pytest

from tasks.text import WHITESPACE, replace_controls, strip_zero_width


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bridge\u00adrepair", "bridgerepair"),  # a soft hyphen splits no word
        ("\ufeffPort\u200bAlder", "PortAlder"),
        ("plain", "plain"),
    ],
)
def test_strip_zero_width(text: str, expected: str) -> None:
    assert strip_zero_width(text) == expected


def test_replace_controls_keeps_tabs_and_newlines() -> None:
    assert replace_controls("a\x00b\x1fc\td\ne\rf") == "a b c\td\ne\rf"


def test_the_whitespace_list_is_every_whitespace_character() -> None:
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert set(WHITESPACE) == set(re.findall(r"\s", every)) == {c for c in every if c.isspace()}
