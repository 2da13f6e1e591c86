"""Tests for tasks/statements/direct.py: one row per direct-quote rule, split and continued quotes."""

from __future__ import annotations

import pytest

from tasks.statements import extract_statements
from tests.statements.checks import check_offsets, only, rule_row

# One row per rule: (rule, text, speaker, cue, kind, content). Sentences written for these tests.
DIRECT_ROWS = [
    ("quote_then_said", "\u201cThe bridge will open in May,\u201d the mayor said.",
     "the mayor", "said", "direct", "The bridge will open in May"),
    ("quote_then_said", '"We are not done yet," Jane Porter, a spokeswoman for the league, said on Monday.',
     "Jane Porter", "said", "direct", "We are not done yet"),
    ("quote_said_name", "\u201cNobody expected the vote to be this close,\u201d said Carl Mendes, a pollster.",
     "Carl Mendes", "said", "direct", "Nobody expected the vote to be this close"),
    ("said_then_quote", "The governor told reporters: \u201cThe budget is balanced and the schools are funded.\u201d",
     "The governor", "told reporters", "direct", "The budget is balanced and the schools are funded."),
    # A short quote, then a verb of telling and the one it told: the cue closes the quote's sentence.
    ("quote_then_said", "\u201cIt is doable,\u201d Ana Ruiz told the Harbour Gazette on Monday.",
     "Ana Ruiz", "told", "direct", "It is doable"),
    # A short title-case quote after a word that introduces a title ([title_openers]) names a work: no fragment.
    ("quote_then_said", "\u201cBeing a parent is my job,\u201d Ana Ruiz said on the podcast \u201cHarbour Talk Tonight.\u201d",
     "Ana Ruiz", "said", "direct", "Being a parent is my job"),
    # ... and a title that opens the attribution's sentence is no quote of the speaker: the cue reports its clause.
    ("speaker_said_that", 'During an appearance on "Harbour Talk Tonight," Ana Ruiz said the pier would reopen in May.',
     "Ana Ruiz", "said", "indirect", "the pier would reopen in May"),
    # A split quote is one statement of two fragments; the attribution between them is left out.
    ("quote_then_said", "\u201cThe plan is ready,\u201d she said, \u201cbut the money is not.\u201d",
     "she", "said", "direct", "The plan is ready \u2026 but the money is not."),
    # A one-word quote opens a split quote; a long appositive may sit between the fragments.
    ("quote_then_said", "\u201cHopefully,\u201d the mayor said, \u201cthe bridge opens in May.\u201d",
     "the mayor", "said", "direct", "Hopefully \u2026 the bridge opens in May."),
    ("quote_said_name", "\u201cThe tide is rising,\u201d said Ana Ruiz, an engineer who has studied the harbour walls of "
     "three ports for the regional water board since the floods. \u201cWe need new walls.\u201d",
     "Ana Ruiz", "said", "direct", "The tide is rising \u2026 We need new walls."),
    # [verbs_regular] "exclaim": a split quote around "the coach exclaimed".
    ("quote_then_said", "\u201cEverything we tried,\u201d the coach exclaimed, \u201cworked on the night.\u201d",
     "the coach", "exclaimed", "direct", "Everything we tried \u2026 worked on the night."),
    # A sentence opened by a '' quote mark ends the one before it: the quote after the attribution goes on.
    ("quote_said_name", "''The pier is safe,'' said Ana Ruiz, who worked with Mr. Okafor. ''We tested every beam.''",
     "Ana Ruiz", "said", "direct", "The pier is safe \u2026 We tested every beam."),
    # An attribution set off by commas inside a sentence whose quote goes on in lowercase: the words that open
    # the sentence before it are the first fragment (unquoted, so the statement is mixed).
    ("said_then_quote", "So when the bank closed its doors, Mr. Okafor said, \u201cwe were floored.\u201d",
     "Mr. Okafor", "said", "mixed", "So when the bank closed its doors \u2026 we were floored."),
    ("quote_dash_name", "\u201cThe library saved my summer.\u201d \u2015 Dana Whitfield\n\nMore letters arrived.",
     "Dana Whitfield", "\u2015", "direct", "The library saved my summer."),
    ("name_colon_line", "Okafor: The budget leaves the north behind.",
     "Okafor", ":", "indirect", "The budget leaves the north behind"),
    ("name_colon_quote", 'The candidates disagreed. Lindqvist: "We must cut the tax on fuel now."',
     "Lindqvist", ":", "direct", "We must cut the tax on fuel now."),
]


@pytest.mark.parametrize(("rule", "text", "speaker", "cue", "kind", "content"), DIRECT_ROWS)
def test_direct_rule(rule: str, text: str, speaker: str, cue: str, kind: str, content: str) -> None:
    assert rule_row(text) == (rule, speaker, cue, kind, content)


def test_split_quote_is_one_statement_of_two_fragments() -> None:
    text = "\u201cThe ferry is late again,\u201d said Ines Duarte, the harbor master. \u201cWe need a second boat.\u201d"
    s = only(text)
    assert [text[a:b] for a, b in s.fragments] == ["The ferry is late again", "We need a second boat."]
    assert s.content == "The ferry is late again \u2026 We need a second boat."
    assert (s.content_start, s.content_end) == (s.fragments[0][0], s.fragments[1][1])
    assert "Duarte" not in s.content and s.rule == "quote_said_name" and s.kind == "direct"


def test_quote_continued_over_paragraphs_is_its_own_statement() -> None:
    # A quote left open at a paragraph end and reopened by the next paragraph: the next paragraph is a
    # statement of its own, with the same speaker and cue, and a rule that says it continues.
    text = (
        "\u201cWe will rebuild the school,\u201d the principal said. \u201cIt will take two years.\n\n"
        "\u201cThe parents have been patient and deserve a date.\u201d\n\nThe meeting ended at noon."
    )
    rows = extract_statements(text)
    check_offsets(text, rows)
    first, second = rows
    assert first.rule == "quote_then_said" and first.content == "We will rebuild the school \u2026 It will take two years."
    assert second.rule == "continued_paragraph" and second.content == "The parents have been patient and deserve a date."
    assert (second.speaker, second.cue_start, second.kind) == ("the principal", first.cue_start, "direct")


def test_bare_quote_paragraph_after_an_attributed_one_keeps_the_speaker() -> None:
    text = (
        "The council will vote on Monday, Mayor Piet Vos said in a statement.\n\n"
        "\u201cEvery resident deserves a safe crossing before the winter.\u201d\n\nThe vote is at noon."
    )
    rows = extract_statements(text)
    check_offsets(text, rows)
    assert [(r.rule, r.speaker, r.cue) for r in rows] == [
        ("content_then_said", "Mayor Piet Vos", "said in a statement"),
        ("continued_paragraph", "Mayor Piet Vos", "said in a statement"),
    ]
    assert rows[1].speaker_canonical == "Piet Vos"


def test_bare_quote_paragraph_after_more_narration_is_nobodys() -> None:
    text = (
        "The council will vote on Monday, Mayor Piet Vos said. The hall seats two hundred.\n\n"
        "\u201cEvery resident deserves a safe crossing before the winter.\u201d"
    )
    assert [r.rule for r in extract_statements(text)] == ["content_then_said"]


def test_a_two_word_term_is_no_direct_quote() -> None:
    # 'what he called "hidden costs"' may report his words, but the quote is a term, not a direct quote.
    rows = extract_statements('The delay was what he called "hidden costs."')
    assert all(r.kind != "direct" for r in rows)


def test_a_show_title_is_no_quote() -> None:
    # '"Morning Desk," Jane Doe said the plan ...': the cue reports its own clause, not the quoted title.
    s = only('On \u201cMorning Desk,\u201d Jane Doe said the plan would fail.')
    assert (s.rule, s.speaker, s.content, s.kind) == ("speaker_said_that", "Jane Doe", "the plan would fail", "indirect")


def test_straight_and_curly_quotes_agree() -> None:
    curly = only("\u201cThe river is rising fast,\u201d the engineer said.")
    straight = only('"The river is rising fast," the engineer said.')
    assert (curly.content, curly.speaker, curly.rule) == (straight.content, straight.speaker, straight.rule)


def test_participle_before_a_quote_shares_the_speaker() -> None:
    # '"A," the mayor said, adding, "B."': two statements, the second cued by the participle.
    text = '"The plan is ready," the mayor said, adding, "We start on Monday with the north bank."'
    rows = extract_statements(text)
    check_offsets(text, rows)
    assert [(r.rule, r.speaker, r.cue, r.content) for r in rows] == [
        ("quote_then_said", "the mayor", "said", "The plan is ready"),
        ("participle_quote", "the mayor", "adding", "We start on Monday with the north bank."),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Update: the road reopens at noon on Friday.",  # a label, not a speaker
        "Photo: the harbour at dawn, seen from the pier.",
    ],
)
def test_a_label_line_is_no_statement(text: str) -> None:
    assert extract_statements(text) == []
