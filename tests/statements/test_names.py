"""Tests for tasks/statements/names.py: name runs, titles, full forms, genders from titles."""

from __future__ import annotations

import pytest

from tasks.statements.names import NameIndex, _lowercase_words_before


@pytest.mark.parametrize(
    ("text", "short", "full"),
    [
        ("Vermont Sen. Bernie Sanders spoke. Sanders left.", ["Sanders"], ["Bernie", "Sanders"]),
        ("Republican Donald Trump replied. Trump left.", ["Trump"], ["Donald", "Trump"]),  # a party label is a title
        ("If Mr. Trump wins, markets fall. Donald Trump said so.", ["Trump"], ["Donald", "Trump"]),
        ("The New York Times said so. The Times agreed.", ["Times"], ["New", "York", "Times"]),
    ],
)
def test_full_form(text: str, short: list[str], full: list[str]) -> None:
    assert NameIndex(text).full_form(short) == full


def test_no_longer_form() -> None:
    assert NameIndex("Okafor spoke.").full_form(["Okafor"]) is None


def test_gender_from_titles() -> None:
    names = NameIndex("Mrs. Nora Falk met Mr. Ivan Petrov.")
    assert names.gender == {"Falk": "f", "Petrov": "m"}


def test_the_of_a_publication_is_kept_for_display() -> None:
    names = NameIndex("The Evening Courier reported it.")
    assert names.display[("Evening", "Courier")] == "The Evening Courier"


def test_a_glued_capital_starts_no_name() -> None:
    assert all(run.tokens != ("Phone",) for run in NameIndex("Her iPhone rang.").runs)


@pytest.mark.parametrize(
    ("text", "name", "place"),
    [
        ("Elena Brandt, the mayor of Port Alder, spoke.", ("Elena", "Brandt"), ("Port", "Alder")),  # role after
        ("The mayor of Port Alder, Elena Brandt, spoke.", ("Elena", "Brandt"), ("Port", "Alder")),  # role before
        ("Mayor Piet Vos of Sorno spoke.", ("Piet", "Vos"), ("Sorno",)),  # a title and "of"
        ("Mayor Piet Vos spoke.", ("Piet", "Vos"), None),
    ],
)
def test_roles_are_noted_with_where_they_are_held(text: str, name: tuple[str, ...], place: object) -> None:
    [(_, holder, _, held_at)] = NameIndex(text).roles["mayor"]
    assert (holder, held_at) == (name, place)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("they met press secretary Jane", ["met", "press", "secretary"]),
        ("Officials met press secretary Jane", ["met", "press", "secretary"]),  # three at most
        ("she said, Jane", []),  # the word before ends in punctuation
        ("Sen. Jane", []),
        ("the NDP Jane", []),  # or in a capital
        ("(Jane", []),
        ("in  Surrey", ["in"]),
        ("they met café owner Jane", ["met", "café", "owner"]),
    ],
)
def test_lowercase_words_before(text: str, words: list[str]) -> None:
    assert _lowercase_words_before(text, len(text) - 4 if text.endswith("Jane") else len(text) - 6) == words
