"""Titles and site names cut into their parts at separators ("Headline | Section | Site")."""

from __future__ import annotations

import re
from functools import cache

from tasks.lexicon import load_lexicon


@cache
def _separator_pattern() -> re.Pattern[str]:
    seps = sorted(load_lexicon("html/meta_title")["separator"], key=len, reverse=True)
    return re.compile(r"\s+(?:" + "|".join(re.escape(s) for s in seps) + r")\s+")


@cache
def _tight_separator_pattern() -> re.Pattern[str]:
    seps = sorted(load_lexicon("html/meta_title")["separator_tight"], key=len, reverse=True)
    return re.compile(r"\s*(?:" + "|".join(re.escape(s) for s in seps) + r")\s*")


def segments(title: str) -> list[tuple[int, int]]:
    """Spans of the parts of a title between separators (lexicon meta_title).

    Args:
        title: a title or site name.

    Returns:
        (start, end) offsets of each non-blank part, in order.
    """
    cuts = [m.span() for pattern in (_separator_pattern(), _tight_separator_pattern()) for m in pattern.finditer(title)]
    spans, start = [], 0
    for cut_start, cut_end in sorted(cuts):
        if cut_start >= start:
            spans.append((start, cut_start))
            start = cut_end
    spans.append((start, len(title)))
    return [(a, b) for a, b in spans if title[a:b].strip()]


def first_segment(text: str | None) -> str | None:
    """The part of a text before its first separator.

    Args:
        text: a title or site name, or None.

    Returns:
        That part stripped, the text itself when it has no part, None or "" unchanged.
    """
    if not text:
        return text
    spans = segments(text)
    return text[spans[0][0] : spans[0][1]].strip() if spans else text
