"""The article's lead: prose between the headline and the body container, which the vote leaves out."""

from __future__ import annotations

import dataclasses
import re
from functools import cache
from typing import Any

from tasks.html.body.emit import is_prose
from tasks.html.body.rules import Rules
from tasks.html.body.settings import BodySettings
from tasks.html.body.walk import PROSE, TITLE, Block, Walk

# A sentence mark (closing quotes and brackets after it included) followed by more text: where one sentence
# ends and the next begins.  Scripts without spaces need none after the mark.
_SENTENCE_BREAK = re.compile(r"[.!?。！？][\"'”’»)]*(?:\s+(?=\S)|(?=[^\s.!?。！？\"'”’»)]))")
_SENTENCE_MARKS = ".!?。！？"
_CLOSERS = "\"'”’»)"


def is_lead_paragraph(text: str) -> bool:
    """Whether a text reads as a paragraph of the article: two sentences or more, the last one ended.

    A deck or subtitle under a headline is one sentence, often without a final mark; a lead paragraph is the
    article's own first paragraph of prose, written as such.

    Args:
        text: one line of text.

    Returns:
        True for a paragraph, False for a one-sentence or unfinished line.
    """
    text = text.rstrip()
    return text.rstrip(_CLOSERS)[-1:] in _SENTENCE_MARKS and _SENTENCE_BREAK.search(text[:-1]) is not None


def standfirst(walk: Walk, container: Any, settings: BodySettings) -> list[str]:
    """Prose between the page title (<h1>) and the article container: the standfirst or lead paragraph.

    Templates often put the summary in the article header, a sibling of the body container, so the vote
    leaves it out.  Only lines within a few lines back from the container and after the title are taken, and
    only when they are prose outside furniture or inside the furniture that holds the title (the article's
    header).  Outside furniture after a title the walk read, any prose is taken.  Elsewhere (inside the
    header, or when the title sits in a small header the walk skipped, which is then read on its own) only
    the article's own text is: lead paragraphs (is_lead_paragraph) and paragraphs styled like the body's
    first one.  A deck the header sets under the headline stays with the headline.

    Args:
        walk: the page's walk.
        container: the first chosen article container.
        settings: detection thresholds (lead_window, the prose settings).

    Returns:
        The lines, in document order.
    """
    first = walk.span[container][0]
    window = _joined_lines(walk.blocks[max(0, first - settings.lead_window) : first])
    body_style = _paragraph_style(walk, container)
    titles = [i for i, b in enumerate(window) if b.kind == TITLE]
    if titles:
        title, start, lead = window[titles[-1]].owner, titles[-1] + 1, []
    else:
        title = next((h for h in container.getroottree().iter("h1") if "".join(h.itertext()).strip()), None)
        header = _skipped_furniture(walk, title) if title is not None else None
        # The header may sit before the container or inside it, before its first line.
        anchor = walk.blocks[first].owner if first < len(walk.blocks) else None
        if header is None or not _precedes(header, container if anchor is None else anchor):
            return []
        start = next((i for i, b in enumerate(window) if b.owner is not None and _precedes(header, b.owner)), len(window))
        lead = _header_lead(walk.rules, header, body_style, settings)
    holders = frozenset(title.iterancestors()) if title is not None else frozenset()
    return lead + [
        b.text
        for b in window[start:]
        if (b.neg is None or b.neg in holders)
        and _lead_line(b, walk.rules, settings)
        and ((b.neg is None and bool(titles)) or _own_text(b, body_style))
    ]


def _joined_lines(blocks: list[Block]) -> list[Block]:
    """Lines with the lines after them that the same paragraph holds, joined: a paragraph broken by <br>s.

    A deck or lead set in short lines (``<p>Older workers are often<br>considered less efficient,<br>...</p>``)
    is one paragraph; read line by line, none of its lines is long enough to be prose.
    """
    joined: list[Block] = []
    for b in blocks:
        last = joined[-1] if joined else None
        if last is not None and b.kind == PROSE and last.kind == PROSE and b.owner is last.owner and b.neg is last.neg:
            joined[-1] = Block(f"{last.text} {b.text}", last.link_chars + b.link_chars, b.owner, PROSE, b.neg, b.neg_depth)
        else:
            joined.append(b)
    return joined


def _own_text(b: Block, body_style: tuple[str, str | None] | None) -> bool:
    """Whether a line is the article's own text: a lead paragraph, or a paragraph styled like the body's."""
    return is_lead_paragraph(b.text) or (body_style is not None and _style(b.owner) == body_style)


def _style(el: Any) -> tuple[str, str | None] | None:
    return (el.tag, el.get("class")) if el is not None else None


def _paragraph_style(walk: Walk, container: Any) -> tuple[str, str | None] | None:
    """The tag and class of the container's first prose line's element: how the body writes a paragraph."""
    first, last = walk.span[container]
    return next((_style(b.owner) for b in walk.blocks[first:last] if b.kind == PROSE), None)


def _header_lead(
    rules: Rules, header: Any, body_style: tuple[str, str | None] | None, settings: BodySettings
) -> list[str]:
    """The article's own text after the headline in a small header the walk skipped, outside furniture in it."""
    blocks = Walk(_unpruned(rules), header).blocks
    title = next((i for i, b in enumerate(blocks) if b.kind == TITLE), len(blocks))
    return [
        b.text
        for b in blocks[title + 1 :]
        if b.neg is header and _lead_line(b, rules, settings) and _own_text(b, body_style)
    ]


def _lead_line(b: Block, rules: Rules, settings: BodySettings) -> bool:
    return is_prose(b, settings) and not rules.boilerplate_line.fullmatch(b.text)


def _skipped_furniture(walk: Walk, el: Any) -> Any:
    """The outermost ancestor of an element that the walk skipped as small furniture, or None."""
    skipped = None
    for ancestor in el.iterancestors():
        if ancestor in walk.span:
            return skipped
        if ancestor.tag in walk.rules.prunable:
            skipped = ancestor
    return skipped


def _precedes(a: Any, b: Any) -> bool:
    """Whether element a comes before element b in document order, neither inside the other."""
    chain = [b, *b.iterancestors()]
    child = a
    for parent in a.iterancestors():
        if parent is b:
            return False
        if parent in chain:
            return parent.index(child) < parent.index(chain[chain.index(parent) - 1])
        child = parent
    return False


@cache
def _unpruned(rules: Rules) -> Rules:
    # The header is read whole, however small: the rules that skip small furniture would skip it.
    return dataclasses.replace(rules, prunable=frozenset())
