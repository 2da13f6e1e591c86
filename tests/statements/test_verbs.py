"""Tests for tasks/statements/verbs.py: auxiliary kinds, verb forms against auxiliaries, cue spans."""

from __future__ import annotations

import pytest

from tasks.statements.cues import cue_patterns
from tasks.statements.verbs import aux_kind, catenative_before, cue_span, form_fits


@pytest.mark.parametrize(
    ("word", "kind"),
    [("was", "be"), ("’s", "be"), ("hasn't", "have"), ("'d", "have"), ("can't", "modal"), ("won’t", "modal"),
     ("'ll", "modal"), ("said", None)],
)
def test_aux_kind(word: str, kind: str | None) -> None:
    assert aux_kind(word) == kind


@pytest.mark.parametrize(
    ("phrase", "fits"),
    [("has said", True), ("is saying", True), ("will say", True), ("was told", False), ("has say", False),
     ("said", True)],
)
def test_form_fits(phrase: str, fits: bool) -> None:
    m = cue_patterns().verb_phrase.search(phrase)
    assert m is not None and form_fits(m, phrase) is fits


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("She has repeatedly warned against it", "has repeatedly warned against"),
        ("He said in a statement that", "said in a statement"),
        ("Maduro routinely accuses them", "routinely accuses"),  # an unlisted -ly adverb joins the cue
        ("The family said", "said"),  # "family" is in [ly_not_adverbs]
    ],
)
def test_cue_span(text: str, cue: str) -> None:
    matches = list(cue_patterns().verb_phrase.finditer(text))
    assert matches
    m = matches[-1]
    start, end = cue_span(m, text)
    assert text[start:end] == cue


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("he appeared to suggest", "appeared to "),
        ("she has repeatedly continued to insist", "has repeatedly continued to "),
        ("they went on to explain", "went on to "),
        ("he won't be able to brag", "won't be able to "),
        ("she wants to say", None),  # a wish is no report: not in [catenatives]
        ("he refused to say", None),  # a refusal reports no content
        ("the trip to say", None),
    ],
)
def test_catenative_before(text: str, phrase: str | None) -> None:
    m = catenative_before(text, 0, text.rindex(" ") + 1)
    assert (m.group() if m else None) == phrase
