"""Tests for tasks/statements.py and tasks/cues.py: one row per rule, the offset invariants, the cue lexicon."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.statements.cues import cue_lexicon, cue_patterns, inflect
from tasks.lexicon import load_lexicon
from tasks.statements import Statement, extract_statements

KINDS = {"direct", "indirect", "mixed"}
TYPES = {"person", "organization", "publication", "anonymous", "unresolved"}


def check_offsets(text: str, rows: list[Statement]) -> None:
    """Every span locates its field exactly; kinds and types come from the documented sets."""
    for s in rows:
        assert text[s.content_start : s.content_end] == s.content
        assert s.content.strip()
        assert s.kind in KINDS
        assert s.speaker_type in TYPES
        if s.speaker_start is None:
            assert s.speaker == "" and s.speaker_end is None
        else:
            assert text[s.speaker_start : s.speaker_end] == s.speaker
        if s.cue_start is None:
            assert s.cue == "" and s.cue_end is None
        else:
            assert text[s.cue_start : s.cue_end] == s.cue


def only(text: str) -> Statement:
    rows = extract_statements(text)
    check_offsets(text, rows)
    assert len(rows) == 1, rows
    return rows[0]


# One row per rule: (rule, text, speaker, cue, kind, content). Sentences written for these tests.
RULE_ROWS = [
    ("quote_then_said", "\u201cThe bridge will open in May,\u201d the mayor said.",
     "the mayor", "said", "direct", "The bridge will open in May"),
    ("quote_then_said", '"We are not done yet," Jane Porter, a spokeswoman for the league, said on Monday.',
     "Jane Porter", "said", "direct", "We are not done yet"),
    ("quote_said_name", "\u201cNobody expected the vote to be this close,\u201d said Carl Mendes, a pollster.",
     "Carl Mendes", "said", "direct", "Nobody expected the vote to be this close"),
    ("said_then_quote", "The governor told reporters: \u201cThe budget is balanced and the schools are funded.\u201d",
     "The governor", "told reporters", "direct", "The budget is balanced and the schools are funded."),
    # A split quote is one statement spanning both fragments (the attribution sits inside the span).
    ("quote_then_said", "\u201cThe plan is ready,\u201d she said, \u201cbut the money is not.\u201d",
     "she", "said", "direct", "The plan is ready,\u201d she said, \u201cbut the money is not."),
    ("quote_dash_name", "\u201cThe library saved my summer.\u201d \u2015 Dana Whitfield\n\nMore letters arrived.",
     "Dana Whitfield", "\u2015", "direct", "The library saved my summer."),
    ("speaker_said_that", "The ministry has said that the new rules will take effect next year.",
     "The ministry", "has said", "indirect", "the new rules will take effect next year"),
    ("speaker_said_that", "The council has repeatedly warned against cutting the library budget again.",
     "The council", "has repeatedly warned against", "indirect", "cutting the library budget again"),
    ("speaker_said_that", "The senator accused the agency of hiding the report from the public.",
     "The senator", "accused", "indirect", "the agency of hiding the report from the public"),
    ("speaker_said_that", "Mr. Alvarez told the newspaper that he would not run again.",
     "Mr. Alvarez", "told the newspaper", "indirect", "he would not run again"),
    ("content_then_said", "The company will close two plants by the end of the year, the union said.",
     "the union", "said", "indirect", "The company will close two plants by the end of the year"),
    ("parenthetical_said", "The new stadium, he said, would be finished before the season.",
     "he", "said", "indirect", "The new stadium, he said, would be finished before the season"),
    ("content_said_name", "The harbour will be dredged next spring, said Ana Ruiz, the port director.",
     "Ana Ruiz", "said", "indirect", "The harbour will be dredged next spring"),
    ("speaker_appositive_said", "Paul Grant, a farmer from the valley, said the drought had ruined his crop.",
     "Paul Grant", "said", "indirect", "the drought had ruined his crop"),
    ("participle", "The mayor thanked the volunteers, adding that the cleanup took three days.",
     "The mayor", "adding", "indirect", "the cleanup took three days"),
    ("according_to_first", "According to the Daily Ledger, the factory will reopen next month.",
     "the Daily Ledger", "According to", "indirect", "the factory will reopen next month"),
    ("according_to_last", "Ticket prices will rise by ten percent, according to the transit authority.",
     "the transit authority", "according to", "indirect", "Ticket prices will rise by ten percent"),
    ("according_to_middle", "The main risks, according to the auditors, are the pension fund and the debt.",
     "the auditors", "according to", "indirect", "The main risks, according to the auditors, are the pension fund and the debt"),
    ("passive_by", "The merger was first reported by the Evening Courier.",
     "the Evening Courier", "was first reported by", "indirect", "The merger"),
    ("asked_passive", "Asked by a reporter whether the plant would close, the mayor shrugged.",
     "a reporter", "Asked by a reporter", "indirect", "whether the plant would close"),
    ("passive_it", "It was reported that the factory had been sold to a foreign buyer.",
     "", "was reported", "indirect", "the factory had been sold to a foreign buyer"),
    ("reportedly", "The striker reportedly turned down an offer from a rival club.",
     "", "reportedly", "indirect", "The striker reportedly turned down an offer from a rival club"),
    ("coordinated_said", "The coach watched the replay twice and said the referee had made a mistake.",
     "The coach", "said", "indirect", "the referee had made a mistake"),
    ("name_colon_line", "Okafor: The budget leaves the north behind.",
     "Okafor", ":", "indirect", "The budget leaves the north behind"),
    ("name_colon_quote", 'The candidates disagreed. Lindqvist: "We must cut the tax on fuel now."',
     "Lindqvist", ":", "direct", "We must cut the tax on fuel now."),
    # Mixed: reported speech holding a partial quote.
    ("speaker_said_that", 'She described the proposal as "a gift to the landlords" and voted against it.',
     "She", "described", "mixed", 'the proposal as "a gift to the landlords" and voted against it'),
    # Relative "who" heads a clausal cue.
    ("speaker_said_that", "Residents met the developers, who say the towers will bring new shops to the area.",
     "who", "say", "indirect", "the towers will bring new shops to the area"),
    # Contracted auxiliary stays inside the cue, not the speaker.
    ("speaker_said_that", "He\u2019s not saying which of the two options he prefers.",
     "He", "\u2019s not saying", "indirect", "which of the two options he prefers"),
]


@pytest.mark.parametrize(("rule", "text", "speaker", "cue", "kind", "content"), RULE_ROWS)
def test_rule(rule: str, text: str, speaker: str, cue: str, kind: str, content: str) -> None:
    s = only(text)
    assert (s.rule, s.speaker, s.cue, s.kind, s.content) == (rule, speaker, cue, kind, content)


# Sentences with a reporting-verb form that is not a statement.
NON_STATEMENT_ROWS = [
    "A company called Brightline won the contract last year.",  # "called" names, it does not report
    "Officials in several western states fear the new rules.",  # "states" is a noun
    "The so-called reform passed without debate.",
    "He was told to wait outside the building.",  # passive without an agent: not an active cue
    "The band spoke at the festival on Sunday.",  # "spoke" needs a particle ("spoke about")
    "Her remarks came a day after the vote.",
    "The @ handle should be deleted and so should the person who wrote the hateful posts.",
    'The agency helped a reporter write a book, "Secrets of the Harbour," last year.',  # bare infinitive
    "The costs add up to more than a million dollars.",  # false particle
    # "ask <object> for": a request, not a report
    "Dairy farmers in the north asked the state on Monday for a drought grant.",
    "The guild will ask for a bigger share of the ticket revenue.",  # a modal plan to ask for something
    "Parents can comment on the new timetable until the end of June.",  # an invitation, not speech
    "Shoppers may respond to the survey online.",
]


@pytest.mark.parametrize("text", NON_STATEMENT_ROWS)
def test_non_statement(text: str) -> None:
    assert extract_statements(text) == []


def test_quote_continued_over_paragraphs() -> None:
    # A quote left open at a paragraph end and reopened by the next paragraph continues it.
    text = (
        "\u201cWe will rebuild the school,\u201d the principal said. \u201cIt will take two years.\n\n"
        "\u201cThe parents have been patient and deserve a date.\u201d\n\nThe meeting ended at noon."
    )
    s = only(text)
    assert s.rule == "quote_then_said" and s.speaker == "the principal"
    assert s.content.startswith("We will rebuild") and s.content.endswith("deserve a date.")


def test_reported_speech_continues_into_a_bare_quote() -> None:
    # A quote with no cue of its own right after reported speech goes on with the same speaker.
    text = "The coach said the team was tired. \u201cWe played three games in five days.\u201d\n\nThe season ends in May."
    s = only(text)
    assert s.speaker == "The coach" and s.kind == "mixed"
    assert s.content == "the team was tired. \u201cWe played three games in five days."


def test_a_quote_opened_in_reported_speech_runs_to_its_close() -> None:
    text = 'She added that the plan should "be read with care. It was written in a hurry." Nobody replied.'
    s = only(text)
    assert s.content == 'the plan should "be read with care. It was written in a hurry.'


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


def test_two_statements_in_one_sentence() -> None:
    text = "The mayor said the road would reopen, but the contractor said the work needed another month."
    rows = extract_statements(text)
    check_offsets(text, rows)
    assert [(r.speaker, r.content) for r in rows] == [
        ("The mayor", "the road would reopen"),
        ("the contractor", "the work needed another month"),
    ]


def test_nested_report_stays_inside_the_outer_content() -> None:
    # "X says he told Y ...": the inner report is part of X's content, and a statement of its own.
    text = "The mayor says he told the minister that the bridge was unsafe."
    rows = extract_statements(text)
    check_offsets(text, rows)
    assert rows[0].speaker == "The mayor" and rows[0].content == "he told the minister that the bridge was unsafe"
    assert rows[1].speaker == "he" and rows[1].content == "the bridge was unsafe"


@pytest.mark.parametrize(
    "text",
    [
        "." * 60_000,  # a punctuation run once made sentence splitting quadratic
        "he said " * 8_000,  # one endless sentence full of cues
        'he said "x y z" ' * 6_000,  # and full of quotes
        "Mr. John Smith of the United States said " * 1_500,
        "Mr. Alan Brown said the plan was good. He said it would work. " * 2_000,  # pronoun after pronoun
    ],
    ids=["dots", "cues", "quotes", "names", "pronouns"],
)
def test_pathological_input_stays_linear(text: str) -> None:
    # Generous bound: a quadratic step takes minutes at these sizes, the linear code well under a second.
    start = time.perf_counter()
    check_offsets(text, extract_statements(text))
    assert time.perf_counter() - start < 10


def test_empty_and_blank_text() -> None:
    assert extract_statements("") == []
    assert extract_statements("  \n\n ") == []


# ---------------------------------------------------------------- cue lexicon
@pytest.mark.parametrize(
    ("base", "forms"),
    [
        ("warn", {"warn", "warns", "warned", "warning"}),
        ("deny", {"deny", "denies", "denied", "denying"}),
        ("describe", {"describe", "describes", "described", "describing"}),
        ("stress", {"stress", "stresses", "stressed", "stressing"}),
        ("agree", {"agree", "agrees", "agreed", "agreeing"}),
        ("convey", {"convey", "conveys", "conveyed", "conveying"}),  # vowel + y keeps the y
    ],
)
def test_inflect(base: str, forms: set[str]) -> None:
    assert set(inflect(base)) == forms


def test_irregular_forms_are_cues() -> None:
    lex = cue_lexicon()
    for form, kind in [("said", "past"), ("told", "past"), ("wrote", "past"), ("written", "past"),
                       ("admitted", "past"), ("telling", "ing"), ("says", "s")]:
        assert lex.forms[form] == kind


def test_every_lexicon_form_matches_the_compiled_regex() -> None:
    # The compiled trie regex must accept every form the data file yields (dateparser-style integrity check).
    pattern = cue_patterns().verb_phrase
    for form in cue_lexicon().forms:
        m = pattern.fullmatch(form)
        assert m is not None and m.group("verb") == form, form


@pytest.mark.parametrize("name", ["statements/cues", "statements/speakers"])
def test_lexicon_groups_have_no_duplicates(name: str) -> None:
    for group, entries in load_lexicon(name).items():
        assert len(entries) == len(set(entries)), (name, group)


def test_lexicon_groups_are_known_verbs() -> None:
    lex = cue_lexicon()
    raw = load_lexicon("statements/cues")
    bases = set(lex.base_of.values())
    for group in ("need_that", "need_particle", "need_as", "clausal", "no_closing"):
        unknown = set(raw[group]) - bases
        assert not unknown, (group, unknown)
    for line in raw["phrasal"]:
        assert line.split()[0] in bases


# ---------------------------------------------------------------- offset invariants over generated text
_PIECES = st.sampled_from(
    [
        "said", "says", "told reporters", "according to", "has said that", "added", "warned against", ",",
        ".", "\u201c", "\u201d", '"', "''", ":", "\n\n", "\n", "Mr.", "Jane Doe", "the Times", "officials",
        "he", "she", "they", "who", "It was reported that", "reportedly", "the plan", "will fail", "a spokesman",
        "Maria", "of", "and", "\u2019s", "in a statement", "\u2014", "(", ")", "U.S.", "on Monday",
    ]
)
_WORDS = st.one_of(_PIECES, st.text(alphabet="abcdefgXYZ \u00f1\u2019'\"., ", min_size=1, max_size=8))


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, min_size=0, max_size=40))
def test_offsets_hold_on_generated_text(parts: list[str]) -> None:
    text = " ".join(parts)
    check_offsets(text, extract_statements(text))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_offsets_hold_on_arbitrary_text(text: str) -> None:
    check_offsets(text, extract_statements(text))


def test_a_bare_ask_for_and_a_negated_comment_stay_cues() -> None:
    """The request and invitation frames leave the plain reporting uses of the same verbs alone."""
    rows = extract_statements("When tenants ask for repairs, the landlord ignores every letter.")
    assert [r.cue for r in rows] == ["ask"]
    rows = extract_statements("The agency would not comment on the ongoing audit of its accounts.")
    assert [r.cue for r in rows] == ["would not comment on"]
    rows = extract_statements("The coach asked the players whether they wanted a day off.")
    assert [r.cue for r in rows] == ["asked"]


def test_a_planned_request_stays_inside_the_outer_report() -> None:
    rows = extract_statements("Ms Ortiz said the guild would ask for a bigger share of the revenue.")
    assert [(r.speaker, r.cue) for r in rows] == [("Ms Ortiz", "said")]
