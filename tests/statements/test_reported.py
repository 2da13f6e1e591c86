"""Tests for tasks/statements/reported.py and complements.py: one row per reported-speech rule."""

from __future__ import annotations

import pytest

from tasks.statements import extract_statements
from tests.statements.checks import check_offsets, rule_row

# One row per rule: (rule, text, speaker, cue, kind, content). Sentences written for these tests.
REPORTED_ROWS = [
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
    # A dash after a clause-closing cue opens an appended phrase: no complement of the cue.
    ("content_then_said", "The ferry will stop running in May, the port authority said on Tuesday \u2014 a blow to the "
     "shops of the island.", "the port authority", "said", "indirect", "The ferry will stop running in May"),
    ("parenthetical_said", "The new stadium, he said, would be finished before the season.",
     "he", "said", "indirect", "The new stadium \u2026 would be finished before the season"),
    ("content_said_name", "The harbour will be dredged next spring, said Ana Ruiz, the port director.",
     "Ana Ruiz", "said", "indirect", "The harbour will be dredged next spring"),
    ("speaker_appositive_said", "Paul Grant, a farmer from the valley, said the drought had ruined his crop.",
     "Paul Grant", "said", "indirect", "the drought had ruined his crop"),
    ("participle", "The mayor thanked the volunteers, adding that the cleanup took three days.",
     "The mayor", "adding", "indirect", "the cleanup took three days"),
    # [tell_verbs] as a participle report a directive: an object and a to-infinitive.
    ("participle", "The coach reviewed the tape with the team, asking the captain to lead the warm-up drills.",
     "The coach", "asking", "indirect", "the captain to lead the warm-up drills"),
    ("coordinated_said", "The coach watched the replay twice and said the referee had made a mistake.",
     "The coach", "said", "indirect", "the referee had made a mistake"),
    # Mixed: reported speech holding a partial quote.
    ("speaker_said_that", 'She described the proposal as "a gift to the landlords" and voted against it.',
     "She", "described", "mixed", 'the proposal as "a gift to the landlords" and voted against it'),
    # "describe" reports what was described with or without an "as" phrase ([need_as] no longer holds it).
    ("speaker_said_that", "Several nurses described long shifts without a break at the county hospital.",
     "Several nurses", "described", "indirect", "long shifts without a break at the county hospital"),
    # Relative "who" heads a clausal cue.
    ("speaker_said_that", "Residents met the developers, who say the towers will bring new shops to the area.",
     "who", "say", "indirect", "the towers will bring new shops to the area"),
    # A relative "which" speaks for a body or a document; a share "many of whom" for its group.
    ("speaker_said_that", "The plan was drawn up by the harbour authority, which says it will cost less than the bridge.",
     "which", "says", "indirect", "it will cost less than the bridge"),
    ("speaker_said_that", "The strike worries the drivers, many of whom say the new rota is unsafe.",
     "many of whom", "say", "indirect", "the new rota is unsafe"),
    # A relative pronoun before the subject of a clausal cue is the reported clause's subject: a fragment.
    ("speaker_said_that", "The county received 30 bids, which he said were evenly split between the two firms.",
     "he", "said", "indirect", "which \u2026 were evenly split between the two firms"),
    # A relative clause with no relative pronoun gaps the reported clause's subject: the noun phrase it modifies
    # is the first fragment.
    ("speaker_said_that", "The council ordered a review of the harbor accounts \u2014 a step the mayor said was overdue.",
     "the mayor", "said", "indirect", "a step \u2026 was overdue"),
    # A free relative "what" after a preposition gaps the reported clause's subject too.
    ("speaker_said_that", "The council voted for what the mayor said was a fair budget.",
     "the mayor", "said", "indirect", "what \u2026 was a fair budget"),
    # A relative "which"/"whom" before the subject stands for the cue's own object: it is the content, and the
    # clause after the comma that closes the relative clause is not.
    ("relative_object", "The minister resigned after the leak of the emails, which she denies, reached the papers.",
     "she", "denies", "indirect", "which"),
    # ... and an "as" phrase right after the cue predicates that object: both are fragments.
    ("speaker_said_that", "The ferry staff walked with the marchers, whom the mayor described as calm.",
     "the mayor", "described", "indirect", "whom \u2026 as calm"),
    # [verbs_with_object_only]: a document reports without "that", its head before a modifier included.
    ("speaker_said_that", "Video of the meeting shows the mayor leaving the room before the vote.",
     "Video of the meeting", "shows", "indirect", "the mayor leaving the room before the vote"),
    # A name inside a document's modifier ("by professor ...") is not the subject of "found": the document is.
    ("speaker_said_that", "A 2019 study by professor Ann Lee found 40 cases of fraud in a million ballots.",
     "A 2019 study", "found", "indirect", "40 cases of fraud in a million ballots"),
    # [catenatives]: the subject speaks through a to-infinitive cue; the phrase joins the cue.
    ("speaker_said_that", "The mayor appeared to suggest that the bridge would stay closed.",
     "The mayor", "appeared to suggest", "indirect", "the bridge would stay closed"),
    ("speaker_said_that", "The union has continued to insist that the strike will go ahead.",
     "The union", "has continued to insist", "indirect", "the strike will go ahead"),
    ("speaker_said_that", "The engineer went on to explain how the cables had rusted.",
     "The engineer", "went on to explain", "indirect", "how the cables had rusted"),
    # An appositive inside the sentence between the subject and its cue.
    ("speaker_said_that", "The ferry is late again, and Tom Okafor, the port's director, has warned that it may stop.",
     "Tom Okafor", "has warned", "indirect", "it may stop"),
    ("speaker_said_that", "Ana Ruiz, a Democrat, did not mention the harbor in her speech on the budget.",
     "Ana Ruiz", "did not mention", "indirect", "the harbor in her speech on the budget"),
    # An aside set off by dashes between the subject and its cue.
    ("speaker_said_that", "The dock workers \u2014 including two crane drivers \u2014 have argued that the shifts are unsafe.",
     "The dock workers", "have argued", "indirect", "the shifts are unsafe"),
    # Contracted auxiliary stays inside the cue, not the speaker.
    ("speaker_said_that", "He\u2019s not saying which of the two options he prefers.",
     "He", "\u2019s not saying", "indirect", "which of the two options he prefers"),
    # An adverbial between subject and cue ([comma_interposed], [time_determiners] in clauses.txt).
    ("speaker_said_that", "The agency, meanwhile, said the ferries would keep running.",
     "The agency", "said", "indirect", "the ferries would keep running"),
    ("speaker_said_that", "Gov. Ada Lind on Thursday said the budget was balanced.",
     "Gov. Ada Lind", "said", "indirect", "the budget was balanced"),
    # Cues added for news the rules were not written on: [verbs_irregular] "read", [need_that] "advise",
    # [participle_after_nouns] "quoted as".
    ("said_then_quote", 'The statement read: "We regret the delay and will refund every ticket."',
     "The statement", "read", "direct", "We regret the delay and will refund every ticket."),
    ("speaker_said_that", "The council advises that residents boil their water until Friday.",
     "The council", "advises", "indirect", "residents boil their water until Friday"),
    ("participle", "The coach was quoted as saying the team needed a rest.",
     "The coach", "saying", "indirect", "the team needed a rest"),
    # A negated cue with content is a statement: "did not say whether ..."
    ("speaker_said_that", "The agency did not say whether the ferry would run on Sunday.",
     "The agency", "did not say", "indirect", "whether the ferry would run on Sunday"),
    # A source word ([anonymous_heads] "many") and its place ("in the crowd") make one subject, headed before the
    # preposition.
    ("speaker_said_that", "Many in the crowd said the band had played too long.",
     "Many in the crowd", "said", "indirect", "the band had played too long"),
    # A share of a group takes the group's plural verb ([plural_subjects] "majority").
    ("speaker_said_that", "A clear majority of the riders say the new timetable is worse.",
     "A clear majority of the riders", "say", "indirect", "the new timetable is worse"),
    # A share of a group speaks for a poll ([share_*] in clauses.txt).
    ("speaker_said_that", "About four in 10 said the economy was their main worry.",
     "About four in 10", "said", "indirect", "the economy was their main worry"),
]


@pytest.mark.parametrize(("rule", "text", "speaker", "cue", "kind", "content"), REPORTED_ROWS)
def test_reported_rule(rule: str, text: str, speaker: str, cue: str, kind: str, content: str) -> None:
    assert rule_row(text) == (rule, speaker, cue, kind, content)


# Sentences with a reporting-verb form that is not a statement.
NON_STATEMENT_ROWS = [
    "A company called Brightline won the contract last year.",  # "called" names, it does not report
    "Officials in several western states fear the new rules.",  # "states" is a noun
    "The so-called reform passed without debate.",
    "He was told to wait outside the building.",  # passive without an agent: not an active cue
    "The holiday is observed as a day of rest across the region.",
    "The mayor found the keys of the old town hall in the car park.",  # a person finds things  # not in [passive_report_frames]
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
    # The legal sense of "charge" ([false_particles]).
    "Man charged in harbour death appears in court.",
    "Two men were charged with theft on Monday.",
    # Other non-speech senses ([false_particles]): to add to is to increase, to call into is to phone in.
    "Ada Lind won the primary in Valdera, adding to her lead over Tom Okafor.",
    "She called into a radio show while she was home sick.",
    "Piet Vos reported from Sorno, and Ana Ruiz from Port Alder.",  # a byline
    "Law students read Vos v. Okafor, which denied that the port was liable.",  # a case is no speaker
    # Refused speech reports no content ([refusal_contents]).
    "The port authority did not immediately respond to requests for comment.",
    "The agency would not comment on the matter.",
    # A verb that reports only with a that-clause, a quote or a colon ([need_that]).
    "She read the report to the committee twice.",
    "Ada Lind advises the minister on trade.",
]


@pytest.mark.parametrize("text", NON_STATEMENT_ROWS)
def test_non_statement(text: str) -> None:
    assert extract_statements(text) == []


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


def test_a_dated_adverbial_between_subject_and_cue() -> None:
    rows = extract_statements("The port authority in April announced that the ferry would stop.")
    check_offsets("The port authority in April announced that the ferry would stop.", rows)
    assert [(r.speaker, r.content) for r in rows] == [("The port authority", "the ferry would stop")]
