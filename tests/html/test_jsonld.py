"""tasks/html/jsonld.py: JSON-LD blocks parsed leniently and flattened."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from tasks.html.jsonld import jsonld_objects, types_of


def _doc(*scripts: str, kind: str = "application/ld+json") -> lxml_html.HtmlElement:
    blocks = "".join(f'<script type="{kind}">{s}</script>' for s in scripts)
    return lxml_html.document_fromstring(f"<html><head>{blocks}</head><body><p>x</p></body></html>")


JSONLD_ROWS = [
    # (rule, script texts, expected objects)
    ("one object", ['{"@type": "NewsArticle"}'], [{"@type": "NewsArticle"}]),
    ("a top-level list flattened", ['[{"a": 1}, {"b": 2}]'], [{"a": 1}, {"b": 2}]),
    ("@graph members follow their container", ['{"@graph": [{"a": 1}]}'], [{"@graph": [{"a": 1}]}, {"a": 1}]),
    ("trailing commas tolerated", ['{"a": [1, 2,],}'], [{"a": [1, 2]}]),
    ("raw control characters tolerated", ['{"a": "line\nbreak\x01"}'], [{"a": "line\nbreak\x01"}]),
    ("an HTML comment around the JSON", ['<!-- {"a": 1} -->'], [{"a": 1}]),
    ("invalid JSON skipped, the next block kept", ['{"a": ', '{"b": 2}'], [{"b": 2}]),
    ("non-objects dropped", ['[1, "x", null, {"c": 3}]'], [{"c": 3}]),
]


@pytest.mark.parametrize("rule,scripts,expected", JSONLD_ROWS, ids=[r[0] for r in JSONLD_ROWS])
def test_jsonld_objects(rule: str, scripts: list[str], expected: list[dict]) -> None:
    assert jsonld_objects(_doc(*scripts)) == expected


def test_other_script_types_are_not_read() -> None:
    assert jsonld_objects(_doc('{"a": 1}', kind="text/javascript")) == []


@pytest.mark.parametrize(
    "obj,expected",
    [({"@type": "NewsArticle"}, {"NewsArticle"}), ({"@type": ["A", 3, "B"]}, {"A", "B"}), ({}, set())],
)
def test_types_of(obj: dict, expected: set[str]) -> None:
    assert types_of(obj) == expected
