"""A cue verb matched in context: the span of its cue (auxiliaries, adverbs, particle, tail) and whether its
form fits the auxiliaries before it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Final

from tasks.lexicon import load_lexicon
from tasks.statements.cues import LEXICON, cue_lexicon
from tasks.statements.spans import Span

# "to" (and an adverb) right before a cue verb: the cheap test before catenative_pattern().
_TO_BEFORE: Final = re.compile(r"(?<![\w'’-])to\s+(?:[a-z]+ly\s+)?$")
_CATENATIVE_REACH: Final = 50  # chars before a cue verb read for "appeared to", "has continued to"
_LY_BEFORE: Final = re.compile(r"(?<![\w'’-])([a-z]{2,}ly)\s+$")
# A contracted auxiliary glued to the subject right before a cue ("he's said", "they'd say").
_CONTRACTION: Final = re.compile(r"(?<=\w)(['’](?:s|ve|d|re|ll|m))\s+$")


@dataclass(frozen=True)
class AuxiliaryWords:
    """Auxiliary words by kind (lexicons/cues.txt), and the -ly words that are no adverbs."""

    be: frozenset[str]
    have: frozenset[str]
    modal: frozenset[str]
    negated_stems: dict[str, str]  # "ca" (of "can't") -> "can"
    ly_not_adverbs: frozenset[str]
    before_adverb: re.Pattern[str]  # an auxiliary right before an unlisted -ly adverb


@cache
def auxiliary_words() -> AuxiliaryWords:
    """Load the auxiliary groups once."""
    lex = load_lexicon(LEXICON)
    before_adverb = "|".join(re.escape(w) for w in lex["aux_before_adverb"])
    return AuxiliaryWords(
        be=frozenset(lex["be_forms"]),
        have=frozenset(lex["have_forms"]),
        modal=frozenset(lex["modals"]),
        negated_stems=dict(line.split() for line in lex["negated_stems"]),  # type: ignore[misc]
        ly_not_adverbs=frozenset(cue_lexicon().ly_not_adverbs),
        before_adverb=re.compile(rf"(?<![\w'’-])({before_adverb})\s+$"),
    )


@cache
def catenative_pattern() -> re.Pattern[str]:
    """An auxiliary, a catenative verb and "to" ending right before a cue verb ("has continued to")."""
    lex = load_lexicon(LEXICON)
    auxiliaries = "|".join(re.escape(w) for w in lex["auxiliaries"])
    catenatives = "|".join(r"\s+".join(map(re.escape, entry.split())) for entry in lex["catenatives"])
    return re.compile(
        rf"(?<![\w'’-])(?:(?:{auxiliaries})\s+)?(?:[a-z]+ly\s+)?(?:{catenatives})\s+(?:[a-z]+ly\s+)?to\s+(?:[a-z]+ly\s+)?$"
    )


def catenative_before(text: str, floor: int, verb_start: int) -> re.Match[str] | None:
    """The catenative phrase through which a subject speaks, ending right before a bare cue verb
    ("he appeared to suggest", "Ham went on to explain").

    Args:
        text: the article body.
        floor: do not look before this offset (the sentence start).
        verb_start: where the cue verb starts.

    Returns:
        The match, or None.
    """
    lo = max(floor, verb_start - _CATENATIVE_REACH)
    if not _TO_BEFORE.search(text, max(lo, verb_start - 16), verb_start):
        return None
    return catenative_pattern().search(text, lo, verb_start)


def aux_kind(word: str) -> str | None:
    """The kind of an auxiliary, negated and contracted forms included.

    Args:
        word: one word as written ("hasn't", "'s", "will").

    Returns:
        "be", "have" or "modal", or None for a word that is no auxiliary.
    """
    aux = auxiliary_words()
    w = word.lower().replace("’", "'")
    if w.endswith("n't"):
        w = aux.negated_stems.get(w[:-3], w[:-3])
    if w in aux.be:
        return "be"
    if w in aux.have:
        return "have"
    if w in aux.modal:
        return "modal"
    return None


def cue_start(m: re.Match[str], text: str) -> int:
    """Start of a cue: its listed auxiliaries and adverbs, then unlisted -ly adverbs before them.

    ("Maduro routinely accuses"; "has flatly and publicly denied" stops at "and".)

    Args:
        m: a match of CuePatterns.verb_phrase.
        text: the article body.

    Returns:
        The offset where the cue starts.
    """
    start = m.start("pre") if m.group("pre") else m.start("verb")
    aux = auxiliary_words()
    for _ in range(2):
        # Cheap test first: the word before must end in "ly".
        ly = _LY_BEFORE.search(text, max(0, start - 24), start) if text[start - 3 : start - 1] == "ly" else None
        if not ly or ly.group(1) in aux.ly_not_adverbs:
            break
        start = ly.start(1)
        before = aux.before_adverb.search(text, max(0, start - 14), start)
        if before:
            start = before.start(1)
    return start


def form_fits(m: re.Match[str], text: str, contraction: str | None = None) -> bool:
    """Whether the verb form fits its auxiliaries ("has said", "is saying"); a passive ("was told") does not.

    Args:
        m: a match of CuePatterns.verb_phrase.
        text: the article body.
        contraction: a contracted auxiliary glued to the subject before the cue ("'s"), if any.

    Returns:
        True for an active reporting verb.
    """
    kind = cue_lexicon().forms[m.group("verb")]
    auxes = [a for w in text[cue_start(m, text) : m.start("verb")].split() if (a := aux_kind(w))]
    if not auxes and contraction:
        # "he's saying" (be) or "he's said" (has): the verb form decides.
        if contraction.replace("’", "'") in ("'s", "'d"):
            return kind in ("ing", "past")
        contracted = aux_kind(contraction)
        auxes = [contracted] if contracted else []
    last = auxes[-1] if auxes else None
    if last is None:
        return kind in ("s", "past", "base")
    if last == "be":
        return kind == "ing"
    if last == "have":
        return kind == "past"
    return kind == "base"


def cue_span(m: re.Match[str], text: str) -> Span:
    """The span of a cue: auxiliaries and adverbs, the verb, a phrasal particle and a tail ("in a statement").

    Args:
        m: a match of CuePatterns.verb_phrase.
        text: the article body.

    Returns:
        (start, end) of the cue.
    """
    lex = cue_lexicon()
    start = cue_start(m, text)
    end = m.end("verb")
    particle = m.group("particle")
    if particle and particle.strip() in lex.phrasal.get(lex.base_of[m.group("verb")], ()):
        end = m.end("particle")
        if m.group("tail"):
            end = m.end("tail")
    elif not particle and m.group("tail"):
        end = m.end("tail")
    return start, end


def contraction_before(text: str, floor: int, cue_begin: int) -> re.Match[str] | None:
    """A contracted auxiliary right before a cue ("He’s not saying"); group 1 is the contraction.

    Args:
        text: the article body.
        floor: do not look before this offset (the sentence start).
        cue_begin: the cue's start.

    Returns:
        The match, or None.
    """
    near = text[max(floor, cue_begin - 5) : cue_begin]
    if "'" not in near and "’" not in near:
        return None
    return _CONTRACTION.search(text, max(floor, cue_begin - 5), cue_begin)


def has_auxiliary(text: str, start: int, end: int) -> bool:
    """Whether any word of text[start:end] is an auxiliary."""
    return any(aux_kind(w) for w in text[start:end].split())


def auxiliaries_in(text: str, start: int, end: int) -> list[str]:
    """The lowercased words of text[start:end], curly apostrophes made straight (a cue's pre-verb words)."""
    return text[start:end].lower().replace("’", "'").split()
