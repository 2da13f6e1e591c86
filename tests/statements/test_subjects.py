"""Tests for tasks/statements/subjects.py: clause subjects, appositives, affiliations, documents, labels."""

from __future__ import annotations

import pytest

from tasks.statements.subjects import (
    appositive_subject,
    before_affiliation,
    is_document,
    is_label,
    leading_mention,
    names_a_speaker,
    share_before,
    subject_at,
)


def _text(text: str, span: tuple[int, int] | None) -> str | None:
    return text[span[0] : span[1]] if span else None


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("PARIS \u2014 The minister said", "The minister"),  # a dateline comes first
        ("Meanwhile, Ada Lind said", "Ada Lind"),  # an opener is skipped
        ("Walking to the door, Ada Lind said", "Ada Lind"),  # a participle clause is skipped
    ],
)
def test_subject_at(text: str, subject: str) -> None:
    assert _text(text, subject_at(text, 0, text.index(" said"))) == subject


def test_before_affiliation() -> None:
    text = "Sen. Jane Doe (D-Ohio) said"
    assert text[: before_affiliation(text, text.index("said"), 0)].rstrip() == "Sen. Jane Doe"


def test_leading_mention_takes_the_name_before_an_appositive() -> None:
    text = "Paul Grant, a farmer from the valley, said"
    assert _text(text, leading_mention(text, 0, text.index("said"), opener=True)) == "Paul Grant"


@pytest.mark.parametrize(("mention", "document"), [("the survey", True), ("campaign records", True), ("the mayor", False)])
def test_is_document(mention: str, document: bool) -> None:
    assert is_document(mention, (0, len(mention))) is document


@pytest.mark.parametrize(
    ("name", "text", "label"),
    [
        ("Update", "Update: the road is open.", True),  # [colon_not_speakers]
        ("Editor's note", "Editor's note: this story was corrected.", True),
        ("Okafor", "Okafor: we will win.", False),
        ("WATCH BELOW", "WATCH BELOW: the mayor on the bridge.", True),  # an all-capitals label
        ("PENCE", "PENCE: We will win.\nMike Pence spoke in Ohio.", False),  # named in ordinary case too
        ("WALLACE", "WALLACE: Why?\nPENCE: Because.\nWALLACE: Really?", False),  # a transcript's speaker recurs
    ],
)
def test_is_label(name: str, text: str, label: bool) -> None:
    assert is_label(name, text) is label


@pytest.mark.parametrize(
    ("text", "mention", "names"),
    [("Smith claims", "Smith", True), ("He claims", "He", True), ("the Fifth Amendment claims", "Fifth Amendment", False),
     ("many Republican claims", "Republican", False)],
)
def test_names_a_speaker(text: str, mention: str, names: bool) -> None:
    start = text.index(mention)
    assert names_a_speaker(text, (start, start + len(mention)), 0) is names


def test_share_before() -> None:
    text = "Nearly half of the voters"
    assert _text(text, share_before(text, 0, len(text))) == text


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("The ferry is late, and Tom Okafor, the port's director, said", "Tom Okafor"),
        ("Officials at the port, a public body, said", "Officials at the port"),
        ("Clinton, in particular, said", "Clinton"),
        ("Pay rose, inflation fell, said", None),  # no mention opens a clause before the last comma
        ('The plan, "a gift to landlords," said', None),  # a quote is no appositive
    ],
)
def test_appositive_subject(text: str, subject: str | None) -> None:
    end = text.rindex(" ") + 1
    span = appositive_subject(text, 0, end)
    assert (text[span[0] : span[1]] if span else None) == subject
