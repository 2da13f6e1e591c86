"""The body rules read from the lexicons once: tag sets, ARIA roles, class/id hints and one-line furniture phrases."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from tasks.lexicon import load_lexicon, load_patterns

_BRACKETED = re.compile(r"\[[^\]]*\]")
# What the walk does with an inline element's text (inline_role).
INLINE_TEXT, INLINE_HIDDEN, INLINE_LINE = 0, 1, 2


@dataclass(frozen=True)
class Rules:
    """Compiled lexicons html/body_tags, html/body_hints and html/body_phrases (see those files per group)."""

    skip: frozenset[str]
    furniture: frozenset[str]
    prunable: frozenset[str]
    furniture_roles: frozenset[str]
    content_roles: frozenset[str]
    block: frozenset[str]
    heading: frozenset[str]
    title: frozenset[str]
    paragraph: frozenset[str]
    negative: re.Pattern[str]
    positive: re.Pattern[str]
    inline_hidden: re.Pattern[str]
    inline_caption: re.Pattern[str]
    boilerplate_line: re.Pattern[str]
    section_end: re.Pattern[str]


@cache
def body_rules() -> Rules:
    """The body rules, compiled on first use.

    Returns:
        The one Rules record of the process.
    """
    tags = load_lexicon("html/body_tags")
    hints = load_patterns("html/body_hints")
    phrases = load_patterns("html/body_phrases")
    negative = "|".join(hints["negative_substrings"])
    negative_tokens = "|".join(hints["negative_tokens"])
    return Rules(
        skip=frozenset(tags["skip"]),
        furniture=frozenset(tags["boilerplate"]),
        prunable=frozenset(tags["prunable"]),
        furniture_roles=frozenset(tags["furniture_role"]),
        content_roles=frozenset(tags["content_role"]),
        block=frozenset(tags["block"]),
        heading=frozenset(tags["heading"]),
        title=frozenset(tags["title_heading"]),
        paragraph=frozenset(tags["paragraph"]),
        negative=re.compile(rf"{negative}|(?<![a-z0-9])(?:{negative_tokens})(?![a-z0-9])"),
        positive=re.compile("|".join(hints["positive_substrings"])),
        inline_hidden=re.compile("|".join(hints["inline_hidden_substrings"])),
        inline_caption=re.compile("|".join(hints["inline_caption_substrings"])),
        boilerplate_line=re.compile("|".join(f"(?:{p})" for p in phrases["boilerplate_line"]), re.IGNORECASE),
        section_end=re.compile("|".join(f"(?:{p})" for p in phrases["section_end"]), re.IGNORECASE),
    )


@lru_cache(maxsize=65_536)
def class_hint(hints: str) -> float:
    """The role a class/id value suggests (cached: pages repeat class names).

    Args:
        hints: an element's class and id joined by a space.

    Returns:
        +1.0 for a positive hint (article body), -1.0 for a negative one (furniture), 0.0 for none.
    """
    rules = body_rules()
    lowered = hints.lower()
    if "[" in lowered or ":" in lowered:
        # Utility-class frameworks (Tailwind) name looks, not roles: "print:max-w-full" is a print-media
        # variant, "scroll-mt-[theme(spacing.sticky-header)]" an arbitrary value.  Such classes say nothing
        # about the element's role, and their words ("print", "header") would read as furniture.
        lowered = " ".join(t for t in _BRACKETED.sub(" ", lowered).split() if ":" not in t)
    return 1.0 if rules.positive.search(lowered) else -1.0 if rules.negative.search(lowered) else 0.0


@lru_cache(maxsize=65_536)
def inline_role(cls: str) -> int:
    """What the walk does with an inline element's text, by its class (cached: pages repeat class names).

    A hover card, tooltip or screen-reader text is not part of its sentence: skipped.  An image's caption or
    credit set inside a paragraph (``<p><img><span class="caption">© Getty Images</span> The lead...</p>``)
    is not part of the sentence after it: a line of its own, which the emit drops as furniture, instead of
    making the paragraph it sits in read as a credit line.

    Args:
        cls: the element's class.

    Returns:
        INLINE_HIDDEN, INLINE_LINE, or INLINE_TEXT for text read as part of its line.
    """
    lowered = cls.lower()
    rules = body_rules()
    if rules.inline_hidden.search(lowered):
        return INLINE_HIDDEN
    return INLINE_LINE if rules.inline_caption.search(lowered) else INLINE_TEXT
