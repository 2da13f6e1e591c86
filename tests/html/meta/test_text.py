"""tasks/html/meta/text.py: cleaned values and comparison keys."""

from __future__ import annotations

import pytest

from tasks.html.meta.text import clean_text, element_text, text_key
from tests.html.meta.pages import page


@pytest.mark.parametrize(
    "rule,value,expected",
    [
        ("whitespace collapsed", "  Bridge \n closes ", "Bridge closes"),
        ("zero-width characters removed", "Bri\u200bdge", "Bridge"),
        ("an entity escaped twice is undone", "Salt &amp;amp; pepper", "Salt &amp; pepper"),
        ("a JSON-LD list gives its first non-blank string", ["", "  ", "Bridge"], "Bridge"),
        ("a non-string gives nothing", {"name": "x"}, ""),
        ("None gives nothing", None, ""),
    ],
)
def test_clean_text(rule: str, value: object, expected: str) -> None:
    assert clean_text(value) == expected


@pytest.mark.parametrize(
    "text,expected",
    [("Le Monde.fr", "lemondefr"), ("ＡＢＣ News", "abcnews"), ("— | —", ""), ("Straße", "strasse")],
)
def test_text_key(text: str, expected: str) -> None:
    assert text_key(text) == expected


def test_element_text_joins_the_pieces_of_nested_markup() -> None:
    h1 = page(body="<h1>Bridge <em>closes</em>\n again</h1>").find(".//h1")
    assert element_text(h1) == "Bridge closes again"
