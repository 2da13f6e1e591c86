"""Tests for tasks/statements/resolve.py: short forms to the fullest name, pronouns to their antecedents."""

from __future__ import annotations

import pytest

from tasks.statements import extract_statements
from tasks.statements.resolve import Resolver

ARTICLE = (
    "Prime Minister Helena Brandt met union leaders on Monday, the Evening Courier reported.\n\n"
    "Ms Brandt said the talks had been useful. The Evening Courier also reported that Tomas Vik attended.\n\n"
    "According to the Courier, the unions will vote next week. Brandt later said she was hopeful."
)


@pytest.mark.parametrize(
    ("mention", "canonical", "kind"),
    [
        ("Ms Brandt", "Helena Brandt", "person"),  # title dropped, fullest form found anywhere in the article
        ("Brandt", "Helena Brandt", "person"),
        ("the Courier", "The Evening Courier", "publication"),
        ("Tomas Vik", "Tomas Vik", "person"),
        ("the unions", "the unions", "organization"),  # plural of an organization noun, kept as written
    ],
)
def test_canonical(mention: str, canonical: str, kind: str) -> None:
    assert Resolver(ARTICLE).canonical(mention) == (canonical, kind)


def test_pronoun_resolves_to_nearest_named_person() -> None:
    text = "Carla Mendes won the seat in 2019.\n\nThe vote was close.\n\nShe said the count was fair."
    [s] = extract_statements(text)
    assert (s.speaker, s.speaker_canonical, s.speaker_type) == ("She", "Carla Mendes", "person")


def test_pronoun_prefers_nearest_person_over_older_speaker() -> None:
    text = (
        "\u201cWe are ready,\u201d said Anna Berg.\n\n"
        "Supporters of Peter Holm gathered outside.\n"
        "He called the result a disgrace."
    )
    rows = extract_statements(text)
    assert rows[-1].speaker == "He" and rows[-1].speaker_canonical == "Peter Holm"


def test_pronoun_skips_a_person_of_the_other_gender() -> None:
    text = (
        "Mrs. Nora Falk chairs the committee. Mr. Ivan Petrov joined it in May.\n\n"
        "She said the budget would pass."
    )
    [s] = extract_statements(text)
    assert (s.speaker, s.speaker_canonical) == ("She", "Nora Falk")


def test_title_is_dropped_from_a_full_name() -> None:
    assert Resolver("Mr. Alan Brown spoke.").canonical("Mr. Alan Brown") == ("Alan Brown", "person")


def test_name_runs_stop_at_sentence_openers() -> None:
    text = "If Mr. Trump wins, markets fall. It was late. Donald Trump said so. What Mr. Trump said was odd."
    assert Resolver(text).canonical("Mr. Trump") == ("Donald Trump", "person")


def test_relative_who_resolves_to_the_mention_before_it() -> None:
    [s] = extract_statements("Residents met the developers, who say the towers will bring new shops.")
    assert (s.speaker, s.speaker_canonical) == ("who", "the developers")


@pytest.mark.parametrize(
    ("mention", "canonical"),
    [
        ("Sanders", "Bernie Sanders"),  # "Vermont Sen. Bernie Sanders": descriptors end at the title
        ("Trump", "Donald Trump"),  # "Republican Donald Trump": a party label acts as a title
        ("the Democratic National Committee", "the Democratic National Committee"),  # bodies keep their words
        ("press secretary Josh Earnest", "Josh Earnest"),
    ],
)
def test_full_forms(mention: str, canonical: str) -> None:
    text = (
        "Vermont Sen. Bernie Sanders spoke first. Republican Donald Trump replied. "
        "The Democratic National Committee said little. Sanders and Trump left. Josh Earnest declined."
    )
    assert Resolver(text).canonical(mention)[0] == canonical


def test_pronoun_without_antecedent_is_unresolved() -> None:
    # Nothing fits: the canonical speaker stays the mention and the type says so.
    [s] = extract_statements("He said the bridge would be closed for a week.")
    assert s.speaker_canonical == "He" and s.speaker_type == "unresolved"


def test_it_resolves_to_an_organization_speaker() -> None:
    text = "The health ministry said cases had fallen. It said the vaccine drive would continue."
    rows = extract_statements(text)
    assert rows[1].speaker == "It" and rows[1].speaker_canonical == "The health ministry"
    assert rows[1].speaker_type == "organization"


@pytest.mark.parametrize(
    ("mention", "canonical"),
    [
        ("Councillor Ruth Amsel", "Ruth Amsel"),  # local-government titles are titles like "Mayor"
        ("Councilor Ben Tazi", "Ben Tazi"),
        ("Alderman Joe Pirelli", "Joe Pirelli"),
        ("Councilmember Ida Lund", "Ida Lund"),
    ],
)
def test_local_government_titles_are_dropped(mention: str, canonical: str) -> None:
    assert Resolver(f"{mention} opened the hearing.").canonical(mention) == (canonical, "person")


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        # The subject of the pronoun's own sentence speaks, ahead of an earlier speaker.
        ("Nina Sol said fares were fair. The transit agency will run night buses next spring, it said.",
         "The transit agency"),
        ("The water board said the lake was clean. Critics disagreed. It said the tests were independent.",
         "The water board"),  # no body in its own sentence: the last speaker, as before
        ("Lena Ortiz met the zoning board on Monday. It said the towers were too tall.", "the zoning board"),
        ("Parents wrote to the officials in March. They said the school would stay open.", "the officials"),
    ],
)
def test_it_and_they_resolve_to_an_unnamed_body(text: str, canonical: str) -> None:
    rows = extract_statements(text)
    assert rows[-1].speaker.lower() in ("it", "they") and rows[-1].speaker_canonical == canonical


@pytest.mark.parametrize(
    "text",
    [
        "The bridge across the river will close in May, it said.",  # a place never speaks
        "The average weekly wage, it says, would rise by a tenth.",  # "weekly" modifies "wage" here
    ],
)
def test_it_does_not_resolve_to_a_place_or_a_modifier(text: str) -> None:
    rows = extract_statements(text)
    assert rows[-1].speaker.lower() == "it" and (rows[-1].speaker_canonical, rows[-1].speaker_type) == ("it", "unresolved")
