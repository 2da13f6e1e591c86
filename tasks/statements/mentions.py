"""Speaker mentions next to a cue: where a mention starts and ends, and its type as written."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Final

from tasks.lexicon import load_lexicon
from tasks.statements.cues import cue_lexicon
from tasks.statements.speaker_words import (
    ANONYMOUS,
    ORGANIZATION,
    PERSON,
    PUBLICATION,
    UNRESOLVED,
    SpeakerWords,
    is_cap,
    is_word,
    speaker_words,
    strip_possessive,
)
from tasks.statements.speaker_words import LEXICON as SPEAKERS

_MAX_TOKENS: Final = 11
_NEAR: Final = 48  # chars before a cue tokenized first, enough for most subjects
# Distinct mentions kept typed: "he", "officials" and the article's names repeat within an article and a night.
_CACHED_TYPES: Final = 8192
# An article ends no mention ('said the'), and "a"/"an" open an indefinite one (lexicon [articles]).
_ARTICLES: Final = tuple(load_lexicon(SPEAKERS)["articles"])
# Words a mention can neither end on nor start with (lexicon [dangling_words]).
_DANGLING: Final = tuple(load_lexicon(SPEAKERS)["dangling_words"])


@cache
def token_pattern() -> re.Pattern[str]:
    """One token of a mention: an abbreviated title with its period, initials, a word (with inner apostrophes,
    dots, hyphens, ampersands) or one other character."""
    titles = "|".join(re.escape(t) for t in speaker_words().title_abbreviations)
    return re.compile(
        rf"(?:{titles})\.(?!\w)"
        r"|[A-Z]\.(?:[A-Z]\.)*|[\w][\w\u0300-\u036f'’.&-]*[\w\u0300-\u036f]|[\w]|[^\w\s]"
    )


def _stops(token: str, words: SpeakerWords) -> bool:
    """True when the token cannot sit inside a speaker mention."""
    if token.lower() in words.stop:
        return not (is_cap(token) and token in words.name_stopwords)
    return False


def head_ok(tokens: list[str], words: SpeakerWords) -> bool:
    """Whether the last token can head a speaker mention (a name, a pronoun or a known speaker noun).

    Args:
        tokens: the mention's tokens.
        words: the speaker lexicon.

    Returns:
        True when the mention can be a subject.
    """
    if not tokens:
        return False
    head = strip_possessive(tokens[-1])
    low = head.lower()
    if low in words.pronouns:
        return len(tokens) == 1
    if low in words.determiners or (low in words.non_heads and not is_cap(head)):
        return False
    if is_cap(head):
        return head not in words.time_words and head not in words.openers
    if not head[:1].isalpha():
        return False
    if (
        low in words.anonymous_heads
        or low in words.person_roles
        or low in words.organization_heads
        or low in words.publication_heads
    ):
        return True
    # "A spokesman for the buyer", "the man": a determiner-led noun phrase is a subject whatever its head.
    if tokens[0].lower() in words.lead_determiners and len(tokens) <= 7:
        return True
    for i, tok in enumerate(tokens[1:-1], start=1):
        if tok in words.head_prepositions and head_ok(tokens[:i], words):
            return True
        if tok in words.mention_prepositions and tokens[i - 1].lower() in words.anonymous_heads:
            return True  # "Many in the crowd", "critics at the rally": the source word before its place heads it
    # Unlisted lowercase plurals ("the protesters", "Democratic senators") are accepted; singulars are not,
    # because a bare lowercase singular before a verb is usually the object of an earlier verb.
    return len(low) > 3 and low.endswith("s") and not low.endswith(words.singular_s_endings)


def _walk_back(
    toks: list[re.Match[str]], words: SpeakerWords, first: int
) -> tuple[list[re.Match[str]] | None, bool]:
    """The subject's tokens, walked back from the last of `toks` down to `toks[first]`: (the tokens, or None
    when they run too long; whether the walk went past `toks[first]` without stopping)."""
    kept: list[re.Match[str]] = []
    for i in range(len(toks) - 1, first - 1, -1):
        tok = toks[i].group()
        if not is_word(tok):
            return kept, False
        if tok.lower() in ("and", "&"):
            # "Londoño and Casey" is one mention; "..., and the sources said" starts a new clause.
            left = toks[i - 1].group() if i > 0 else ""
            if kept and is_cap(kept[0].group()) and is_cap(left) and is_word(left):
                kept.insert(0, toks[i])
                continue
            return kept, False
        if _stops(tok, words):
            left = toks[i - 1].group().lower() if i > 0 else ""
            if kept and tok in words.mention_prepositions and (
                left in words.anonymous_heads or left in words.person_roles
            ):
                kept.insert(0, toks[i])  # "officials at the agency", "a professor from Yale"
                continue
            return kept, False
        kept.insert(0, toks[i])
        if len(kept) >= _MAX_TOKENS:
            return None, False
    return kept, True


def _scan_back(text: str, end: int, floor: int, words: SpeakerWords) -> list[re.Match[str]] | None:
    """The tokens of a possible subject, scanned back from `end`; None when they run too long.

    Most subjects are a few words ("he", "the mayor"), so the last _NEAR characters are read first: no token
    holds a space, so from a space on the tokens are those of the whole window, and a walk that stops after
    the first of them (whose left neighbour lies before the space) gives the whole window's answer.
    """
    lo = max(floor, end - 110)
    near = text.rfind(" ", lo + 1, end - _NEAR) if end - _NEAR > lo + 1 else -1
    if near > lo:
        kept, open_ended = _walk_back(list(token_pattern().finditer(text, near, end)), words, 1)
        if not open_ended:
            return kept
    toks = list(token_pattern().finditer(text, lo, end))
    kept, open_ended = _walk_back(toks, words, 0)
    if open_ended and lo > floor and kept and kept[0].start() == toks[0].start():
        return None  # ran out of window: too long to be a subject
    return kept


def mention_before(text: str, end: int, floor: int) -> tuple[int, int] | None:
    """Find the speaker mention that ends right before a cue ("... the sources said").

    Args:
        text: the article body.
        end: offset where the cue (with its auxiliaries) starts.
        floor: do not look before this offset (the sentence start).

    Returns:
        (start, end) of the mention, or None when the words before the cue cannot be a subject.
    """
    words = speaker_words()
    kept = _scan_back(text, end, floor, words)
    if kept is None:
        return None
    # A determiner after a verb starts the mention: "Residents met the developers" -> "the developers".
    for j in range(len(kept) - 1, 0, -1):
        if kept[j].group().lower() in words.lead_determiners and kept[j - 1].group().islower() and (
            kept[j - 1].group() not in words.mention_prepositions and kept[j - 1].group() not in _DANGLING
        ):
            kept = kept[j:]
            break
    while kept and kept[0].group() in words.openers:
        kept = kept[1:]
    while kept and kept[0].group() in _DANGLING:
        kept = kept[1:]  # "... because of X's claims": a dangling preposition opens no mention
    if not kept or not head_ok([t.group() for t in kept], words):
        return None
    return kept[0].start(), kept[-1].end()


def mention_after(text: str, start: int, ceil: int) -> tuple[int, int] | None:
    """Find the speaker mention that follows an inverted cue ('"...," said Jane Doe, a spokeswoman').

    Args:
        text: the article body.
        start: offset right after the cue.
        ceil: do not look past this offset (the paragraph end).

    Returns:
        (start, end) of the mention, or None.
    """
    words = speaker_words()
    verb_forms = cue_lexicon().forms
    kept: list[re.Match[str]] = []
    for m in token_pattern().finditer(text, start, min(ceil, start + 160)):
        tok = m.group()
        if not is_word(tok) or _stops(tok, words) or tok in words.time_words:
            break
        if tok.lower() == "and" and not (kept and is_cap(kept[-1].group())):
            break
        if kept and tok.islower() and (tok.endswith("ed") or tok in verb_forms):
            break  # "The mayor thanked ...": a verb ends the subject
        kept.append(m)
        if len(kept) >= _MAX_TOKENS:
            return None
    # The longest prefix that ends on a possible head: "The Florida senator" in "The Florida senator sought".
    while kept:
        tokens = [t.group() for t in kept]
        if tokens[-1].lower() not in _DANGLING + _ARTICLES and head_ok(tokens, words):
            return kept[0].start(), kept[-1].end()
        kept.pop()
    return None


@lru_cache(maxsize=_CACHED_TYPES)
def speaker_type(mention: str) -> str:
    """Type a speaker mention as written, before any resolution.

    Args:
        mention: e.g. "the sources", "Mr Trump", "the Times", "he".

    Returns:
        person | organization | publication | anonymous | unresolved ("unresolved" for pronouns,
        whose type comes from their antecedent).
    """
    words = speaker_words()
    tokens = [t for t in token_pattern().findall(mention) if is_word(t)]
    if not tokens:
        return UNRESOLVED
    for i, tok in enumerate(tokens[1:-1], start=1):
        # "Officials at the DNC", "a spokesman for the Daily Ledger": the head comes before the preposition.
        left = tokens[i - 1].lower()
        if (tok in words.head_prepositions or tok == "with") and (
            tokens[i - 1].islower()
            or left in words.anonymous_heads
            or left in words.person_roles
            or left in words.organization_heads
        ):
            tokens = tokens[:i]
            break
    head = strip_possessive(tokens[-1])
    low = head.lower()
    if len(tokens) == 1 and low in words.pronouns:
        return UNRESOLVED
    first = tokens[0].lower()
    if is_cap(head):
        return _named_type(tokens, head, first, words)
    caps = [t for t in tokens[1:] if is_cap(t)] + ([tokens[0]] if is_cap(tokens[0]) and first not in words.determiners else [])
    if low in words.anonymous_heads and (
        not caps and (first in words.anonymous_determiners or low.endswith("s") or first not in words.determiners)
    ):
        return ANONYMOUS
    if low in words.person_roles:
        return PERSON
    if low in words.publication_heads:
        return PUBLICATION
    if low in words.organization_heads or (low.endswith("s") and low[:-1] in words.organization_heads):
        return ORGANIZATION
    if low in words.anonymous_heads:
        return ANONYMOUS
    if not caps and len(low) > 3 and low.endswith("s") and not low.endswith(words.singular_s_endings):
        return ANONYMOUS  # "the developers", "the protesters": an unnamed group, as head_ok reads it
    return UNRESOLVED


def _named_type(tokens: list[str], head: str, first: str, words: SpeakerWords) -> str:
    """The type of a mention headed by a capitalized word."""
    low = head.lower()
    if len(tokens) == 1 and low in words.anonymous_heads:
        return ANONYMOUS  # "Officials" capitalized at a sentence start
    if low in words.publication_heads:
        return PUBLICATION
    if low in words.organization_heads:
        return ORGANIZATION
    if first == "the" and head.isupper() and len(head) >= 2:
        return ORGANIZATION  # "the FBI", "the DNC"
    if first == "the" and any(t.lower() in words.publication_heads for t in tokens[1:]):
        return PUBLICATION  # "The Daily Beast"
    if first == "the" and any(t.lower() in words.organization_heads for t in tokens[1:]):
        return ORGANIZATION  # "The Committee for a Responsible Federal Budget": persons take no article
    return PERSON
