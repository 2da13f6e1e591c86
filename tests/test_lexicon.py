"""Lexicon files parse, and malformed ones are refused with a clear message."""

from __future__ import annotations

import re

import pytest

from tasks.lexicon import LEXICON_DIR, LexiconError, load_lexicon, parse_lexicon


def test_parse_groups_entries_and_comments() -> None:
    text = "# header\n[verbs]\nsaid  # most common\ntold\n\n[nouns]\nspokesman\n"
    assert parse_lexicon(text) == {"verbs": ("said", "told"), "nouns": ("spokesman",)}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("said\n[verbs]\ntold\n", "before any [group]"),  # entry outside a group
        ("[verbs]\n# nothing yet\n[nouns]\nspokesman\n", "empty group"),  # an empty group would match nothing
        ("[verbs]\nsaid\n[verbs]\ntold\n", "appears twice"),
    ],
)
def test_malformed_lexicon_is_refused(text: str, message: str) -> None:
    with pytest.raises(LexiconError, match=re.escape(message)):
        parse_lexicon(text, "bad.txt")


@pytest.mark.parametrize("name", sorted(p.stem for p in LEXICON_DIR.glob("*.txt")))
def test_every_shipped_lexicon_loads(name: str) -> None:
    assert load_lexicon(name)
