"""Text normalization of article bodies and headlines: Unicode, invisible characters, whitespace, paragraphs."""

from __future__ import annotations

import re
import unicodedata

from tasks.text import WHITESPACE, strip_zero_width

_SPACES = re.compile(r"[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
# The whitespace str.split() splits at that _SPACES does not match, besides the line breaks split off first
# (\x1c-\x1f, \x85, \u2028, \u2029).
_OTHER_SEPARATORS = "".join(c for c in WHITESPACE if c not in "\n\r" and not _SPACES.fullmatch(c))
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def normalize_text(text: str) -> str:
    """Unicode NFC, no zero-width characters, one space between words, Unix newlines, trimmed lines."""
    text = strip_zero_width(unicodedata.normalize("NFC", text)).replace("\r\n", "\n").replace("\r", "\n")
    if any(char in text for char in _OTHER_SEPARATORS):
        # These stay inside a line: collapse only _SPACES' runs (a run of spaces never spans a newline).
        return "\n".join(line.strip() for line in _SPACES.sub(" ", text).split("\n")).strip()
    # Otherwise str.split() splits exactly at _SPACES' runs and drops the edges, as strip() does, in C:
    # about 10x a regex substitution over the body.
    return "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()


def normalize_headline(text: str) -> str:
    """A headline on one line, whitespace collapsed (the display form; dedup uses headlines.text_norm)."""
    return " ".join(normalize_text(text).split())


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of normalized text: blocks separated by blank lines; single newlines stay inside a block."""
    return [block for block in _PARAGRAPH_BREAK.split(normalize_text(text)) if block]
