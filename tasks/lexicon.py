"""Loader for the rule lexicons in tasks/lexicons/: data files, one entry per line, grouped by concept."""

from __future__ import annotations

from functools import cache
from pathlib import Path

LEXICON_DIR = Path(__file__).parent / "lexicons"


class LexiconError(ValueError):
    """A lexicon file is malformed: an entry outside a group, or a group with no entries."""


def parse_lexicon(text: str, name: str = "<string>") -> dict[str, tuple[str, ...]]:
    """Parse lexicon text into {group: entries}.

    Format: a `[group]` header line opens a group; every other non-blank line is one entry;
    `#` starts a comment (to the end of the line). Entries keep their case and inner spaces.

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
        line = raw_line.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
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


@cache
def load_lexicon(name: str) -> dict[str, tuple[str, ...]]:
    """Load tasks/lexicons/<name>.txt (cached; see parse_lexicon for the format)."""
    path = LEXICON_DIR / f"{name}.txt"
    return parse_lexicon(path.read_text(encoding="utf-8"), name=path.name)
