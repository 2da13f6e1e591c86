"""Clause-level patterns built from lexicons/clauses.txt: time adverbials, clause breaks, shares of a group."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Final

from tasks.lexicon import load_lexicon

LEXICON: Final = "statements/clauses"


def alternation(entries: Iterable[str]) -> str:
    """A regex alternation of literal entries, in their order, each escaped.

    Args:
        entries: literal words or phrases (a space matches one space).

    Returns:
        "a|b|c" with every entry passed through re.escape, for use inside a group.
    """
    return "|".join(re.escape(entry) for entry in entries)


def either_case_first(entries: Iterable[str]) -> str:
    """Like `alternation`, with the first letter of each entry matched in either case ("[Aa]bout").

    Args:
        entries: lowercase literal words or phrases.

    Returns:
        An alternation that matches each entry as written or sentence-initial.
    """
    return "|".join(
        f"[{entry[0].upper()}{entry[0]}]{re.escape(entry[1:])}" if entry[:1].isalpha() else re.escape(entry)
        for entry in entries
    )


@dataclass(frozen=True)
class ClausePatterns:
    """Compiled clause patterns; each field says where it is matched."""

    abbreviations: frozenset[str]  # lowercase words whose final period ends no sentence
    lead: re.Pattern[str]  # the adverbial and "that" between a cue and its complement
    interposed: re.Pattern[str]  # an adverbial between a subject and its cue, at the end of the window
    interposed_last: frozenset[str]  # last words of every interposed adverbial: a cheap test before `interposed`
    inverted_speaker_end: re.Pattern[str]  # what may follow the speaker of an inverted cue
    attribution_end: re.Pattern[str]  # what may follow the cue of a quote's attribution to close it
    after_cue: re.Pattern[str]  # after a clause-closing cue: adverbial, then the sentence end or a comma
    clause_break: re.Pattern[str]  # a clause boundary right before a later subject
    coordinated: re.Pattern[str]  # "and"/"but" right before a cue
    share: re.Pattern[str]  # a share of a group as the speaker of a poll finding, ending the window
    object_words: re.Pattern[str]  # a verb's object up to the first clause opener
    appositive_starts: frozenset[str]  # words that start a phrase appended after "CONTENT, X said,"
    time_words: frozenset[str]  # weekdays, months, time nouns and relative days, as written and capitalized


@cache
def clause_patterns() -> ClausePatterns:
    """Compile the clause patterns from the lexicon (once per process)."""
    lex = load_lexicon(LEXICON)
    weekdays = lex["weekdays"]
    day_parts = alternation(lex["day_parts"])
    days_and_times = alternation(weekdays + lex["time_nouns"])
    lead_times = alternation(weekdays + lex["time_nouns"] + lex["relative_days"])
    months, prepositions = alternation(lex["months"]), alternation(lex["interposed_prepositions"])
    interposed = re.compile(
        rf"(?:\s*,\s*(?:{alternation(lex['comma_interposed'])}|on \w+day)\s*,|"
        rf"\s+(?:(?:{alternation(lex['interposed_adverbs'])})\s+)?(?:{alternation(lex['time_determiners'])})\s+"
        rf"(?:{days_and_times})(?:\s+(?:{day_parts}))?|"
        rf"\s+(?:{prepositions})\s+(?:(?:{alternation(lex['period_prefixes'])})[- ])?(?:(?:{months})(?:\s+\d{{4}})?|\d{{4}})|"
        rf"\s+(?:{prepositions})\s+(?:{alternation(lex['medium_determiners'])})\s+(?:[\w-]+\s+){{0,2}}?"
        rf"(?:{alternation(lex['interposed_communications'])})|"
        rf"\s+(?:{alternation(weekdays + lex['bare_interposed'])}))\s*$"
    )
    interposed_words = (
        weekdays + lex["time_nouns"] + lex["day_parts"] + lex["bare_interposed"] + lex["months"]
        + lex["interposed_communications"]
    )
    return ClausePatterns(
        abbreviations=frozenset(lex["abbreviations"]),
        lead=re.compile(
            rf"[\s,:]*(?:(?:{alternation(lex['lead_time_determiners'])})?\s*(?:{lead_times})\b\s*"
            rf"(?:{day_parts})?\s*)?[\s,]*(?:that\b)?\s*"
        ),
        interposed=interposed,
        interposed_last=frozenset(entry.split()[-1] for entry in interposed_words + lex["comma_interposed"]),
        inverted_speaker_end=re.compile(
            rf"\s*(?:[.!?;,:—–)\"”]|$|(?:{alternation(lex['inverted_speaker_followers'])})\b)"
        ),
        attribution_end=re.compile(
            rf"(?:\s+(?:{alternation(lex['attribution_adverbial_openers'] + weekdays)})\b[^.!?;,\"“”]{{0,80}})?"
            r"(?:\s+[\w'’.-]+){0,3}?\s*(?:[.,;:!?\"“”—]|$)"
        ),
        after_cue=re.compile(
            rf"(?:\s+(?:{alternation(lex['after_cue_adverbial_openers'] + weekdays)})\b"
            r"(?:\s+(?!that\b)[\w'’.-]+){0,5})?"
            r"\s*(?:[.!?;][\"”’')]*\s*$|$|(?P<comma>,)\s*(?P<next>[\w'’]+)?|\s(?:—|--|–)\s)"
        ),
        clause_break=re.compile(
            rf"(?:[,;:—–][\"”’']?|\b(?:{alternation(lex['clause_conjunctions'])})\b)\s*(?:\w+\s*){{0,1}}$"
        ),
        coordinated=re.compile(rf"(?:{_word_starts(lex['coordinators'])}),?\s+$"),
        share=_share_pattern(lex),
        object_words=re.compile(
            rf"(?:\s+(?!(?:{alternation(lex['clause_openers'])})\b)[\w'’.-]+){{1,8}}"
        ),
        appositive_starts=frozenset(lex["appositive_starts"]),
        time_words=frozenset(
            form
            for word in weekdays + lex["time_nouns"] + lex["relative_days"] + lex["months"]
            for form in (word, word[:1].upper() + word[1:])
        ),
    )


def _word_starts(entries: Iterable[str]) -> str:
    """An alternation of literal entries that each start at a word boundary."""
    return "|".join(r"\b" + re.escape(entry) for entry in entries)


def _share_pattern(lex: dict[str, tuple[str, ...]]) -> re.Pattern[str]:
    """ "About four in 10", "72 percent of voters", "half of the Democrats": a share ending the window."""
    return re.compile(
        rf"(?<![\w,.])(?:(?:{either_case_first(lex['share_hedges'])})\s+)?"
        rf"(?:(?:\d[\d,.]*\s*(?:%|percent)|{either_case_first(lex['share_quantities'])})"
        rf"|(?:\d+|{either_case_first(lex['share_counts'])})\s+in\s+(?:\d+|{alternation(lex['share_bases'])}))"
        r"(?:,\s*\d[\d,.]*\s*(?:%|percent),)?"
        rf"(?:\s+in\s+all\s+\w+)?(?:\s+of\s+(?:(?:{alternation(lex['share_determiners'])})\s+)?"
        r"(?:[A-Z][\w-]*|[\w-]+s)(?:\s+[\w-]+){0,3})?(?=\s*$)"
    )
