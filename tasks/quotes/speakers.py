"""Speaker identity across the lake: the key under which one person's or organization's statements are counted.

A statement's `speaker_canonical` is resolved within its article (the fullest form the article gives). Across
articles the key is built here: a person by first and last name ("Justin Trudeau" and "Prime Minister Justin
Pierre James Trudeau" share `justin trudeau`), an organization or publication by its whole name. A surname alone
("Trudeau") keeps its own key; the `speaker_identity` view (sql/marts/) joins it to the one full name of the lake
with that surname, when there is exactly one: the lake gives no reason to split them. Anonymous and unresolved
speakers have no key: "a spokeswoman" in two articles is not known to be one person, and neither is a speaker
named only by a common noun ("the city", "the school board": every town has one). Only a proper name identifies
a speaker across articles.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from tasks.lexicon import load_lexicon

KEYED_TYPES = frozenset({"person", "organization", "publication"})
_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W_])?")


@cache
def _titles() -> frozenset[str]:
    # The statements stage strips titles already; one it left ("Premier", a party label) is still no name.
    return frozenset(w.casefold().rstrip(".") for w in load_lexicon("statements/speakers")["titles"])


@cache
def _suffixes() -> frozenset[str]:
    return frozenset(load_lexicon("quotes/names")["name_suffixes"])


def name_words(name: str) -> list[str]:
    """The words of a name for matching: NFKC, case-folded, punctuation and initials dropped, leading titles and
    trailing suffixes dropped ("King" stays in "Martin Luther King", goes in "King Charles")."""
    words = [w.replace("’", "'") for w in _WORD.findall(unicodedata.normalize("NFKC", name).casefold())]
    words = [w for w in words if len(w) > 1]
    titles, suffixes = _titles(), _suffixes()
    while len(words) > 1 and words[0] in titles:
        words.pop(0)
    while len(words) > 1 and words[-1] in suffixes:
        words.pop()
    return words


def _names_someone(canonical: str) -> bool:
    """Whether a mention holds a proper name: a capitalized word other than a sentence-initial article."""
    words = canonical.split()
    if words and words[0].casefold() in ("the", "a", "an"):
        words = words[1:]
    return any(w[:1].isupper() for w in words)


@lru_cache(maxsize=8192)  # a night names a few thousand speakers, each in many statements
def speaker_key(canonical: str | None, speaker_type: str) -> str | None:
    """The lake-wide key of a resolved speaker, or None when the speaker cannot be identified across articles.

    Args:
        canonical: the statement's speaker_canonical.
        speaker_type: person | organization | publication | anonymous | unresolved.

    Returns:
        "<first> <last>" (or the one word) for a person; the whole name without a leading "the" for an
        organization or publication; None for anonymous and unresolved speakers.
    """
    if not canonical or speaker_type not in KEYED_TYPES or not _names_someone(canonical):
        return None
    words = name_words(canonical)
    if not words:
        return None
    if speaker_type == "person":
        return " ".join(words) if len(words) == 1 else f"{words[0]} {words[-1]}"
    return " ".join(words[1:] if words[0] == "the" and len(words) > 1 else words)
