"""Tests for tasks/statements/mentions.py: mention boundaries before and after a cue, and types as written."""

from __future__ import annotations

import pytest

from tasks.statements.mentions import mention_after, mention_before, speaker_type


@pytest.mark.parametrize(
    ("mention", "kind"),
    [
        ("Jane Doe", "person"),
        ("Mr. Okafor", "person"),
        ("the city's deputy mayor", "person"),
        ("a spokeswoman", "anonymous"),
        ("the sources", "anonymous"),
        ("officials", "anonymous"),
        ("two senior diplomats", "anonymous"),
        ("the Daily Ledger", "publication"),
        ("The Morning Post", "publication"),
        ("the newspaper", "publication"),
        ("the Finance Ministry", "organization"),
        ("the regional government", "organization"),
        ("the United Kingdom", "organization"),
        ("Officials at the Finance Ministry", "anonymous"),  # the head comes before the preposition
        ("Bank of Lisbon", "organization"),
        ("the FBI", "organization"),
        ("The Committee for Safer Streets", "organization"),
        ("The Daily Beacon", "publication"),
        ("she", "unresolved"),  # a pronoun's type comes from its antecedent
        ("the councillor", "person"),
    ],
)
def test_speaker_type(mention: str, kind: str) -> None:
    assert speaker_type(mention) == kind


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Later that day, the sources", "the sources"),
        ("Aside from what the regional council", "the regional council"),
        ("On Friday, Ana Ruiz and Carl Mendes", "Ana Ruiz and Carl Mendes"),
        ("But Sen. J. R. Hollis", "Sen. J. R. Hollis"),
        ("A spokesman for the port authority", "A spokesman for the port authority"),
        ("Residents met the developers", "the developers"),  # a determiner after a verb opens the mention
        # Longer than the 48 characters read first: the scan reads on over the whole window.
        ("Yesterday, White House deputy press secretary Josh Earnest", "White House deputy press secretary Josh Earnest"),
        ("On Monday, officials at the regional port authority of Kessel Bay", "officials at the regional port authority of Kessel Bay"),
    ],
)
def test_mention_before(text: str, mention: str) -> None:
    span = mention_before(text, len(text), 0)
    assert span is not None and text[span[0] : span[1]] == mention


@pytest.mark.parametrize(
    "text",
    [
        "The report says it is wrong and",
        "when",
        "of the",
        "a b c d e f g h i j k l m n o p q r s t u v w x y z",  # eleven words or more: too long for a subject
        # no stop in the whole 110-character window: too long for a subject
        "Brightwaters Northfield Eastbourne Westminster Southampton Porthcawl Aberystwyth Llandudno Carmarthen Haverfordwest",
    ],
)
def test_no_mention_before(text: str) -> None:
    assert mention_before(text, len(text), 0) is None


def test_mention_after_stops_at_appositive_and_time() -> None:
    text = " Maria Lopez, a spokeswoman"
    span = mention_after(text, 0, len(text))
    assert span is not None and text[span[0] : span[1]] == "Maria Lopez"
    assert mention_after(" Tuesday that", 0, 13) is None
