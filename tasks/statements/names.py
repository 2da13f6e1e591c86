"""The names of one article: every capitalized name run, indexed by last word, with the fullest form of each."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tasks.statements.speaker_words import SpeakerWords, speaker_words

_CAP = "A-ZÀ-ÖØ-Þ"
# Characters that glue a capital to the word before it ("iPhone", "e.Coli"): no name starts there.
_NAME_GLUE = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_'’.-")


@cache
def name_run_pattern() -> re.Pattern[str]:
    """A run of capitalized words with the particles that sit inside names ("Bank of America").

    No leading lookbehind: a pattern that opens with a character class lets the regex engine skip ahead
    (2-3x faster here); the left boundary is checked by the caller instead.
    """
    particles = "|".join(re.escape(p) for p in speaker_words().name_particles)
    return re.compile(rf"[{_CAP}][\w'’.&-]*(?:\s(?:(?:{particles})\s)?[{_CAP}][\w'’.&-]*)*")


@cache
def _skip_words() -> frozenset[str]:
    """Capitalized one-word runs that are never names: sentence-initial function words and pronouns."""
    words = speaker_words()
    lowered = words.stop | words.pronouns | words.determiners
    return (frozenset(w[:1].upper() + w[1:] for w in lowered) | words.openers) - words.name_stopwords


def strip_titles(tokens: list[str], words: SpeakerWords) -> list[str]:
    """Drop leading titles and articles; a body's name keeps its words ("Democratic National Committee").

    Args:
        tokens: the words of a name.
        words: the speaker lexicon.

    Returns:
        The words after any leading title or determiner (at least one word).
    """
    last = tokens[-1].lower() if tokens else ""
    body = last in words.organization_heads or last in words.publication_heads
    while len(tokens) > 1 and ((tokens[0] in words.titles and not body) or tokens[0].lower() in words.determiners):
        tokens = tokens[1:]
    return tokens


@dataclass(frozen=True)
class NameRun:
    """One capitalized name run of the article."""

    start: int
    tokens: tuple[str, ...]  # title-stripped capitalized tokens
    titled: bool  # a title such as "Mr" or "President" stood before it


def _clean_run(raw: list[str], words: SpeakerWords) -> list[str]:
    """A name run's words without a sentence before it, openers, a final period or a possessive."""
    # A run crosses a sentence end at a word with a final period that is no initial or title
    # ("... Hester. Michael Mulgrew"): keep what follows it.
    for i in range(len(raw) - 2, -1, -1):
        if raw[i].endswith(".") and len(raw[i]) > 3 and raw[i] not in words.titles:
            raw = raw[i + 1 :]
            break
    # Capitalized function words and openers start a sentence, not a name ("If Mr. Trump").
    while len(raw) > 1 and (raw[0] in words.openers or raw[0].lower() in words.stop):
        raw = raw[1:]
    last = raw[-1].rstrip(".") if len(raw[-1]) > 2 else raw[-1]  # "Strength." at a sentence end
    if last.endswith(("'s", "’s")):
        raw[-1] = last[:-2]
    elif last.endswith(("'", "’")):
        raw[-1] = last[:-1]
    else:
        raw[-1] = last
    # Descriptors end at the last title: "Vermont Sen. Bernie Sanders" names "Bernie Sanders".
    if raw[-1] and raw[-1].lower() not in words.organization_heads:
        for i in range(len(raw) - 2, 0, -1):
            if raw[i] in words.titles:
                raw = raw[i:]
                break
    return raw


class NameIndex:
    """Every capitalized name run of one article, by last word, with genders known from titles."""

    def __init__(self, text: str) -> None:
        """Index the name runs of `text`.

        Args:
            text: the article body.
        """
        self.words = words = speaker_words()
        self.runs: list[NameRun] = []
        self.display: dict[tuple[str, ...], str] = {}  # names written with their own "The"
        self.gender: dict[str, str] = {}  # last word -> "m" | "f", from titles and resolved pronouns
        self.by_last: dict[str, list[tuple[str, ...]]] = {}
        skip = _skip_words()
        for m in name_run_pattern().finditer(text):
            if m.start() and text[m.start() - 1] in _NAME_GLUE:
                continue  # "iPhone", "e.Coli": not the start of a name
            if m.group() in skip:
                continue  # a lone capitalized function word or pronoun ("The", "He", "But")
            raw = _clean_run(m.group().split(), words)
            if raw[-1]:
                self._add(m.start(), raw)
        self._full: dict[tuple[str, ...], list[str] | None] = {}

    def _add(self, start: int, raw: list[str]) -> None:
        words = self.words
        first = raw[0]
        if first in words.titles or first.lower() in words.determiners:
            stripped = strip_titles(raw, words)
        elif len(raw) == 1 and first in words.openers:
            return
        else:
            stripped = raw
        if len(stripped) == 1 and stripped[0] in words.openers:
            return
        key = tuple(stripped)
        self.runs.append(NameRun(start, key, len(stripped) < len(raw) and first in words.titles))
        if first in words.male_titles:
            self.gender[key[-1]] = "m"
        elif first in words.female_titles:
            self.gender[key[-1]] = "f"
        self.by_last.setdefault(key[-1], []).append(key)
        if first == "The" and len(raw) > 2 and raw[1:] == stripped:
            # "The New York Times": the article's own capitalized "The" belongs to the name.
            self.display[key] = "The " + " ".join(stripped)

    def name_like(self, name: tuple[str, ...]) -> bool:
        """Whether a run can be a person's or an outlet's full name: short, no function word, not a group."""
        if len(name) > 5 or name[-1].endswith(self.words.group_endings):
            return False
        return not any(t.lower() in self.words.stop and t not in self.words.name_stopwords for t in name)

    def full_form(self, tokens: list[str]) -> list[str] | None:
        """The most frequent longer name in the article that ends like `tokens` and contains all of them.

        Args:
            tokens: the words of a short form ("Trump", "Mr Trump" without its title).

        Returns:
            The words of the full form, or None when the article has no longer one.
        """
        if not tokens:
            return None
        key = tuple(tokens)
        if key not in self._full:
            self._full[key] = self._find_full_form(tokens)
        return self._full[key]

    def _find_full_form(self, tokens: list[str]) -> list[str] | None:
        names = [
            c
            for c in self.by_last.get(tokens[-1], ())
            if len(c) > len(tokens) and set(tokens) <= set(c) and self.name_like(c)
        ]
        if not names:
            return None
        counts: dict[tuple[str, ...], int] = {}
        for name in names:
            counts[name] = counts.get(name, 0) + 1
        best = max(counts, key=lambda c: (len(c) >= 2 and counts[c], len(c)))
        return list(best)
