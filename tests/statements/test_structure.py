"""Tests for tasks/statements/structure.py: paragraphs, the one sentence splitter, quotes, content edges."""

from __future__ import annotations

import pytest

from tasks.statements.structure import (
    Article,
    count_words,
    paragraph_quotes,
    paragraphs,
    quote_inner,
    sentence_start,
    sentences,
    trim_content,
)


def _split(text: str) -> list[str]:
    return [text[s:e] for s, e in sentences(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("The bus was late. It rained.", ["The bus was late. ", "It rained."]),
        ("Sen. Ada Lind spoke. Then she left.", ["Sen. Ada Lind spoke. ", "Then she left."]),  # [abbreviations]
        ("J. R. Hollis spoke. He left.", ["J. R. Hollis spoke. ", "He left."]),  # an initial ends no sentence
        ("The U.S. team won. Fans cheered.", ["The U.S. team won. ", "Fans cheered."]),
        ('"We won!" She smiled.', ['"We won!" ', "She smiled."]),  # a closing mark stays with its sentence
        ("Wait... then go.", ["Wait... then go."]),  # no capital after the dots
        ("It cost 5. 10 were sold.", ["It cost 5. ", "10 were sold."]),
    ],
)
def test_sentences(text: str, parts: list[str]) -> None:
    assert _split(text) == parts


def test_sentence_start_ignores_a_sentence_that_begins_at_the_offset() -> None:
    text = "The board met. Critics left. It said"
    offset = text.index("It")
    assert sentence_start(text, offset, 600) == text.index("Critics")
    assert sentence_start("A.\nIt said", 3, 600) == 3  # a paragraph start bounds it


def test_paragraphs_are_lines() -> None:
    assert paragraphs("One.\n\nTwo.\nThree.") == [(0, 4), (6, 10), (11, 17)]


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("\u201cA b\u201d and \u201cc", [(0, 5, True), (10, 12, False)]),  # an unclosed quote runs to the end
        ('"A b" c', [(0, 5, True)]),
        ("``A b'' c", [(0, 7, True)]),
        ("rock''n roll", []),  # an apostrophe pair inside a word opens nothing
        ("\u201d stray \u201cA\u201d", [(8, 11, True)]),  # a closing mark with nothing open is skipped
    ],
)
def test_paragraph_quotes(text: str, quotes: list[tuple[int, int, bool]]) -> None:
    assert paragraph_quotes(text, 0, len(text)) == quotes


def test_quote_inner_drops_marks_and_inner_commas() -> None:
    text = "\u201c We won, \u201d"
    start, end = quote_inner(text, 0, len(text), True)
    assert text[start:end] == "We won"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (", the plan will fail.", "the plan will fail"),
        ("the plan is \u201cbad\u201d", "the plan is \u201cbad\u201d"),  # its opening mark is inside: kept
        ("the plan is bad\u201d.", "the plan is bad"),  # a stray closing mark goes
    ],
)
def test_trim_content(text: str, kept: str) -> None:
    start, end = trim_content(text, 0, len(text))
    assert text[start:end] == kept


def test_count_words_stops_at_the_cap() -> None:
    assert count_words("one two three", 0, 13) == 3
    assert count_words("a " * 100, 0, 200, cap=8) == 8
    assert count_words("a " * 100, 0, 200, cap=3) == 3


def test_count_words_of_a_span_that_ends_before_it_starts_is_zero() -> None:
    # Found by the generated-text property test: 'Mr. said \n\n of' gives a content span (14, 9).
    assert count_words("Mr. said \n\n of", 14, 9) == 0
    assert count_words("one two", 3, 3) == 0


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", 0),
        (" -- ,", 0),
        ("'quoted'", 1),  # a word starts at a word character, apostrophes and hyphens only continue it
        ("well-known ’s it's -x- y’", 5),  # "s" of "’s" is a word of its own
        ("café über_2 3,4", 4),
        ("one two three four five six seven eight nine", 8),
    ],
)
def test_count_words(text: str, words: int) -> None:
    assert count_words(text, 0, len(text)) == words


def test_article_indexes_quotes_by_paragraph() -> None:
    doc = Article("\u201cA b,\u201d he said.\n\n\u201cC d\u201d")
    assert [q.paragraph for q in doc.quotes] == [0, 1]
    assert doc.paragraph_of(doc.quotes[1].start) == 1
    assert doc.quote_opening_before(doc.quotes[0].end) == 0
    assert doc.holds_partial_quote(0, len(doc.text)) is False
