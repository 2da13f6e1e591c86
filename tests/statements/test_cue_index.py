"""Tests for tasks/statements/cue_index.py: the indexed windows give exactly the cue regex's own scan."""

from __future__ import annotations

import random

import pytest

from tasks.statements.cue_index import CueIndex, cue_starts, fold
from tasks.statements.cues import cue_patterns

# Written for these tests: cues after auxiliaries and adverbs, curly apostrophes, quote marks of every kind,
# accented and non-Latin-1 letters next to cue words, cues glued to punctuation, title-case headline cues.
TEXTS = [
    "The mayor has also repeatedly said that the bridge will close. Officials didn’t say when.",
    "“We will fight,” she said. ``It is over,'' he told reporters, adding that nothing had changed.",
    "Critics—who say the plan is late—warned against it; the council (which denied it) said: no.",
    "Says Mayor, Bridge Plan Fails\n\nThe café said nothing. Zoë said, “yes.” Łukasz saidő nothing.",
    "He’s said it before and he'd say it again: the report shows, the survey found, ’s said nobody.",
    "A sayonara party was held.\n\n  has\n\n   said  \t told  -said- said's said’ (said) [told]",
]


def _spans(matches) -> list[tuple[tuple[int, int], dict]]:  # noqa: ANN001 - a list of re.Match
    return [(m.span(), m.groupdict()) for m in matches]


@pytest.mark.parametrize("text", TEXTS)
def test_every_window_matches_the_regex_scan(text: str) -> None:
    pattern, index = cue_patterns().verb_phrase, CueIndex(text)
    windows = [(start, end) for start in range(0, len(text) + 1, 3) for end in range(start, len(text) + 1, 7)]
    for start, end in windows:
        assert _spans(index.matches(start, end)) == _spans(pattern.finditer(text, start, end)), (start, end)
        first, search = index.first(start, end), pattern.search(text, start, end)
        assert (first and first.span()) == (search and search.span()), (start, end)


def test_random_windows_over_joined_texts() -> None:
    text = "\n\n".join(TEXTS * 3)
    pattern, index, rng = cue_patterns().verb_phrase, CueIndex(text), random.Random(12)
    for _ in range(500):
        start = rng.randrange(len(text))
        end = rng.randrange(start, len(text) + 1)
        assert _spans(index.matches(start, end)) == _spans(pattern.finditer(text, start, end))


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("He has also said it", [3, 7, 12]),  # the auxiliary and the adverb before the verb may open the cue
        ("The report said", [4, 11]),  # "report" is a verb form too
        ("Nothing here", []),
        ("sayonara", []),  # a word that only begins like a verb form
        ("“said”", [1]),
    ],
)
def test_cue_starts(text: str, starts: list[int]) -> None:
    assert cue_starts(fold(text)) == starts


def test_a_window_that_cuts_a_word_into_a_verb_form() -> None:
    # "say" of "sayonara" is a cue for a window ending after it, though the body's word is none.
    text = "A sayonara party"
    assert [m.group("verb") for m in CueIndex(text).matches(0, 5)] == ["say"]
