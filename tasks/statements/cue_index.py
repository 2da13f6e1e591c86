"""Where the cue phrases of one body can start, found once with byte-level string operations, so that the cue
regex runs only there instead of at every character of every window the rules read."""

from __future__ import annotations

import bisect
import re
import string
from dataclasses import dataclass
from functools import cache
from typing import Final

from tasks.statements.cues import cue_lexicon, cue_patterns

# A character of a cue word, as the cue regex's word boundaries read it.
_WORDISH: Final = re.compile(r"[\w'’-]")
# The characters of every cue word, kept by the byte-level fold; every other character becomes a space.
KEPT: Final = string.ascii_letters + string.digits + "_'-"


@dataclass(frozen=True)
class CueWords:
    """The words a cue phrase is made of, as bytes of the folded body (see CueIndex)."""

    verbs: frozenset[bytes]  # every verb form
    chain: frozenset[bytes]  # every word of an auxiliary or adverb that may stand before the verb
    verb_forms: frozenset[str]  # the verb forms as text, for a window that cuts a word
    longest_form: int  # characters of the longest verb form
    fold: bytes  # bytes.translate table: kept characters stay, every other byte becomes a space


@cache
def cue_words() -> CueWords:
    """The cue words of lexicons/cues.txt, checked to be made of kept characters only (once per process).

    Raises:
        ValueError: a cue word holds another character; the byte-level search would miss it.
    """
    lex = cue_lexicon()
    chain = {word.replace("’", "'") for entry in lex.auxiliaries + lex.adverbs for word in entry.split()}
    odd = sorted(word for word in set(lex.forms) | chain if word.strip(KEPT))
    if odd:
        raise ValueError(f"cue words outside [A-Za-z0-9_'-], which CueIndex cannot find: {odd}")
    fold = bytearray(b" " * 256)
    for char in KEPT.encode("ascii"):
        fold[char] = char
    return CueWords(
        verbs=frozenset(form.encode("ascii") for form in lex.forms),
        chain=frozenset(word.encode("ascii") for word in chain),
        verb_forms=frozenset(lex.forms),
        longest_form=max(map(len, lex.forms)),
        fold=bytes(fold),
    )


def fold(text: str) -> bytes:
    """The body as one byte per character, with a space before and after: ASCII word characters, "'" (also
    for "’") and "-" kept, every other character a space.

    A cue word stands between two spaces of the fold wherever the cue regex can read it as a word (the fold
    may show more such words than the body holds, never fewer), and text[i] is fold[i + 1].
    """
    latin = (" " + text.replace("’", "'") + " ").encode("latin-1", "replace")  # one byte per character
    return latin.translate(cue_words().fold)


def _chain_before(folded: bytes, verb_at: int, chain: frozenset[bytes]) -> list[int]:
    """The body offsets of the auxiliaries and adverbs that stand, parted by spaces of the fold only, before
    the verb at fold offset `verb_at` ("has also" of "has also said"), nearest first."""
    out = []
    end = verb_at - 1  # the space before the verb
    while end > 0:
        while end > 0 and folded[end - 1] == 0x20:
            end -= 1
        word_start = folded.rfind(b" ", 0, end) + 1
        if word_start == 0 or folded[word_start:end] not in chain:
            break
        out.append(word_start - 1)
        end = word_start - 1
    return out


def cue_starts(folded: bytes) -> list[int]:
    """Every offset where a cue phrase may start: each verb form, and each word of a run of auxiliaries and
    adverbs that reaches one.

    Args:
        folded: the article body as `fold` gives it.

    Returns:
        Sorted offsets; the cue regex matches at no other offset of any window of the body that ends
        between two words.
    """
    words = cue_words()
    verbs = words.verbs.intersection(folded.split())
    starts: set[int] = set()
    for verb in verbs:
        size = len(verb)
        i = folded.find(verb)
        while i >= 0:
            if folded[i - 1] == 0x20 and folded[i + size] == 0x20:
                starts.add(i - 1)
                starts.update(_chain_before(folded, i, words.chain))
            i = folded.find(verb, i + 1)
    return sorted(starts)


class CueIndex:
    """The cue phrases of one body: the matches of CuePatterns.verb_phrase in any window, as its own search
    of that window would give them."""

    def __init__(self, text: str) -> None:
        """Find where a cue phrase may start.

        Args:
            text: the article body.
        """
        self.text = text
        self.folded = fold(text)  # also what RareCues searches for its needles
        self.starts = cue_starts(self.folded)
        self._pattern = cue_patterns().verb_phrase

    def matches(self, start: int, end: int) -> list[re.Match[str]]:
        """The matches of `verb_phrase.finditer(text, start, end)`, tried only where a cue may start.

        Args:
            start: the window's start.
            end: the window's end.

        Returns:
            The same matches, in order.
        """
        return self._scan(start, end, first_only=False)

    def first(self, start: int, end: int) -> re.Match[str] | None:
        """The first match of `verb_phrase.search(text, start, end)`, or None."""
        found = self._scan(start, end, first_only=True)
        return found[0] if found else None

    def _scan(self, start: int, end: int, first_only: bool) -> list[re.Match[str]]:
        """The matches of the window in order, as a scan of it finds them (only the first if `first_only`)."""
        text, pattern, starts = self.text, self._pattern, self.starts
        if self._cuts_a_verb(end):
            found = list(pattern.finditer(text, start, end))  # rare: scan the window itself
            return found[:1] if first_only else found
        out: list[re.Match[str]] = []
        i = bisect.bisect_left(starts, start)
        pos = start  # matches do not overlap, as in a scan
        while i < len(starts) and starts[i] < end:
            if starts[i] >= pos:
                m = pattern.match(text, starts[i], end)
                if m is not None:
                    out.append(m)
                    if first_only:
                        break
                    pos = m.end()
            i += 1
        return out

    def _cuts_a_verb(self, end: int) -> bool:
        """Whether a window ending at `end` cuts a word whose part inside it is a verb form ("say" of "sayonara"):
        a cue there that the body's own words never hold."""
        text = self.text
        if end <= 0 or end >= len(text) or not _WORDISH.match(text, end) or not _WORDISH.match(text, end - 1):
            return False
        words = cue_words()
        for length in range(1, min(end, words.longest_form) + 1):
            if text[end - length : end] in words.verb_forms and (
                length == end or not _WORDISH.match(text, end - length - 1)
            ):
                return True
        return False
