"""Flattening markup nested deeper than the parser builds: one row per rule of tasks/html/nesting.py."""

from __future__ import annotations

import pytest

from tasks.html.nesting import flatten_nesting


@pytest.mark.parametrize(
    ("rule", "markup", "flat"),
    [
        ("tags below the limit are unwrapped, their text kept",
         "<div><div><div><p>Text</p></div></div></div>", "<div><div>Text</div></div>"),
        ("nothing deeper than the limit: the same string back", "<div><p>Text</p></div>", "<div><p>Text</p></div>"),
        ("void elements and self-closed tags open no level", "<div><br><img src='a'/><p>Text</p></div>",
         "<div><br><img src='a'/><p>Text</p></div>"),
        ("markup inside a script is not counted", "<div><script>x = '<p><b><i>';</script><p>Text</p></div>",
         "<div><script>x = '<p><b><i>';</script><p>Text</p></div>"),
        ("a stray end tag does not open a level", "</span><div><p>Text</p></div>", "</span><div><p>Text</p></div>"),
    ],
)
def test_flatten_nesting(rule: str, markup: str, flat: str) -> None:
    assert flatten_nesting(markup, max_depth=2) == flat


def test_unchanged_markup_is_the_same_object() -> None:
    # parse_html parses again only when flattening changed something.
    markup = "<div><p>Text</p></div>"
    assert flatten_nesting(markup, max_depth=2) is markup
