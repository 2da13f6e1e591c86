"""Tests for tasks/statements/complements.py: requests and invitations are no reports, one row per frame."""

from __future__ import annotations

import pytest

from tasks.statements import extract_statements
from tasks.statements.complements import request_or_invitation
from tasks.statements.cues import cue_lexicon, cue_patterns
from tasks.statements.verbs import cue_span


@pytest.mark.parametrize(
    ("text", "is_request"),
    [
        ("farmers asked the state on Monday for a grant", True),  # [request_frames] after the object
        ("the guild will ask for a bigger share", True),  # a modal plan to ask for something
        ("tenants ask for repairs", False),  # a bare "ask for" stays a cue
        ("parents can comment on the timetable", True),  # [permission_not_speech] after [permission_modals]
        ("the agency would not comment on the audit", False),  # negated: a refusal, not an invitation
    ],
)
def test_request_or_invitation(text: str, is_request: bool) -> None:
    m = cue_patterns().verb_phrase.search(text)
    assert m is not None
    base = cue_lexicon().base_of[m.group("verb")]
    assert request_or_invitation(text, cue_span(m, text), m, base, len(text)) is is_request


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # [speech_nouns] + [topic_prepositions]: the object names a topic, not what was said.
        ("The mayor repeated her warning about the harbor bridge on Wednesday.", None),
        ("The union voiced concerns over the new timetable.", None),
        ("The mayor repeated her warning that the harbor bridge was unsafe.",
         "her warning that the harbor bridge was unsafe"),  # a that-clause says what the warning was
        ("He said the concerns about the bridge were overblown.",
         "the concerns about the bridge were overblown"),  # an auxiliary after it: the noun heads a clause
    ],
)
def test_a_speech_noun_with_its_topic_reports_no_content(text: str, content: str | None) -> None:
    assert [s.content for s in extract_statements(text)] == ([content] if content else [])
