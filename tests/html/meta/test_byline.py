"""tasks/html/meta/byline.py: one byline string into names."""

from __future__ import annotations

import pytest

from tasks.html.meta.byline import is_author_label, is_person_like, names_from_value, split_byline, uninverted

SPLIT_ROWS = [
    # (rule, byline, names)
    ("prefix removed", "By Ann Lee", ["Ann Lee"]),
    ("two names joined by 'and'", "By Ann Lee and Bo Chen", ["Ann Lee", "Bo Chen"]),
    ("comma-separated list", "Ann Lee, Bo Chen", ["Ann Lee", "Bo Chen"]),
    ("job title after the name dropped", "Ann Lee, Senior Correspondent", ["Ann Lee"]),
    ("agency code in parentheses dropped", "Ann Lee (dpa)", ["Ann Lee"]),
    ("e-mail address and handle dropped", "Ann Lee ann@ledger.example @annlee", ["Ann Lee"]),
    ("digits are no name", "Updated 12:30", []),
    ("a job title alone is no name", "Staff Reporter", []),
    ("a collective signature is no name", "Collectif", []),
    ("page controls beside the byline are no name", "Jane Roe | Text Size Small Medium Large", ["Jane Roe"]),
    ("the name after 'By' ends at the dateline", "By Jane Roe Mar 5, 2024 at 2:19 pm", ["Jane Roe"]),
    ("the name after 'By' ends at a lowercase word", "Written by Jane Roe in Science on 5 March", ["Jane Roe"]),
    ("the name after 'By' ends where capitals start", "By Jane Roe LEDGER STAFF Mar 5", ["Jane Roe"]),
    ("a contributor credited with an agency or a product is no author",
     "Jane Roe, Bo Chen at Harbour Models, Cy Dee using Brand Colours", ["Jane Roe"]),
    ("a name particle is no credit", "Ann van der Lee", ["Ann van der Lee"]),
    ("Spanish particles are no credit", "María de los Ángeles Pérez", ["María de los Ángeles Pérez"]),
    ("a lowercase word at the end is no credit", "Redaktion harbour.example", ["Redaktion harbour.example"]),
]


@pytest.mark.parametrize("rule,byline,names", SPLIT_ROWS, ids=[r[0] for r in SPLIT_ROWS])
def test_split_byline(rule: str, byline: str, names: list[str]) -> None:
    assert split_byline(byline) == names


def test_names_from_value_resolves_references_and_given_family_names() -> None:
    by_id = {"#p1": {"@id": "#p1", "name": "Ann Lee"}}
    value = [{"@id": "#p1"}, {"givenName": "Bo", "familyName": "Chen"}, "https://ledger.example/staff", "Cy Dee"]
    assert names_from_value(value, by_id) == ["Ann Lee", "Bo Chen", "Cy Dee"]


@pytest.mark.parametrize(
    "name,expected",
    [("Ann van Lee", True), ("松岡大地", True), ("red", False), ("ann lee", False), ("A B C D E F", False)],
)
def test_is_person_like(name: str, expected: bool) -> None:
    assert is_person_like(name) is expected


@pytest.mark.parametrize(
    "text,expected",
    [("Roe, Jane", "Jane Roe"), ("Jane Roe", "Jane Roe"), ("Roe, Jane, Bo Chen", "Roe, Jane, Bo Chen")],
)
def test_uninverted(text: str, expected: str) -> None:
    assert uninverted(text) == expected


@pytest.mark.parametrize("text,expected", [("Written by", True), ("Autor:", True), ("Reading time", False)])
def test_is_author_label(text: str, expected: bool) -> None:
    assert is_author_label(text) is expected
