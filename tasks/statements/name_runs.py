"""What a capitalized name run says on its own, before its context is read: its sentence parts, the name in
each, its titles, the roles and gender those titles give, and its initials."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Final, NamedTuple

from tasks.statements.speaker_words import SpeakerWords, speaker_words

_CAP: Final = "A-ZÀ-ÖØ-Þ"
_RUN_WORD: Final = re.compile(r"\S+")
# Distinct runs kept read: names, titles and sentence openers repeat within an article and across a night.
_CACHED_RUNS: Final = 16384


class RunPart(NamedTuple):
    """One sentence part of a name run, read without its context."""

    offset: int  # where the part starts, from the run's start
    length: int  # where the name ends, from the part's start (a final period or possessive of the last
    # word is left out, unless a sentence opener was dropped from the part's front)
    raw: tuple[str, ...]  # the name's words with its titles ("Mayor", "Gov.")
    key: tuple[str, ...]  # the name's words without leading titles or determiners
    titled: bool  # a title stood before the name
    first_is_title: bool
    gender: str | None  # "m" or "f" from a gendered title before the name
    role_name: tuple[str, ...] | None  # the name a role is noted for ("Mayor Piet Vos of Sorno" -> Piet Vos),
    # None when no role can be noted (one word, or a body's name)
    title_roles: tuple[tuple[str, frozenset[str]], ...]  # (role, qualifying words) the titles give
    place: tuple[str, ...] | None  # where the role is held: "Sorno" of "Mayor Piet Vos of Sorno"
    initials: str | None  # the acronym the name may be written as ("RCMP"), when it is long enough to be one
    display: str | None  # the name with its own capitalized "The" ("The New York Times")
    person: tuple[str, ...] | None  # the words of the person the part may name ("Peter Holm" of "Supporters of
    # Peter Holm"), None when it names none (a bare "President", a body's name)
    person_whole: bool  # those words are a person's full name as written: no fuller form is looked up


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


def _sentence_parts(run: str, words: SpeakerWords) -> list[tuple[int, list[str]]]:
    """The words of a name run with their offset, split where the run crosses a sentence end: a word with a
    final period that is no initial or title ("... Mrs. Lena Sol. She said" holds "Mrs. Lena Sol" and "She")."""
    if "." not in run:
        return [(0, run.split())]  # most runs: no period, one part
    parts: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 0
    for word in _RUN_WORD.finditer(run):
        if not current:
            start = word.start()
        current.append(word.group())
        if word.group().endswith(".") and len(word.group()) > 3 and word.group() not in words.titles:
            parts.append((start, current))
            current = []
    if current:
        parts.append((start, current))
    return parts


def _clean_run(raw: list[str], words: SpeakerWords) -> tuple[list[str], list[str]]:
    """A name run's words without openers, a final period or a possessive, and the descriptors dropped before
    its last title ("Vermont" of "Vermont Sen. Bernie Sanders", "Former" of "Former Mayor Jane Doe").

    The last word is edited in place when no opener was dropped: the part's length then ends before them.
    """
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
                return raw[i:], raw[:i]
    return raw, []


def _title_roles(
    raw: list[str], stripped: list[str], descriptors: list[str], words: SpeakerWords
) -> tuple[tuple[str, ...] | None, tuple[tuple[str, frozenset[str]], ...]]:
    """The name a role is noted for and the roles its titles give, each with the words before it ("Former
    Finance Minister Jane Doe": minister, qualified by former and finance)."""
    name = stripped[: stripped.index("of")] if "of" in stripped else stripped  # "Mayor Piet Vos of Sorno"
    if len(name) < 2 or name[-1].lower() in words.organization_heads:
        return None, ()
    titles = [t.lower() for t in descriptors + raw[: len(raw) - len(name)]]
    roles = tuple(
        (t, frozenset(w for w in titles[:i] if w not in words.determiners))
        for i, t in enumerate(titles)
        if t in words.person_roles
    )
    return tuple(name), roles


def name_like(name: tuple[str, ...], words: SpeakerWords) -> bool:
    """Whether a run can be a person's or an outlet's full name: short, no function word, not a group."""
    if len(name) > 5 or name[-1].endswith(words.group_endings):
        return False
    return not any(t.lower() in words.stop and t not in words.name_stopwords for t in name)


def _person(key: tuple[str, ...], words: SpeakerWords) -> tuple[tuple[str, ...] | None, bool]:
    """(the words of the person a name may stand for, whether they are a full name as written), read without
    the article: a pronoun's antecedents are read from them."""
    if len(key) == 1 and key[0] in words.titles:
        return None, False  # a bare "President": no person named
    if "of" in key[:-1] and key[0].lower() in words.anonymous_heads:
        key = key[len(key) - key[::-1].index("of") :]  # "Supporters of Peter Holm": the name after "of"
    low = key[-1].lower()
    if low in words.organization_heads or low in words.publication_heads:
        return None, False
    # A multi-word name with no function word ("Peace Through Strength" has one) is taken for a person unless
    # its last word names a place or a body (checked above).
    return key, len(key) >= 2 and name_like(key, words)


def _read_part(offset: int, length: int, raw: list[str], descriptors: list[str], words: SpeakerWords) -> RunPart | None:
    """One part of a run, or None when it names nothing (a lone sentence opener)."""
    first = raw[0]
    if first in words.titles or first.lower() in words.determiners:
        stripped = strip_titles(raw, words)
    elif len(raw) == 1 and first in words.openers:
        return None
    else:
        stripped = raw
    if len(stripped) == 1 and stripped[0] in words.openers:
        return None
    gender = "m" if first in words.male_titles else "f" if first in words.female_titles else None
    role_name, title_roles = _title_roles(raw, stripped, descriptors, words)
    place = tuple(stripped[stripped.index("of") + 1 :]) if role_name is not None and "of" in stripped else None
    initials = None
    if len(stripped) >= 2:
        letters = "".join(t[0] for t in stripped if t[:1].isupper())
        # Two initials are as often a person's ("J.D.") as a body's: only longer ones, or a body's name.
        if len(letters) >= 3 or stripped[-1].lower() in words.organization_heads:
            initials = letters
    # "The New York Times": the article's own capitalized "The" belongs to the name.
    display = "The " + " ".join(stripped) if first == "The" and len(raw) > 2 and raw[1:] == stripped else None
    titled = len(stripped) < len(raw) and first in words.titles
    key = tuple(stripped)
    return RunPart(offset, length, tuple(raw), key, titled, first in words.titles, gender, role_name,
                   title_roles, place, initials, display, *_person(key, words))


@lru_cache(maxsize=_CACHED_RUNS)
def read_run(run: str) -> tuple[RunPart, ...]:
    """The parts of a name run that name something, read without their context.

    Args:
        run: a match of name_run_pattern().

    Returns:
        Its parts in order (none for a lone capitalized function word such as "The" or "But").
    """
    words = speaker_words()
    skip = _skip_words()
    out = []
    for offset, part in _sentence_parts(run, words):
        if " ".join(part) in skip:
            continue
        raw, descriptors = _clean_run(part, words)
        if not raw[-1]:
            continue
        read = _read_part(offset, len(" ".join(part)), raw, descriptors, words)
        if read is not None:
            out.append(read)
    return tuple(out)
