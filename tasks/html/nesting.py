"""Markup nested deeper than libxml2 will build, flattened so that its text survives the parse."""

from __future__ import annotations

import re

# libxml2 stops building the tree at 2048 levels even with huge_tree and drops the text below: a page of
# 100,000 nested <div>s keeps none of it.  Elements deeper than this are unwrapped (their tags removed, their
# text kept); a real page never nests anywhere near so deep, and the body walk reads any subtree below its own
# depth limit as one run of text.
MAX_NESTING = 256

# A start or end tag; raw-text elements (script, style) are matched whole so that markup in their strings is
# not counted.  Comments, doctypes and processing instructions do not match and are left as they are.
_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<(/?)([a-zA-Z][^\s/>]*)[^>]*>", re.IGNORECASE | re.DOTALL)
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)


def flatten_nesting(text: str, max_depth: int = MAX_NESTING) -> str:
    """The markup with the tags of every element nested deeper than `max_depth` removed, their text kept.

    Depth is counted from start and end tags as written: an unclosed tag (a <p> or <li> without its end tag)
    counts as open to the end of the page, so on pages full of those the limit is reached early and more is
    unwrapped than the browser would nest.  Only called for pages the parser could not build whole.

    Args:
        text: a decoded page.
        max_depth: nesting levels kept.

    Returns:
        The page with the too-deep tags removed; unchanged when nothing nests deeper.
    """
    depth = 0
    kept: list[str] = []
    last = 0
    for match in _TAG.finditer(text):
        name = match.group(3)
        if name is None or name.lower() in _VOID or match.group(0).endswith("/>"):
            continue
        if match.group(2):
            too_deep = depth > max_depth
            depth = max(depth - 1, 0)
        else:
            depth += 1
            too_deep = depth > max_depth
        if too_deep:
            kept.append(text[last : match.start()])
            last = match.end()
    if not kept:
        return text
    kept.append(text[last:])
    return "".join(kept)
