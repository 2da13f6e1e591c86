"""Character-level text primitives every stage shares: invisible characters and control characters."""

from __future__ import annotations

import re

# Zero-width space/joiners, word joiner, byte-order mark and soft hyphen: invisible in a rendered page, but they
# split words for every later rule (a headline with a soft hyphen would never equal its re-send).
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_ZERO_WIDTH_RUN = re.compile(f"[{ZERO_WIDTH}]+")
# Every whitespace character: what str.isspace, str.split() and the regex class \s accept (a test holds the
# list to them), for the stages that strip or split with string methods instead of a regex.
WHITESPACE = (
    "\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + "\u2028\u2029\u202f\u205f\u3000"
)
# C0 control characters other than tab, line feed and carriage return: lxml refuses them, JSON forbids them raw.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def strip_zero_width(text: str) -> str:
    """The text without zero-width characters and soft hyphens."""
    # Most texts have none: six substring searches (memchr-fast) cost less than one regex scan of the text.
    if not any(char in text for char in ZERO_WIDTH):
        return text
    return _ZERO_WIDTH_RUN.sub("", text)


def replace_controls(text: str, by: str = " ") -> str:
    """The text with every C0 control character other than tab and newlines replaced by `by`."""
    return CONTROL_CHARS.sub(by, text)
