"""Lexicon files parse, malformed ones are refused with a clear message, and regexes are never mangled."""

from __future__ import annotations

import re

import pytest

from tasks.lexicon import TASKS_DIR, LexiconError, load_lexicon, load_patterns, parse_lexicon, parse_patterns


def test_parse_groups_entries_and_comments() -> None:
    text = "# header\n[verbs]\nsaid  # most common\ntold\n\n[nouns]\nspokesman\n"
    assert parse_lexicon(text) == {"verbs": ("said", "told"), "nouns": ("spokesman",)}


@pytest.mark.parametrize(
    ("line", "entry"),
    [
        ("C#", "C#"),  # a '#' inside a word is no comment
        ("C\\# sharp  # the language", "C# sharp"),  # an escaped '#' after a space is literal
        ("[ a b ]", "[ a b ]"),  # not an identifier: an entry, not a group header
    ],
)
def test_entries_with_hash_or_brackets_survive(line: str, entry: str) -> None:
    assert parse_lexicon(f"[g]\n{line}\n") == {"g": (entry,)}


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


def test_patterns_keep_character_classes_and_hashes() -> None:
    # Both lines would be mangled by the word-lexicon format: a header and a comment.
    text = "group = [\n  '[a-z]',  # a class alone\n  '''issue #\\d+ (don't)''',\n]\n"
    patterns = parse_patterns(text)
    assert patterns == {"group": ("[a-z]", "issue #\\d+ (don't)")}
    assert re.fullmatch(patterns["group"][1], "issue #12 don't")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("group = []\n", "non-empty list"),
        ("group = ['(unclosed']\n", "does not compile"),
        ("group = 'not a list'\n", "non-empty list"),
        ("group = [\n", "bad.toml"),  # a TOML syntax error names the file
    ],
)
def test_malformed_patterns_are_refused(text: str, message: str) -> None:
    with pytest.raises(LexiconError, match=re.escape(message)):
        parse_patterns(text, "bad.toml")


def _shipped(suffix: str) -> list[str]:
    return sorted(f"{p.parent.parent.name}/{p.stem}" for p in TASKS_DIR.glob(f"*/lexicons/*{suffix}"))


@pytest.mark.parametrize("name", _shipped(".txt"))
def test_every_shipped_lexicon_loads(name: str) -> None:
    assert load_lexicon(name)


@pytest.mark.parametrize("name", _shipped(".toml"))
def test_every_shipped_pattern_lexicon_loads(name: str) -> None:
    assert load_patterns(name)


def test_lexicon_names_need_a_package() -> None:
    with pytest.raises(LexiconError, match="<package>/<file>"):
        load_lexicon("cues")
