"""Tests for tasks/statements/name_runs.py: what a name run says before its context is read."""

from __future__ import annotations

import pytest

from tasks.statements.name_runs import read_run, strip_titles
from tasks.statements.speaker_words import speaker_words


@pytest.mark.parametrize(
    ("run", "keys"),
    [
        ("Jane Doe", [("Jane", "Doe")]),
        ("Vermont Sen. Bernie Sanders", [("Bernie", "Sanders")]),  # descriptors end at the last title
        ("Mrs. Lena Sol. She", [("Lena", "Sol")]),  # a run that crosses a sentence end is two parts ("She" names nothing)
        ("But Mr. Trump", [("Trump",)]),  # a capitalized opener starts no name
        ("The", []),
        ("Florida Friday", [("Florida",)]),  # a time word after a name is an adverbial
        ("Clinton's", [("Clinton",)]),
    ],
)
def test_the_name_of_each_part(run: str, keys: list[tuple[str, ...]]) -> None:
    assert [part.key for part in read_run(run)] == keys


@pytest.mark.parametrize(
    ("run", "field", "value"),
    [
        ("Mr. Ivan Petrov", "gender", "m"),
        ("Mrs. Nora Falk", "gender", "f"),
        ("Ivan Petrov", "gender", None),
        ("Mr. Ivan Petrov", "titled", True),
        ("Mayor Jane Doe", "title_roles", (("mayor", frozenset()),)),
        ("Former Mayor Jane Doe", "title_roles", (("mayor", frozenset({"former"})),)),  # a dropped descriptor
        ("Mayor Piet Vos of Sorno", "place", ("Sorno",)),
        ("Mayor Piet Vos of Sorno", "role_name", ("Piet", "Vos")),  # the role belongs to the person, not the place
        ("Okafor", "role_name", None),  # one word: no role is noted for it
        ("Royal Canadian Mounted Police", "initials", "RCMP"),
        ("Jane Doe", "initials", None),  # two initials are as often a person's
        ("The New York Times", "display", "The New York Times"),
    ],
)
def test_what_the_titles_say(run: str, field: str, value: object) -> None:
    (part,) = read_run(run)
    assert getattr(part, field) == value


def test_offsets_and_lengths_locate_each_part() -> None:
    run = "Mrs. Lena Sol. Ivan Petrov"
    first, second = read_run(run)
    assert run[first.offset : first.offset + first.length] == "Mrs. Lena Sol"
    assert run[second.offset : second.offset + second.length] == "Ivan Petrov"


def test_strip_titles_keeps_a_body_name() -> None:
    words = speaker_words()
    assert strip_titles(["President", "Jane", "Doe"], words) == ["Jane", "Doe"]
    assert strip_titles(["the", "Democratic", "National", "Committee"], words) == ["Democratic", "National", "Committee"]
