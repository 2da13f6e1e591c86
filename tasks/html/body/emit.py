"""The chosen containers' paragraphs without nested furniture, link lists, one-line furniture or teaser lists."""

from __future__ import annotations

import re
from typing import Any

from tasks.html.body.score import Scorer
from tasks.html.body.settings import BodySettings
from tasks.html.body.walk import HEADING, PROSE, TITLE, Block

# A link whose text is its own address was typed by the author (a source, a shop link), not generated
# navigation, so it stays despite being all link.
_BARE_URL = re.compile(r"(https?://|www\.)\S+")
_SENTENCE_END = ".!?:;\"'”’"
_MARKER_TRIM = " :»›>→|-–—<«‹←"


def emit_paragraphs(scorer: Scorer, containers: list[Any], settings: BodySettings) -> list[str]:
    """Paragraphs of the chosen containers, furniture removed (see the module docstring, step 4)."""
    walk = scorer.walk
    rules = walk.rules
    wrapper: dict[Any, bool] = {}
    out: list[tuple[str, bool]] = []  # (text, is heading)
    # After a "Related articles"-style marker the article has usually ended, but publishers also drop such
    # boxes mid-article.  So the text after a marker is held back until two prose paragraphs in a row show the
    # article going on; a teaser list (headline link, summary, headline link, ...) never shows that.
    suspended = False
    pending: Block | None = None
    for container in containers:
        first, last = walk.span[container]
        depth = walk.depth[container]
        container_chars = scorer.chars(container)[0]
        for b in walk.blocks[first:last]:
            if b.kind == TITLE:
                continue
            if b.neg_depth > depth:
                # Furniture hints are fuzzy ("elementor-widget-container" wraps whole articles): an element holding
                # most of the article's text is a wrapper, not furniture.
                if b.neg not in wrapper:
                    wrapper[b.neg] = scorer.chars(b.neg)[0] > settings.wrapper_share * container_chars
                if not wrapper[b.neg]:
                    continue
            marker_like = b.kind == HEADING or (
                b.chars <= settings.max_marker_chars and b.text[-1] not in _SENTENCE_END
            )
            if marker_like and rules.section_end.fullmatch(b.text.strip(_MARKER_TRIM)):
                suspended, pending = True, None
                continue
            if (
                (b.link_chars > settings.max_link_density * b.chars and not _BARE_URL.fullmatch(b.text))
                or (b.chars <= settings.max_boilerplate_chars and rules.boilerplate_line.fullmatch(b.text))
            ):
                pending = None
                continue
            if suspended:
                if not is_prose(b, settings):
                    pending = None
                    continue
                if pending is None:
                    pending = b
                    continue
                suspended = False
                out.append((pending.text, False))
                pending = None
            out.append((b.text, b.kind == HEADING))
    # A heading is only worth keeping when text follows it; a dangling one titled furniture.
    while out and out[-1][1]:
        out.pop()
    return [text for text, _ in out]


def is_prose(b: Block, settings: BodySettings) -> bool:
    """Whether a line is prose: a paragraph long enough and with little link text (the sibling-prose settings)."""
    return b.kind == PROSE and b.chars >= settings.sibling_prose_chars and (
        b.link_chars <= settings.sibling_prose_link_density * b.chars
    )
