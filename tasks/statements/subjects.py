"""The subject of a cue: the mention opening a clause, appositives, party affiliations, documents and polls."""

from __future__ import annotations

import re
from typing import Final

from tasks.statements.clauses import clause_patterns
from tasks.statements.mentions import mention_after, mention_before, speaker_type
from tasks.statements.spans import Span
from tasks.statements.speaker_words import UNRESOLVED, speaker_words

_WORD: Final = re.compile(r"[\w][\w'’-]*")
_OPENER_GAP: Final = re.compile(r"[\s,]+")
_DATELINE: Final = re.compile(r"[A-Z][A-Z .,'’-]{2,40}\s*[—–-]+\s*")
# A party affiliation between a name and its cue: "Sen. Jane Doe (D-Ohio) said", "Jane Doe, R-Texas, said".
_AFFILIATION: Final = re.compile(r"\s*\([^()]{1,25}\)\s*$|,\s*[RDI]-[A-Z][\w.]{1,12},?\s*$")
# An aside set off by dashes right before a cue: the subject ends before the opening dash.
_DASHES: Final = ("—", "―", "--")
_DASH_ASIDE: Final = re.compile(r"\s+(?:—|―|--)\s*[^—―\n]*?[^\s—―-][^—―\n]*?\s*(?:—|―|--)\s*$")
_DASH_ASIDE_REACH: Final = 160
_AFFILIATION_AFTER: Final = re.compile(r"\s*\([^()]{1,25}\)")
_MAX_APPOSITIVE_WORDS: Final = 30
_APPOSITIVE_COMMAS: Final = 3  # commas an appositive may hold ("Jane Doe, the director of X, a union, said")
# What may stand before a subject inside a sentence: a comma, a closing quote, a dash, "and"/"but".
_CLAUSE_START: Final = re.compile(r"(?:[,;:—–]|[\"”’']|''|\band|\bbut)\s*$")
_QUOTE_MARKS: Final = ("\"", "“", "”", "''")


def before_affiliation(text: str, end: int, floor: int) -> int:
    """Move a subject end before a party affiliation ('Sen. Jane Doe (D-Ohio) said').

    Args:
        text: the article body.
        end: where the subject would end (the cue start).
        floor: do not look before this offset.

    Returns:
        The subject end, before the affiliation if there is one.
    """
    tail = text[max(floor, end - 3) : end].rstrip()
    m = _AFFILIATION.search(text, max(floor, end - 30), end) if tail.endswith((")", ".,", ",", ".")) else None
    if m:
        return m.start()
    if tail.endswith(_DASHES):
        # "Intelligence officials — including the NSA director — have argued": an aside between dashes
        aside = _DASH_ASIDE.search(text, max(floor, end - _DASH_ASIDE_REACH), end)
        if aside and aside.start() > floor:
            return aside.start()
    return end


def is_document(text: str, speaker: Span, anywhere: bool = False) -> bool:
    """Whether a speaker mention is a document or poll ("the survey", "campaign finance records").

    Args:
        text: the article body.
        speaker: the mention's span.
        anywhere: any of its words may be the document ("the average of polls taken ..."), not just the head.

    Returns:
        True for a document, poll or study.
    """
    words = text[speaker[0] : speaker[1]].lower().split()
    heads = speaker_words().document_heads
    return any(w.strip(",.’'s") in heads or w in heads for w in words) if anywhere else words[-1] in heads


def is_time_head(text: str, speaker: Span) -> bool:
    """Whether a mention ends in a capitalized time word ("Tuesday"): an adverbial, not a speaker."""
    return text[speaker[0] : speaker[1]].split()[-1] in speaker_words().time_words


def is_label(name: str, text: str) -> bool:
    """Whether "Name:" is a label ("Update:", "The Latest:", "WATCH BELOW:") rather than a speaker.

    An all-capitals "NAME:" is a transcript's speaker only when it opens several lines, as a transcript's
    speakers do, or the article writes that name in ordinary case too ("PENCE:" beside "Mike Pence");
    otherwise it is a section label ("ENERGY:", "KEEPING SCORE:").

    Args:
        name: the words before the colon.
        text: the article body.

    Returns:
        True for a label.
    """
    labels = speaker_words().colon_labels
    if name.lower() in labels or name.split()[-1].lower() in labels:
        return True
    last = name.split()[-1]
    if len(last) < 2 or not last.isupper() or text.count(f"{name}:") > 1:
        return False
    return re.search(rf"\b{re.escape(last.title())}\b", text) is None


def subject_at(text: str, start: int, end: int) -> Span | None:
    """The mention opening a clause, past sentence openers, a dateline ("PARIS —") and a participle clause.

    Args:
        text: the article body.
        start: the clause start.
        end: do not look past this offset (the cue).

    Returns:
        The mention's span, or None.
    """
    words = speaker_words()
    dateline = _DATELINE.match(text, start, end)
    if dateline:
        start = dateline.end()
    m = _WORD.match(text, start)
    while m and m.group() in words.openers:
        gap = _OPENER_GAP.match(text, m.end())
        m = _WORD.match(text, gap.end() if gap else m.end())
    if m and ((m.group().endswith("ing") and m.group()[:1].isupper()) or m.group().lower() in words.prepositions):
        # "Walking to the door, Jane said ...": the subject follows the participle clause.
        comma = text.find(",", m.end(), end)
        m = _WORD.search(text, comma + 1, end) if comma > 0 else None
    if not m:
        return None
    return mention_after(text, m.start(), end)


def appositive_subject(text: str, floor: int, subject_end: int) -> Span | None:
    """The subject before an appositive that ends right before a cue, anywhere in a sentence: "..., Jane Doe,
    the port's director, said", "Clinton, a Democrat, did not mention", "Trump, in particular, has criticized".

    Args:
        text: the article body.
        floor: the sentence start.
        subject_end: where a subject right before the cue would end (after the appositive's comma).

    Returns:
        The mention, or None when no named or typed mention opens a clause before the appositive.
    """
    comma = text.rfind(",", floor, subject_end)
    if comma < 0 or text[comma + 1 : subject_end].strip():
        return None
    pos = comma
    for _ in range(_APPOSITIVE_COMMAS):
        start = text.rfind(",", floor, pos)
        if start < 0:
            return None
        appositive = text[start + 1 : comma]
        if len(appositive.split()) > _MAX_APPOSITIVE_WORDS or any(q in appositive for q in _QUOTE_MARKS):
            return None
        speaker = mention_before(text, start, floor)
        if speaker is not None and speaker_type(text[speaker[0] : speaker[1]]) != UNRESOLVED and (
            not text[floor : speaker[0]].strip() or _CLAUSE_START.search(text, floor, speaker[0])
        ):
            return speaker
        pos = start
    return None


def leading_mention(text: str, start: int, cue_begin: int, opener: bool) -> Span | None:
    """The mention at `start` followed by appositives up to the cue ("Jane Doe, a spokeswoman, said").

    Args:
        text: the article body.
        start: where the mention must start (a sentence start, or right after a quote).
        cue_begin: the cue's start; a comma must close the appositive before it.
        opener: whether sentence openers and a dateline may come before the mention.

    Returns:
        The mention's span, or None.
    """
    if not text[start:cue_begin].rstrip().endswith(","):
        return None
    if opener:
        speaker = subject_at(text, start, cue_begin)
    else:
        first = _WORD.search(text, start, cue_begin)
        speaker = mention_after(text, first.start(), cue_begin) if first else None
        if speaker is not None and text[start : speaker[0]].strip(" ,"):
            return None
    if speaker is None:
        return None
    after = _AFFILIATION_AFTER.match(text, speaker[1], cue_begin)  # "Sen. Jane Doe (D-Ohio), ..."
    comma_at = after.end() if after else speaker[1]
    if not text.startswith(",", comma_at):
        return None
    middle = text[comma_at + 1 : cue_begin].strip()
    if not middle.endswith(",") or len(middle.split()) > _MAX_APPOSITIVE_WORDS:
        return None
    return speaker


def names_a_speaker(text: str, speaker: Span, sentence_begin: int) -> bool:
    """Whether a mention before a noun-like cue form ("claims", "calls") makes it a verb.

    "Smith claims ..." yes; "the Fifth Amendment claims", "many Republican claims" no.

    Args:
        text: the article body.
        speaker: the mention's span.
        sentence_begin: the sentence start.

    Returns:
        True for a pronoun or a name not preceded by a determiner or preposition.
    """
    words = speaker_words()
    tokens = text[speaker[0] : speaker[1]].split()
    if len(tokens) == 1 and tokens[0].lower() in words.subject_pronouns:
        return True
    if tokens[0].lower() in words.lead_words:
        tokens = tokens[1:]
    before = text[max(sentence_begin, speaker[0] - 12) : speaker[0]].split()
    if before and (before[-1].lower() in words.lead_words or before[-1].lower() in words.prepositions):
        return False
    return any(w[:1].isupper() for w in tokens)


def share_before(text: str, floor: int, end: int) -> Span | None:
    """A share of a group ending at `end` that speaks for a poll ("About four in 10 said").

    Args:
        text: the article body.
        floor: the sentence start.
        end: the subject end.

    Returns:
        The share's span, or None.
    """
    share = clause_patterns().share.search(text, max(floor, end - 50), end)
    return (share.start(), share.end()) if share else None
