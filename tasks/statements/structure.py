"""Text structure of an article body for statement extraction: paragraphs, sentences and quoted spans."""

from __future__ import annotations

import bisect
import re
from typing import Final

from tasks.statements.clauses import clause_patterns
from tasks.statements.cue_index import CueIndex
from tasks.statements.spans import Span, SpanSet

_PARAGRAPH: Final = re.compile(r"[^\n]+")
_QUOTE_MARK: Final = re.compile(r"“|”|\"|''|``")
_OPENING_MARKS: Final = frozenset(["“", "``"])
_CLOSING_MARKS: Final = frozenset(["”"])
# Possessive quantifiers: a run of dots with no space after it must fail in linear time.
_SENTENCE_END: Final = re.compile(r"[.!?](?<![.!?][.!?])[.!?]*+[\"”’')]*+\s+(?=(?:''|``|[\"“‘'(])?[A-Z0-9])")
_WORD: Final = re.compile(r"[\w][\w'’-]*")
_COUNT_CAP: Final = 8


def _up_to_words(depth: int) -> str:
    # Word k of the span, then the non-word characters after it, then optionally word k + 1: an empty group
    # after each word, so the last group that matched is the count. Greedy runs with nothing after them that
    # can fail, so the one match there is reads words exactly as _WORD.finditer does.
    return "" if depth == 0 else rf"(?:[\w][\w'’-]*()[^\w]*{_up_to_words(depth - 1)})?"


_COUNT_WORDS: Final = re.compile(r"[^\w]*" + _up_to_words(_COUNT_CAP))
# Characters trimmed from the edges of a content span.
_EDGE: Final = " \t\n,;:.—–-"


class Quote:
    """A quoted span of one paragraph, marks included; an unclosed quote runs to the paragraph end.

    A plain class rather than a dataclass: the compiled build (native.py) compiles its __init__, where a
    dataclass's generated one runs as Python on every quote.
    """

    def __init__(self, start: int, end: int, closed: bool, paragraph: int) -> None:
        self.start: Final = start
        self.end: Final = end
        self.closed: Final = closed
        self.paragraph: Final = paragraph  # index into Article.paragraphs


def paragraphs(text: str) -> list[Span]:
    """The non-empty lines of a body (a paragraph is one line; blank lines separate them).

    Args:
        text: the article body.

    Returns:
        One span per paragraph, in order.
    """
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]


def sentences(text: str, start: int, end: int) -> list[Span]:
    """Split text[start:end] (within one paragraph) into sentences, not after abbreviations or initials.

    Args:
        text: the article body.
        start: where the paragraph (or the part of it to split) starts.
        end: where it ends; a sentence end needs a capital or digit after it inside this bound.

    Returns:
        Consecutive spans covering [start, end).
    """
    abbreviations = clause_patterns().abbreviations
    out = []
    current = start
    for m in _SENTENCE_END.finditer(text, start, end):
        dot = m.start()
        before = text[max(start, dot - 12) : dot].rsplit(None, 1)
        word = (before[-1] if before else "").lower().lstrip("(\"“")
        if text[dot] == "." and (word in abbreviations or (len(word) == 1 and word.isalpha())):
            continue
        out.append((current, m.end()))
        current = m.end()
    if current < end:
        out.append((current, end))
    return out


def paragraph_quotes(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Quoted spans of one paragraph as (opening-mark start, closing-mark end, closed?).

    Args:
        text: the article body.
        start: the paragraph's start.
        end: the paragraph's end.

    Returns:
        Non-overlapping quotes in order; an unclosed one ends at `end`.
    """
    out = []
    open_at: int | None = None
    for m in _QUOTE_MARK.finditer(text, start, end):
        mark = m.group()
        if open_at is None:
            if mark in _CLOSING_MARKS:
                continue
            if mark == "''" and m.start() > start and text[m.start() - 1].isalnum():
                continue  # an apostrophe pair inside a word
            open_at = m.start()
        else:
            if mark in _OPENING_MARKS:
                continue
            out.append((open_at, m.end(), True))
            open_at = None
    if open_at is not None:
        out.append((open_at, end, False))
    return out


def quote_inner(text: str, start: int, end: int, closed: bool) -> Span:
    """The quoted words without the marks and the spaces or commas that sit inside them.

    Args:
        text: the article body.
        start: the opening mark's start.
        end: the closing mark's end (the paragraph end when unclosed).
        closed: whether a closing mark ends the quote.

    Returns:
        The span of the words inside the marks.
    """
    inner_start = start + (2 if text.startswith(("''", "``"), start) else 1)
    inner_end = end
    if closed:
        inner_end -= 2 if text.startswith("''", end - 2) else 1
    while inner_start < inner_end and text[inner_start].isspace():
        inner_start += 1
    while inner_end > inner_start and text[inner_end - 1] in " ,\t":
        inner_end -= 1
    return inner_start, inner_end


def last_char_inside(text: str, end: int) -> int:
    """Index of the last character inside a closed quote ending at `end`, before its closing mark.

    Args:
        text: the article body.
        end: the closing mark's end.

    Returns:
        An index into text (0 at the least).
    """
    i = end - (2 if text.startswith("''", end - 2) else 1) - 1
    while i > 0 and text[i] in " '’":
        i -= 1
    return max(i, 0)


def trim_content(text: str, start: int, end: int) -> Span:
    """Strip punctuation and spaces from the edges of a content span.

    A trailing closing mark is kept only when the content also holds its opening mark.

    Args:
        text: the article body.
        start: the raw content start.
        end: the raw content end.

    Returns:
        The trimmed span (empty when nothing is left).
    """
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE + "!?":
        end -= 1
    if end > start and text[end - 1] in "”\"" and not any(q in text[start : end - 1] for q in ("“", '"')):
        end -= 1
        while end > start and text[end - 1] in _EDGE:
            end -= 1
    return start, end


def count_words(text: str, start: int, end: int, cap: int = 8) -> int:
    """Words in text[start:end], counted up to `cap`.

    Callers only compare with small numbers; the cap keeps a huge unpunctuated paragraph linear.

    Args:
        text: the article body.
        start: span start.
        end: span end.
        cap: stop counting here.

    Returns:
        min(number of words, cap).
    """
    if start >= end:
        return 0  # an empty span (a caller's content can end before it starts)
    if cap == _COUNT_CAP:
        return _COUNT_WORDS.match(text, start, end).lastindex or 0  # type: ignore[union-attr]
    n = 0
    for _ in _WORD.finditer(text, start, end):
        n += 1
        if n >= cap:
            break
    return n


def sentence_start(text: str, offset: int, window: int) -> int:
    """Start of the sentence that holds `offset`, looking back at most `window` characters.

    Args:
        text: the article body.
        offset: a position in it.
        window: how far back to look.

    Returns:
        The start of the last sentence that begins before `offset` (a sentence that would begin exactly
        at `offset` is not seen: its capital lies outside the split), the paragraph start at the latest.
    """
    floor = max(0, offset - window)
    newline = text.rfind("\n", floor, offset)
    floor = newline + 1 if newline >= 0 else floor
    return sentences(text, floor, offset)[-1][0] if floor < offset else floor


class Article:
    """One body with its paragraphs, sentences, quotes and cue phrases indexed for the rules."""

    def __init__(self, text: str) -> None:
        """Split and index the body once.

        Args:
            text: the article body.
        """
        self.text = text
        self.paragraphs = paragraphs(text)
        self.quotes: list[Quote] = []
        for index, (start, end) in enumerate(self.paragraphs):
            self.quotes.extend(Quote(q_start, q_end, closed, index) for q_start, q_end, closed in
                               paragraph_quotes(text, start, end))
        self.in_quotes = SpanSet([(q.start, q.end) for q in self.quotes])
        self.quote_starts = [q.start for q in self.quotes]
        self.sentences = [sentences(text, start, end) for start, end in self.paragraphs]
        self._paragraph_starts = [start for start, _ in self.paragraphs]
        self.cues = CueIndex(text)

    def paragraph_of(self, pos: int) -> int:
        """Index of the paragraph that holds `pos`."""
        return bisect.bisect_right(self._paragraph_starts, pos) - 1

    def sentence_floor(self, pos: int, paragraph_start: int) -> int:
        """Start of the sentence of paragraph `paragraph_start` that holds `pos` (the paragraph start if none)."""
        floor = paragraph_start
        for start, end in self.sentences[self.paragraph_of(paragraph_start)]:
            if start <= pos < end:
                floor = start
        return floor

    def inner(self, quote: Quote) -> Span:
        """The quoted words of `quote` (see quote_inner)."""
        return quote_inner(self.text, quote.start, quote.end, quote.closed)

    def quote_opening_before(self, end: int) -> int:
        """Start of the last quote that opens before `end` (0 when none): the quote that closes at `end`."""
        i = bisect.bisect_left(self.quote_starts, end) - 1
        return self.quotes[i].start if i >= 0 else 0

    def first_quote_from(self, pos: int) -> int:
        """Index of the first quote that opens at or after `pos` (len(quotes) when none)."""
        return bisect.bisect_left(self.quote_starts, pos)

    def holds_partial_quote(self, start: int, end: int) -> bool:
        """Whether [start, end) holds a quoted run of three or more words.

        Reported speech with such a partial quote is "mixed"; a one- or two-word scare quote ('by "political
        opposition"') leaves it "indirect".
        """
        i = self.first_quote_from(start)
        while i < len(self.quotes) and self.quotes[i].start < end:
            inner_start, inner_end = self.inner(self.quotes[i])
            if count_words(self.text, inner_start, min(inner_end, end)) >= 3:
                return True
            i += 1
        return False
