"""Loaders for the rules kept as data: word lexicons (`.txt`) and regular-expression lexicons (`.toml`).

Each stage package keeps its own files in `tasks/<package>/lexicons/`; a lexicon is named by
`"<package>/<file>"`, e.g. `load_lexicon("statements/cues")` reads `tasks/statements/lexicons/cues.txt`.

Word lexicons are one entry per line under `[group]` headers. Regular expressions do not fit that format
(a character class on its own line reads as a header, `#` as a comment), so they live in TOML files of
literal strings, which TOML never unescapes: `group = ['pattern', '''pattern with ' in it''']`.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

TASKS_DIR = Path(__file__).parent
# A group header is a whole line `[name]` with a plain identifier: `[a-z]` is one too, which is why regular
# expressions are never stored in word lexicons.
_HEADER = re.compile(r"^\[\s*([A-Za-z_][\w-]*)\s*\]$")
# A comment starts at a `#` that opens the line or follows whitespace; `\#` is a literal `#`.
_COMMENT = re.compile(r"(?:^|(?<=\s))#.*$")


class LexiconError(ValueError):
    """A lexicon file is malformed: an entry outside a group, a group with no entries, a bad pattern."""


def lexicon_path(name: str, suffix: str) -> Path:
    """The file of lexicon `"<package>/<file>"` with the given suffix (`.txt` or `.toml`)."""
    package, _, file = name.partition("/")
    if not file:
        raise LexiconError(f"lexicon name {name!r} must be '<package>/<file>'")
    return TASKS_DIR / package / "lexicons" / f"{file}{suffix}"


def parse_lexicon(text: str, name: str = "<string>") -> dict[str, tuple[str, ...]]:
    """Parse word-lexicon text into {group: entries}.

    Format: a `[group]` header line opens a group; every other non-blank line is one entry; `#` at the start
    of a line or after whitespace starts a comment, `\\#` is a literal `#`. Entries keep their case and inner
    spaces.

    Args:
        text: the file's content.
        name: file name, for error messages.

    Returns:
        Groups in file order, each a tuple of entries in file order.

    Raises:
        LexiconError: an entry before the first group, a repeated group, or an empty group.
    """
    groups: dict[str, list[str]] = {}
    current: str | None = None
    for lineno, raw_line in enumerate(text.splitlines(), start=1):
        line = _COMMENT.sub("", raw_line).replace("\\#", "#").strip()
        if not line:
            continue
        header = _HEADER.match(line)
        if header:
            current = header.group(1)
            if current in groups:
                raise LexiconError(f"{name}:{lineno}: group [{current}] appears twice")
            groups[current] = []
        elif current is None:
            raise LexiconError(f"{name}:{lineno}: entry {line!r} before any [group] header")
        else:
            groups[current].append(line)
    empty = [group for group, entries in groups.items() if not entries]
    if empty:
        raise LexiconError(f"{name}: empty group(s) {empty}: a rule with no entries matches nothing")
    return {group: tuple(entries) for group, entries in groups.items()}


def parse_patterns(text: str, name: str = "<string>") -> dict[str, tuple[str, ...]]:
    """Parse a regular-expression lexicon (TOML: each group a list of literal strings) into {group: patterns}.

    Raises:
        LexiconError: invalid TOML, a group that is not a non-empty list of strings, or a pattern that does
            not compile (the message names the group and the pattern).
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise LexiconError(f"{name}: {error}") from None
    groups: dict[str, tuple[str, ...]] = {}
    for group, patterns in data.items():
        if not isinstance(patterns, list) or not patterns or not all(isinstance(p, str) for p in patterns):
            raise LexiconError(f"{name}: group {group!r} must be a non-empty list of pattern strings")
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as error:
                raise LexiconError(f"{name}: group {group!r}: pattern {pattern!r} does not compile: {error}") from None
        groups[group] = tuple(patterns)
    return groups


@cache
def load_lexicon(name: str) -> dict[str, tuple[str, ...]]:
    """Load word lexicon `"<package>/<file>"` (cached; see parse_lexicon for the format)."""
    path = lexicon_path(name, ".txt")
    return parse_lexicon(path.read_text(encoding="utf-8"), name=str(path.relative_to(TASKS_DIR)))


@cache
def load_patterns(name: str) -> dict[str, tuple[str, ...]]:
    """Load regular-expression lexicon `"<package>/<file>"` (cached; see parse_patterns for the format)."""
    path = lexicon_path(name, ".toml")
    return parse_patterns(path.read_text(encoding="utf-8"), name=str(path.relative_to(TASKS_DIR)))
