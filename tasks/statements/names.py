"""The names of one article: every capitalized name run, indexed by last word, with the fullest form of each."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tasks.lexicon import load_lexicon
from tasks.statements.speaker_words import SpeakerWords, speaker_words

FIRST_NAMES = "statements/first_names"

_CAP = "A-ZÀ-ÖØ-Þ"
# Characters that glue a capital to the word before it ("iPhone", "e.Coli"): no name starts there.
_RUN_WORD = re.compile(r"\S+")
_NAME_GLUE = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_'’.-")
_LOOKBACK = 40  # chars before a name run read for "the", a place preposition or a role
# An appositive role right after a name: "Jane Doe, the city's mayor," / "Jane Doe, a spokeswoman for ...".
_ROLE_AFTER = re.compile(r",\s+(?:[\w'’-]+\s+){0,4}?(?P<role>[a-z]+)(?=[,.;]|\s+(?:of|for|at)\b)")
# "New Democratic Party (NDP)": an acronym declared in brackets after its expansion.
_ACRONYM_AFTER = re.compile(r"\s*\((?P<acronym>[A-Z]{2,6})\)")


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
    thing: bool = False  # "the" or a place preposition stood before it ("the Kinder Morgan pipeline", "in Surrey")


@cache
def _first_names() -> dict[str, str]:
    lex = load_lexicon(FIRST_NAMES)
    return {**{name: "f" for name in lex["female"]}, **{name: "m" for name in lex["male"]}}


def _lowercase_words_before(text: str, start: int) -> list[str]:
    """Up to three lowercase words right before `start`, in order ("met press secretary" before a name)."""
    words: list[str] = []
    if start == 0 or not text[start - 1].isspace():
        return words
    for word in reversed(text[max(0, start - _LOOKBACK) : start].split()[-3:]):
        if not (word.isalpha() and word.islower()):
            break
        words.insert(0, word)
    return words


def _sentence_parts(run: re.Match[str], words: SpeakerWords) -> list[tuple[int, list[str]]]:
    """The words of a name run with their start, split where the run crosses a sentence end: a word with a
    final period that is no initial or title ("... Mrs. Lena Sol. She said" holds "Mrs. Lena Sol" and "She")."""
    if "." not in run.group():
        return [(run.start(), run.group().split())]  # most runs: no period, one part
    parts: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = run.start()
    for word in _RUN_WORD.finditer(run.group()):
        if not current:
            start = run.start() + word.start()
        current.append(word.group())
        if word.group().endswith(".") and len(word.group()) > 3 and word.group() not in words.titles:
            parts.append((start, current))
            current = []
    if current:
        parts.append((start, current))
    return parts


def _clean_run(raw: list[str], words: SpeakerWords) -> list[str]:
    """A name run's words without openers, a final period or a possessive."""
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
    while len(raw) > 1 and raw[-1] in words.time_words:
        raw = raw[:-1]  # "Florida Friday": a name, then a time adverbial
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
        self.name_gender: dict[tuple[str, ...], str] = {}  # full names with a gendered title before them
        # role word -> (offset, name, qualifying words) in text order: "finance minister" -> ("minister", {"finance"})
        self.roles: dict[str, list[tuple[int, tuple[str, ...], frozenset[str]]]] = {}
        self.acronyms: dict[str, tuple[str, ...]] = {}  # "NDP" -> ("New", "Democratic", "Party")
        self.text = text
        skip = _skip_words()
        for m in name_run_pattern().finditer(text):
            if m.start() and text[m.start() - 1] in _NAME_GLUE:
                continue  # "iPhone", "e.Coli": not the start of a name
            for start, part in _sentence_parts(m, words):
                if " ".join(part) in skip:
                    continue  # a lone capitalized function word or pronoun ("The", "He", "But")
                raw = _clean_run(part, words)
                if raw[-1]:
                    self._add(start, raw, start + len(" ".join(part)))
        self._full: dict[tuple[str, ...], list[str] | None] = {}

    def _add(self, start: int, raw: list[str], end: int) -> None:
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
        before = _lowercase_words_before(self.text, start)
        previous = before[-1] if before else ""
        # "in Surrey", "the Kinder Mill", "the board of Kessel Rail": a place or a body, not a person.
        body_of = previous == "of" and len(before) > 1 and before[-2] in words.organization_heads
        thing = previous in words.place_prepositions or (previous == "the" and first not in words.titles) or body_of
        self.runs.append(NameRun(start, key, len(stripped) < len(raw) and first in words.titles, thing))
        if first in words.male_titles:
            self.gender[key[-1]] = "m"
            self.name_gender[key] = "m"
        elif first in words.female_titles:
            self.gender[key[-1]] = "f"
            self.name_gender[key] = "f"
        self.by_last.setdefault(key[-1], []).append(key)
        self._note_role(start, raw, stripped, before, end)
        self._note_acronym(key, end)
        if first == "The" and len(raw) > 2 and raw[1:] == stripped:
            # "The New York Times": the article's own capitalized "The" belongs to the name.
            self.display[key] = "The " + " ".join(stripped)

    def _note_role(self, start: int, raw: list[str], name: list[str], before: list[str], end: int) -> None:
        """Remember the role a person is named in, with the words that qualify it: "Finance Minister Jane Doe",
        "press secretary Jane Doe", "Jane Doe, the city's mayor,"."""
        roles, determiners = self.words.person_roles, self.words.determiners
        if "of" in name:
            name = name[: name.index("of")]  # "Mayor Piet Vos of Sorno" is the mayor Piet Vos
        if len(name) < 2 or name[-1].lower() in self.words.organization_heads:
            return
        found: list[tuple[str, list[str]]] = []
        titles = [t.lower() for t in raw[: len(raw) - len(name)]]
        found += [(t, titles[:i]) for i, t in enumerate(titles) if t in roles]
        if before and before[-1] in roles:
            found.append((before[-1], before[:-1]))
        after = _ROLE_AFTER.match(self.text, end, end + 80) if self.text.startswith(",", end) else None
        if after and after.group("role") in roles:
            found.append((after.group("role"), after.group().strip(", ").lower().split()[:-1]))
        for role, qualifiers in found:
            words = frozenset(w for w in qualifiers if w not in determiners)
            self.roles.setdefault(role, []).append((start, tuple(name), words))

    def _note_acronym(self, name: tuple[str, ...], end: int) -> None:
        """Index a name of several words by its initials ("Royal Canadian Mounted Police" -> "RCMP"), and by an
        acronym declared after it in brackets."""
        declared = _ACRONYM_AFTER.match(self.text, end) if "(" in self.text[end : end + 3] else None
        if declared:
            self.acronyms.setdefault(declared.group("acronym"), name)
        if len(name) < 2:
            return
        initials = "".join(t[0] for t in name if t[:1].isupper())
        # Two initials are as often a person's ("J.D.") as a body's: only longer ones, or a body's name.
        if len(name) >= 2 and (len(initials) >= 3 or name[-1].lower() in self.words.organization_heads):
            self.acronyms.setdefault(initials, name)

    def gender_of(self, name: tuple[str, ...]) -> str | None:
        """"m", "f" or None: from a gendered title before this full name, its first name, or its last name's
        title elsewhere in the article."""
        if name in self.name_gender:
            return self.name_gender[name]
        if len(name) >= 2 and name[0] in _first_names():
            return _first_names()[name[0]]
        return self.gender.get(name[-1])

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
