"""Tests for tasks/statements/extract.py: the offset invariants on generated text, linear time, empty input."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.statements import extract_statements
from tests.statements.checks import check_offsets


@pytest.mark.parametrize(
    "text",
    [
        "." * 60_000,  # a punctuation run once made sentence splitting quadratic
        "he said " * 8_000,  # one endless sentence full of cues
        'he said "x y z" ' * 6_000,  # and full of quotes
        "Mr. John Smith of the United States said " * 1_500,
        "Mr. Alan Brown said the plan was good. He said it would work. " * 2_000,  # pronoun after pronoun
    ],
    ids=["dots", "cues", "quotes", "names", "pronouns"],
)
def test_pathological_input_stays_linear(text: str) -> None:
    # Generous bound: a quadratic step takes minutes at these sizes, the linear code well under a second.
    start = time.perf_counter()
    check_offsets(text, extract_statements(text))
    assert time.perf_counter() - start < 10


def test_empty_and_blank_text() -> None:
    assert extract_statements("") == []
    assert extract_statements("  \n\n ") == []


_PIECES = st.sampled_from(
    [
        "said", "says", "told reporters", "according to", "has said that", "added", "warned against", ",",
        ".", "\u201c", "\u201d", '"', "''", ":", "\n\n", "\n", "Mr.", "Jane Doe", "the Times", "officials",
        "he", "she", "they", "who", "It was reported that", "reportedly", "the plan", "will fail", "a spokesman",
        "Maria", "of", "and", "\u2019s", "in a statement", "\u2014", "(", ")", "U.S.", "on Monday",
    ]
)
_WORDS = st.one_of(_PIECES, st.text(alphabet="abcdefgXYZ \u00f1\u2019'\"., ", min_size=1, max_size=8))


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, min_size=0, max_size=40))
def test_offsets_hold_on_generated_text(parts: list[str]) -> None:
    text = " ".join(parts)
    check_offsets(text, extract_statements(text))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_offsets_hold_on_arbitrary_text(text: str) -> None:
    check_offsets(text, extract_statements(text))


_QUOTED = st.lists(
    st.sampled_from(
        [
            "\u201cThe plan will work,\u201d", "she said,", "said Ana Ruiz.", "\u201cbut not this year.\u201d", "\n\n",
            "\u201cWe are ready.", "He said the bridge was safe.", "The new hall, he said, opens in May.",
            "The risks, according to the auditors, are large.", "\u201cIt is late.\u201d", "Mr. Vos told reporters:",
        ]
    ),
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(_QUOTED)
def test_every_fragment_is_its_text(parts: list[str]) -> None:
    # Split quotes, continued paragraphs and parentheticals: every fragment is body[start:end].
    text = " ".join(parts)
    check_offsets(text, extract_statements(text))
