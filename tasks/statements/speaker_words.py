"""Speaker words (lexicons/speakers.txt) and the type of a speaker mention as written."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Final

from tasks.lexicon import load_lexicon

LEXICON: Final = "statements/speakers"

PERSON: Final = "person"
ORGANIZATION: Final = "organization"
PUBLICATION: Final = "publication"
ANONYMOUS: Final = "anonymous"
UNRESOLVED: Final = "unresolved"

_POSSESSIVE: Final = re.compile(r"['’]s?$")


@dataclass(frozen=True)
class SpeakerWords:
    """Word sets from lexicons/speakers.txt, lowercased where matching is case-insensitive."""

    person_pronouns: frozenset[str]
    male_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    other_pronouns: frozenset[str]
    subject_pronouns: frozenset[str]
    plural_subjects: frozenset[str]
    titles: frozenset[str]
    title_abbreviations: tuple[str, ...]
    male_titles: frozenset[str]
    female_titles: frozenset[str]
    person_roles: frozenset[str]
    anonymous_heads: frozenset[str]
    anonymous_determiners: frozenset[str]
    organization_heads: frozenset[str]
    publication_heads: frozenset[str]
    stop: frozenset[str]
    time_words: frozenset[str]
    openers: frozenset[str]
    name_stopwords: frozenset[str]
    document_heads: frozenset[str]
    colon_labels: frozenset[str]
    non_heads: frozenset[str]
    place_heads: frozenset[str]
    determiners: frozenset[str]
    lead_determiners: frozenset[str]
    lead_words: frozenset[str]
    prepositions: frozenset[str]
    mention_prepositions: frozenset[str]
    head_prepositions: frozenset[str]
    place_prepositions: frozenset[str]
    role_changing: frozenset[str]
    name_particles: tuple[str, ...]
    surname_particles: frozenset[str]
    group_endings: tuple[str, ...]
    singular_s_endings: tuple[str, ...]
    plural_group_heads: frozenset[str]
    pronouns: frozenset[str]  # all three pronoun groups, precomputed: looked up on every token


@cache
def speaker_words() -> SpeakerWords:
    """Load the speaker lexicon once."""
    lex = load_lexicon(LEXICON)

    def low(group: str) -> frozenset[str]:
        return frozenset(w.lower() for w in lex[group])

    return SpeakerWords(
        person_pronouns=low("pronouns_person"),
        male_pronouns=low("pronouns_male"),
        plural_pronouns=low("pronouns_plural"),
        other_pronouns=low("pronouns_other"),
        subject_pronouns=low("subject_pronouns"),
        plural_subjects=low("plural_subjects"),
        titles=frozenset(lex["titles"]),
        title_abbreviations=lex["title_abbreviations"],
        male_titles=frozenset(lex["male_titles"]),
        female_titles=frozenset(lex["female_titles"]),
        person_roles=low("person_roles"),
        anonymous_heads=low("anonymous_heads"),
        anonymous_determiners=low("anonymous_determiners"),
        organization_heads=low("organization_heads"),
        publication_heads=low("publication_heads"),
        stop=low("non_speaker_words"),
        time_words=frozenset(lex["time_words"]),
        openers=frozenset(lex["sentence_openers"]),
        name_stopwords=frozenset(lex["name_allowed_stopwords"]),
        document_heads=low("document_heads"),
        colon_labels=low("colon_not_speakers"),
        non_heads=low("non_heads"),
        place_heads=low("place_heads"),
        determiners=low("determiners"),
        lead_determiners=low("lead_determiners"),
        lead_words=low("lead_words"),
        prepositions=low("prepositions"),
        mention_prepositions=low("mention_prepositions"),
        head_prepositions=low("head_prepositions"),
        place_prepositions=low("place_prepositions"),
        role_changing=low("role_changing"),
        name_particles=lex["name_particles"],
        surname_particles=frozenset(lex["surname_particles"]),
        group_endings=lex["group_endings"],
        singular_s_endings=lex["singular_s_endings"],
        plural_group_heads=low("plural_group_heads"),
        pronouns=low("pronouns_person") | low("pronouns_plural") | low("pronouns_other"),
    )


def is_cap(token: str) -> bool:
    """Whether a token starts with a capital letter."""
    return token[:1].isupper()


def is_word(token: str) -> bool:
    """Whether a token starts with a letter or digit (not punctuation)."""
    return token[:1].isalnum()


def strip_possessive(token: str) -> str:
    """The token without a trailing "'s" or "'"."""
    return _POSSESSIVE.sub("", token)


def is_possessive(token: str) -> bool:
    """Whether the token ends in "'s" or "'"."""
    return _POSSESSIVE.search(token) is not None
