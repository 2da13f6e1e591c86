"""The names of one article: every capitalized name run, indexed by last word, with the fullest form of each."""

from __future__ import annotations

import re
from functools import cache
from typing import Final, NamedTuple

from tasks.lexicon import load_lexicon
from tasks.statements.clauses import either_case_first
from tasks.statements.name_runs import RunPart, name_like, name_run_pattern, read_run
from tasks.statements.speaker_words import LEXICON as SPEAKERS
from tasks.statements.speaker_words import speaker_words

FIRST_NAMES: Final = "statements/first_names"

# Characters that glue a capital to the word before it ("iPhone", "e.Coli"): no name starts there.
_NAME_GLUE: Final = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_'’.-")
_LOOKBACK: Final = 40  # chars before a name run read for "the", a place preposition or a role
# Where a role is held: "of Port Alder" (a capitalized name after "of" and an optional "the").
_PLACE: Final = r"\s+of\s+(?:the\s+)?(?P<place>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)"
# An appositive role right after a name: "Jane Doe, the city's mayor," / "Jane Doe, a spokeswoman for ...".
_ROLE_AFTER: Final = re.compile(rf",\s+(?:[\w'’-]+\s+){{0,4}}?(?P<role>[a-z]+)(?:{_PLACE}(?=[,.;])|(?=[,.;]|\s+(?:of|for|at)\b))")
# An appositive name right after a definite role: "the mayor of Port Alder, Jane Doe," / "the city's mayor, Jane Doe,".
_ROLE_BEFORE: Final = re.compile(
    rf"(?<![\w'’-])(?:{either_case_first(load_lexicon(SPEAKERS)['role_determiners'])}|[\w-]+['’]s)\s+"
    rf"(?P<qualifiers>(?:[a-z][\w'’-]*\s+){{0,3}}?)"
    rf"(?P<role>[a-z]+)(?:{_PLACE})?,\s$"
)
_ROLE_BEFORE_REACH: Final = 80  # chars before a name read for a role it is the appositive of
# "New Democratic Party (NDP)": an acronym declared in brackets after its expansion.
_ACRONYM_AFTER: Final = re.compile(r"\s*\((?P<acronym>[A-Z]{2,6})\)")


class NameRun(NamedTuple):
    """One capitalized name run of the article."""

    start: int
    tokens: tuple[str, ...]  # title-stripped capitalized tokens
    titled: bool  # a title such as "Mr" or "President" stood before it
    thing: bool = False  # "the" or a place preposition stood before it ("the Kinder Morgan pipeline", "in Surrey")


# role word -> (offset, name, qualifying words, place) of each person named in that role, in text order
_Roles = dict[str, list[tuple[int, tuple[str, ...], frozenset[str], tuple[str, ...] | None]]]


@cache
def _thing_word_ends() -> frozenset[str]:
    """The last letters of the words that make the name after them a thing (see NameIndex.is_thing)."""
    words = speaker_words()
    return frozenset(word[-1] for word in words.place_prepositions | {"the", "of"})


@cache
def _first_names() -> dict[str, str]:
    lex = load_lexicon(FIRST_NAMES)
    return {**{name: "f" for name in lex["female"]}, **{name: "m" for name in lex["male"]}}


def _place(m: re.Match[str]) -> tuple[str, ...] | None:
    """The words of a match's "place" group, if it matched."""
    return tuple(m.group("place").split()) if m.group("place") else None


def _lowercase_words_before(text: str, start: int) -> list[str]:
    """Up to three lowercase words right before `start`, in order ("met press secretary" before a name)."""
    if start == 0 or not text[start - 1].isspace():
        return []
    last = text[start - 2] if start > 1 else " "
    if not last.isspace() and (not last.isalpha() or last.isupper()):
        return []  # the word before ends in punctuation or a capital ("said, Jane", ". Jane", "Sen. Jane")
    words = text[max(0, start - _LOOKBACK) : start].rsplit(None, 3)[-3:]
    for i in range(len(words) - 1, -1, -1):
        if not (words[i].isalpha() and words[i].islower()):
            return words[i + 1 :]
    return words


class NameIndex:
    """Every capitalized name run of one article, by last word, with genders known from titles.

    One scan of the body indexes what every speaker's resolution reads (full forms, genders, acronyms, display
    forms). What needs the words before a name is read only where it is used: the roles on first use (most
    articles resolve no role), whether a run names a thing (is_thing) for the runs a pronoun may stand for.
    """

    def __init__(self, text: str) -> None:
        """Index the name runs of `text`.

        Args:
            text: the article body.
        """
        self.words = speaker_words()
        # (offset, part) of every name part, in text order: what `runs` and `roles` are read from.
        self.parts: list[tuple[int, RunPart]] = []
        self.display: dict[tuple[str, ...], str] = {}  # names written with their own "The"
        self.gender: dict[str, str] = {}  # last word -> "m" | "f", from titles and resolved pronouns
        self.by_last: dict[str, list[tuple[str, ...]]] = {}
        self.name_gender: dict[tuple[str, ...], str] = {}  # full names with a gendered title before them
        self.acronyms: dict[str, tuple[str, ...]] = {}  # "NDP" -> ("New", "Democratic", "Party")
        self.text = text
        self._full: dict[tuple[str, ...], list[str] | None] = {}
        self._name_like: dict[tuple[str, ...], bool] = {}
        self._runs: list[NameRun] | None = None
        self._roles: _Roles | None = None
        # One pass over the runs, the per-part work inline: an article holds about a hundred name parts.
        parts, by_last, acronyms = self.parts, self.by_last, self.acronyms
        brackets = "(" in text  # most bodies declare no acronym in brackets
        for m in name_run_pattern().finditer(text):
            run_start = m.start()
            if run_start and text[run_start - 1] in _NAME_GLUE:
                continue  # "iPhone", "e.Coli": not the start of a name
            for part in read_run(m.group()):
                start, key = run_start + part.offset, part.key
                parts.append((start, part))
                if part.gender is not None:
                    self.gender[key[-1]] = part.gender
                    self.name_gender[key] = part.gender
                by_last.setdefault(key[-1], []).append(key)
                if brackets:
                    end = start + part.length
                    if text.find("(", end, end + 3) >= 0:
                        declared = _ACRONYM_AFTER.match(text, end)
                        if declared:
                            acronyms.setdefault(declared.group("acronym"), key)
                if part.initials is not None:
                    acronyms.setdefault(part.initials, key)
                if part.display is not None:
                    self.display[key] = part.display

    def is_thing(self, start: int, part: RunPart) -> bool:
        """Whether "the" or a place preposition stands before the part at `start`: "in Surrey", "the Kinder
        Mill", "the board of Kessel Rail" name a place or a body, not a person."""
        if start >= 2 and not self.text[start - 2].isspace() and self.text[start - 2] not in _thing_word_ends():
            return False  # the word right before ends in a letter none of those words ends in ("said Jane")
        before = _lowercase_words_before(self.text, start)
        previous = before[-1] if before else ""
        return (
            previous in self.words.place_prepositions
            or (previous == "the" and not part.first_is_title)
            or (previous == "of" and len(before) > 1 and before[-2] in self.words.organization_heads)
        )

    @property
    def runs(self) -> list[NameRun]:
        """Every name part as a NameRun, in text order (read on first use)."""
        if self._runs is None:
            self._runs = [NameRun(start, part.key, part.titled, self.is_thing(start, part)) for start, part in self.parts]
        return self._runs

    @property
    def roles(self) -> _Roles:
        """Role word -> (offset, name, qualifying words, place) in text order: "finance minister Jane Doe" ->
        ("minister", {"finance"}, None); "Mayor Piet Vos of Sorno" -> ("mayor", {}, ("Sorno",)). Read on first
        use: few articles name a speaker by a role."""
        if self._roles is None:
            noted: _Roles = {}
            for start, part in self.parts:
                if part.role_name is not None:
                    self._note_roles(noted, start, part, _lowercase_words_before(self.text, start), start + part.length)
            self._roles = noted
        return self._roles

    def _note_roles(self, noted: _Roles, start: int, part: RunPart, before: list[str], end: int) -> None:
        """Remember the roles a person is named in, with the words that qualify them: "Finance Minister Jane
        Doe" (the titles), "press secretary Jane Doe", "Jane Doe, the city's mayor,"."""
        text, roles, determiners = self.text, self.words.person_roles, self.words.determiners
        found: list[tuple[str, frozenset[str], tuple[str, ...] | None]] = [
            (role, qualifying, part.place) for role, qualifying in part.title_roles
        ]
        if before and before[-1] in roles:
            found.append((before[-1], frozenset(w for w in before[:-1] if w not in determiners), None))
        after = _ROLE_AFTER.match(text, end, end + 80) if text.startswith(",", end) else None
        if after and after.group("role") in roles:
            qualifiers = text[after.start() : after.start("role")].strip(", ").lower().split()
            found.append((after.group("role"), frozenset(w for w in qualifiers if w not in determiners),
                          _place(after)))
        if text.startswith(", ", start - 2) and text.startswith(",", end):
            role_before = _ROLE_BEFORE.search(text, max(0, start - _ROLE_BEFORE_REACH), start)
            if role_before and role_before.group("role") in roles:
                qualifiers = role_before.group("qualifiers").lower().split()
                found.append((role_before.group("role"), frozenset(w for w in qualifiers if w not in determiners),
                              _place(role_before)))
        for role, qualifying, place in found:
            noted.setdefault(role, []).append((start, part.role_name, qualifying, place))  # type: ignore[arg-type]

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
        known = self._name_like.get(name)
        if known is None:
            known = self._name_like[name] = name_like(name, self.words)
        return known

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
