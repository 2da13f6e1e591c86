"""Tests for tasks/statements/cues.py: inflection, the lexicon's integrity, the compiled cue regex."""

from __future__ import annotations

import pytest

from tasks.lexicon import load_lexicon
from tasks.statements.cues import cue_lexicon, cue_patterns, inflect, trie_alternation


@pytest.mark.parametrize(
    ("base", "forms"),
    [
        ("warn", {"warn", "warns", "warned", "warning"}),
        ("deny", {"deny", "denies", "denied", "denying"}),
        ("describe", {"describe", "describes", "described", "describing"}),
        ("stress", {"stress", "stresses", "stressed", "stressing"}),
        ("agree", {"agree", "agrees", "agreed", "agreeing"}),
        ("convey", {"convey", "conveys", "conveyed", "conveying"}),  # vowel + y keeps the y
    ],
)
def test_inflect(base: str, forms: set[str]) -> None:
    assert set(inflect(base)) == forms


def test_irregular_forms_are_cues() -> None:
    lex = cue_lexicon()
    for form, kind in [("said", "past"), ("told", "past"), ("wrote", "past"), ("written", "past"),
                       ("admitted", "past"), ("telling", "ing"), ("says", "s")]:
        assert lex.forms[form] == kind


def test_every_lexicon_form_matches_the_compiled_regex() -> None:
    # The compiled trie regex must accept every form the data file yields (dateparser-style integrity check).
    pattern = cue_patterns().verb_phrase
    for form in cue_lexicon().forms:
        m = pattern.fullmatch(form)
        assert m is not None and m.group("verb") == form, form


@pytest.mark.parametrize("name", ["statements/cues", "statements/speakers", "statements/clauses"])
def test_lexicon_groups_have_no_duplicates(name: str) -> None:
    for group, entries in load_lexicon(name).items():
        assert len(entries) == len(set(entries)), (name, group)


def test_lexicon_groups_are_known_verbs() -> None:
    lex = cue_lexicon()
    raw = load_lexicon("statements/cues")
    bases = set(lex.base_of.values())
    for group in ("need_that", "need_particle", "need_as", "clausal", "no_closing", "tell_verbs", "naming_verbs"):
        unknown = set(raw[group]) - bases
        assert not unknown, (group, unknown)
    for line in raw["phrasal"]:
        assert line.split()[0] in bases


def test_trie_alternation_escapes_its_entries() -> None:
    import re

    pattern = re.compile(f"(?:{trie_alternation(['a.b', 'c+'])})$")
    assert pattern.match("a.b") and pattern.match("c+")
    assert not pattern.match("axb") and not pattern.match("cc")
