"""Tests for tasks/statements/rare.py: one row per rare-cue rule."""

from __future__ import annotations

import re

import pytest

from tasks.statements.cue_index import fold
from tasks.statements.rare import RareCues, _rare, rare_patterns
from tasks.statements.spans import SpanSet
from tests.statements.checks import rule_row

# One row per rule: (rule, text, speaker, cue, kind, content). Sentences written for these tests.
RARE_ROWS = [
    ("according_to_first", "According to the Daily Ledger, the factory will reopen next month.",
     "the Daily Ledger", "According to", "indirect", "the factory will reopen next month"),
    ("according_to_last", "Ticket prices will rise by ten percent, according to the transit authority.",
     "the transit authority", "according to", "indirect", "Ticket prices will rise by ten percent"),
    ("according_to_middle", "The main risks, according to the auditors, are the pension fund and the debt.",
     "the auditors", "according to", "indirect", "The main risks \u2026 are the pension fund and the debt"),
    # An appositive after the source describes it; it is not more of what the source reports.
    ("according_to_last", "The trust has 300 members, according to the Harbour League, an advocacy group.",
     "the Harbour League", "according to", "indirect", "The trust has 300 members"),
    # A clause that ends in a colon before "according to" is the writer's: the source's words follow the source.
    ("according_to_first", "The change did not go unnoticed: according to the harbour board, ferry trips fell by half.",
     "the harbour board", "according to", "indirect", "ferry trips fell by half"),
    ("passive_by", "The merger was first reported by the Evening Courier.",
     "the Evening Courier", "was first reported by", "indirect", "The merger"),
    ("asked_passive", "Asked by a reporter whether the plant would close, the mayor shrugged.",
     "a reporter", "Asked by a reporter", "indirect", "whether the plant would close"),
    # A passive "asked" with its auxiliary: the one asked and the question are two fragments around the cue.
    ("asked_passive", "The harbor master was once asked how the storm wall would hold.",
     "", "was once asked", "indirect", "The harbor master \u2026 how the storm wall would hold"),
    ("passive_it", "It was reported that the factory had been sold to a foreign buyer.",
     "", "was reported", "indirect", "the factory had been sold to a foreign buyer"),
    ("passive_it", "It has been widely rumoured that the club will move north.",
     "", "has been widely rumoured", "indirect", "the club will move north"),
    ("reportedly", "The striker reportedly turned down an offer from a rival club.",
     "", "reportedly", "indirect", "The striker reportedly turned down an offer from a rival club"),
    # [passive_report_frames]: a passive of judging speech with nobody named; its subject and its complement
    # are the content, two fragments around the cue.
    ("passive_report", "The port director was accused of hiding the safety report from the council.",
     "", "was accused of", "indirect", "The port director \u2026 hiding the safety report from the council"),
    ("passive_report", "The agency has been widely criticized for the delays at the border.",
     "", "has been widely criticized for", "indirect", "The agency \u2026 the delays at the border"),
    # An adverb inside the perfect passive's auxiliary ("have sometimes been"); "sometimes" is an [adverbs] entry.
    ("passive_report", "The inspectors have sometimes been accused of ignoring the smaller ports.",
     "", "have sometimes been accused of", "indirect", "The inspectors \u2026 ignoring the smaller ports"),
    # Passive raising with "say" ([passive_report_frames] "said to be"): hearsay with nobody named.
    ("passive_report", "Several board members are said to be urging the mayor to delay the vote.",
     "", "are said to be", "indirect", "Several board members \u2026 urging the mayor to delay the vote"),
]


@pytest.mark.parametrize(("rule", "text", "speaker", "cue", "kind", "content"), RARE_ROWS)
def test_rare_rule(rule: str, text: str, speaker: str, cue: str, kind: str, content: str) -> None:
    assert rule_row(text) == (rule, speaker, cue, kind, content)


def test_every_pattern_has_needles_that_its_matches_contain() -> None:
    # Matches are tried only where a needle stands in the fold: a match with no needle at its offset would be
    # missed.
    patterns = rare_patterns()
    for rare, sample in [
        (patterns.according, "as reported by the paper"),
        (patterns.hedged, "allegedly"),
        (patterns.passive_by, "disclosed by the"),
        (patterns.it_passive, "It will be announced that"),
        (patterns.asked, "asked whether"),
        (patterns.passive_report, "was blamed for"),
    ]:
        m = rare.pattern.search(sample)
        assert m, sample
        folded = fold(sample)  # text[i] is folded[i + 1]
        assert any(folded.startswith(needle, m.start() + 1 + offset) for needle, offset in rare.needles), sample


def test_a_needle_the_fold_cannot_hold_is_refused() -> None:
    with pytest.raises(ValueError, match="fold does not keep"):
        _rare((("said,", 0),), re.compile("said,"))


def test_rare_cues_are_found_across_line_breaks_and_curly_quotes() -> None:
    # The fold turns a line break into a space and keeps one byte per character, so an offset after a curly
    # quote still points at the body's own character.
    text = "“Yes,” she said.\nThe report was disclosed\nby the agency, and it was reported that it rained."
    rare = RareCues(text, fold(text), SpanSet([]))
    assert [text[m.start() : m.end()] for m in rare.passive_by_at] == ["disclosed\nby "]
    assert [m.group("pitcue") for m in rare.it_passive_at] == ["was reported"]
