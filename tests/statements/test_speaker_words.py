"""Tests for tasks/statements/speaker_words.py: the speaker lexicon's groups and token predicates."""

from __future__ import annotations

import pytest

from tasks.statements.speaker_words import (
    is_possessive,
    speaker_words,
    strip_possessive,
)


def test_pronoun_groups_partition_the_pronouns() -> None:
    words = speaker_words()
    assert words.male_pronouns <= words.person_pronouns
    assert words.pronouns == words.person_pronouns | words.plural_pronouns | words.other_pronouns


def test_place_heads_are_organization_heads() -> None:
    # [place_heads] narrows [organization_heads] (a place names no person, and speaks for nobody).
    words = speaker_words()
    assert words.place_heads <= words.organization_heads


@pytest.mark.parametrize(("token", "stripped"), [("Trump's", "Trump"), ("voters'", "voters"), ("Doe", "Doe")])
def test_possessives(token: str, stripped: str) -> None:
    assert strip_possessive(token) == stripped
    assert is_possessive(token) is (token != stripped)
