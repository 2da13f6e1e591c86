"""Tests for tasks/statements/assemble.py: quotes that continue a statement, kinds, one row per span."""

from __future__ import annotations

import pytest

from tasks.statements import extract_statements
from tests.statements.checks import check_offsets, only


def test_reported_speech_continues_into_a_bare_quote() -> None:
    # A quote with no cue of its own right after reported speech goes on with the same speaker.
    text = "The coach said the team was tired. \u201cWe played three games in five days.\u201d\n\nThe season ends in May."
    s = only(text)
    assert s.speaker == "The coach" and s.kind == "mixed"
    assert s.content == "the team was tired \u2026 We played three games in five days."


def test_a_quote_opened_in_reported_speech_runs_to_its_close() -> None:
    text = 'She added that the plan should "be read with care. It was written in a hurry." Nobody replied.'
    s = only(text)
    assert s.content == 'the plan should "be read with care. It was written in a hurry.'


def test_a_short_scare_quote_leaves_reported_speech_indirect() -> None:
    s = only('The minister said the plan was blocked by "political games" in the council.')
    assert s.kind == "indirect"


def test_statements_come_in_text_order_with_distinct_spans() -> None:
    text = (
        "The mayor said the road would reopen. \u201cWe are nearly there,\u201d the engineer said.\n\n"
        "According to the council, the work cost two million."
    )
    rows = extract_statements(text)
    check_offsets(text, rows)
    starts = [r.content_start for r in rows]
    assert starts == sorted(starts) and len({(r.content_start, r.content_end) for r in rows}) == len(rows)


@pytest.mark.parametrize(
    ("text", "fragments"),
    [
        # The next sentence opens with a bare quote: the same speaker goes on (one more fragment).
        ("\u201cThe yard is full,\u201d said Tom Okafor, who runs the port. \u201cWe need two more cranes.\u201d",
         ["The yard is full", "We need two more cranes."]),
        ("The fares will rise, the agency said on Monday. \u201cThere is no other way to pay for it.\u201d",
         ["The fares will rise", "There is no other way to pay for it."]),
        # A quote that another statement holds, or that has its own speaker, is not the first speaker's.
        ("\u201cThe yard is full,\u201d said Tom Okafor. \u201cWe need two more cranes,\u201d Grace Mbeki said.",
         ["The yard is full"]),
        ("\u201cThe yard is full,\u201d said Tom Okafor. \u201cCranes\u201d are late.", ["The yard is full"]),  # too short
    ],
)
def test_a_quote_after_the_attribution_sentence_continues_it(text: str, fragments: list[str]) -> None:
    rows = extract_statements(text)
    check_offsets(text, rows)
    assert [text[a:b] for a, b in rows[0].fragments] == fragments
