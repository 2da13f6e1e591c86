"""Tests for tasks/statements/clauses.py: lexicon entries become escaped alternations, one row per pattern."""

from __future__ import annotations

import re

import pytest

from tasks.statements.clauses import alternation, clause_patterns, either_case_first


def test_alternation_escapes_entries() -> None:
    pattern = re.compile(f"(?:{alternation(['u.s', 'a+b'])})$")
    assert pattern.match("u.s") and pattern.match("a+b")
    assert not pattern.match("uxs") and not pattern.match("aab")


def test_either_case_first() -> None:
    pattern = re.compile(f"(?:{either_case_first(['at least', 'half'])})$")
    assert pattern.match("At least") and pattern.match("at least") and pattern.match("Half")
    assert not pattern.match("AT LEAST")


@pytest.mark.parametrize(
    ("field", "text", "matched"),
    [
        ("interposed", "The agency, meanwhile,", ", meanwhile,"),
        ("interposed", "Ada Lind on Thursday", " on Thursday"),
        ("interposed", "Ada Lind last week", " last week"),
        ("interposed", "Ada Lind yesterday", " yesterday"),
        ("interposed", "The prosecutors in April", " in April"),  # [months] after [interposed_prepositions]
        ("interposed", "The panel in 2001", " in 2001"),
        ("interposed", "The bank just this month", " just this month"),  # [interposed_adverbs]
        ("interposed", "Ada Lind in a televised interview", " in a televised interview"),
        ("share", "About four in 10", "About four in 10"),
        ("share", "72 percent of voters", "72 percent of voters"),
        ("share", "half of the Democrats", "half of the Democrats"),
        ("coordinated", "went home and ", "and "),
        ("clause_break", "the road would reopen, but ", ", but "),
    ],
)
def test_search_patterns(field: str, text: str, matched: str) -> None:
    m = getattr(clause_patterns(), field).search(text)
    assert m is not None and m.group() == matched


@pytest.mark.parametrize(
    ("field", "text", "matched"),
    [
        ("lead", " on Monday that the", " on Monday that "),
        ("inverted_speaker_end", " on Monday", " on"),
        ("attribution_end", " on Monday in Ohio.", " on Monday in Ohio."),
        ("after_cue", " on Monday.", " on Monday."),
        ("object_words", " the city whether", " the city"),
    ],
)
def test_match_patterns(field: str, text: str, matched: str) -> None:
    m = getattr(clause_patterns(), field).match(text)
    assert m is not None and m.group() == matched


def test_interposed_last_words_cover_every_interposed_entry() -> None:
    words = clause_patterns().interposed_last
    assert {"Monday", "meanwhile", "part", "statement", "week"} <= words
