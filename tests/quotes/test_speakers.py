"""Speaker keys across the lake: one key per person (first and last name) or named organization; none otherwise."""

from __future__ import annotations

import pytest

from tasks.quotes.speakers import speaker_key


@pytest.mark.parametrize(
    ("canonical", "speaker_type", "key"),
    [
        ("Justin Trudeau", "person", "justin trudeau"),
        ("Prime Minister Justin Trudeau", "person", "justin trudeau"),  # a title left in the canonical name
        ("Justin Pierre James Trudeau", "person", "justin trudeau"),  # middle names do not split a person
        ("Trudeau", "person", "trudeau"),  # a surname alone: joined to its full name by the speaker_identity view
        ("Martin Luther King Jr.", "person", "martin king"),  # "King" is a name here, "Jr." no part of it
        ("King Charles", "person", "charles"),
        ("J. K. Rowling", "person", "rowling"),  # initials carry no identity
        ("José Álvarez", "person", "josé álvarez"),
        ("The New York Times", "publication", "new york times"),
        ("the FBI", "organization", "fbi"),
        ("the city", "organization", None),  # a common noun names no one across articles
        ("The school board", "organization", None),
        ("a spokeswoman for the agency", "anonymous", None),
        ("he", "unresolved", None),
        (None, "person", None),
    ],
)
def test_speaker_key(canonical: str | None, speaker_type: str, key: str | None) -> None:
    assert speaker_key(canonical, speaker_type) == key
