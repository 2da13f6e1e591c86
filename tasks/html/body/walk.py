"""A page tree linearised into blocks of text, each with its owner element, link text and surrounding furniture."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from lxml import etree

from tasks.html.body.rules import INLINE_HIDDEN, INLINE_LINE, INLINE_TEXT, Rules, class_hint, inline_role

# Block kinds.
PROSE, HEADING, TITLE, OTHER = 0, 1, 2, 3

_NON_PROSE_OWNERS = frozenset({"ul", "ol", "dl", "table", "tbody", "thead", "tfoot", "tr", "hr", "br"})
# Furniture tags holding less text than this are skipped unwalked; a bigger one might be a misused wrapper
# and is walked like any element.
_PRUNE_CHARS = 2000
_TEXT_OF = etree.XPath("string()")
_MAX_DEPTH = 400
_CELLS = frozenset({"td", "th"})
# React's streaming server rendering sends late parts of a page (often the article itself) in
# <div hidden id="S:1"> and moves them into place with a script: hidden in the markup, shown in the browser.
_STREAMED_SEGMENT = re.compile(r"S:[0-9a-f]+$")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_PAGE_ROOTS = ("body", "html")

# The innermost furniture element around the walk's position and its depth; (None, -1) outside any.
_Furniture = tuple[Any, int]


class Block:
    """One line of text between block-level tags."""

    __slots__ = ("chars", "kind", "link_chars", "neg", "neg_depth", "owner", "text")

    def __init__(self, text: str, link_chars: int, owner: Any, kind: int, neg: Any, neg_depth: int) -> None:
        self.text = text
        self.chars = len(text)
        self.link_chars = min(link_chars, self.chars)
        self.owner = owner
        self.kind = kind
        self.neg = neg  # innermost furniture element around the block, or None
        self.neg_depth = neg_depth  # its depth in the tree, -1 if none


class Walk:
    """A tree linearised into blocks, with each element's block span, depth and innermost furniture element.

    Attributes:
        blocks: the page's lines of text in document order.
        span: element -> (index of its first block, index after its last block).
        depth: element -> depth below the walked root.
        neg_of: element -> innermost furniture element around or at it (None when there is none).
        hint: element -> +1.0 / -1.0 for a positive / negative class-id hint (absent when neither).
    """

    def __init__(self, rules: Rules, root: Any) -> None:
        self.rules = rules
        self.blocks: list[Block] = []
        self.span: dict[Any, tuple[int, int]] = {}
        self.depth: dict[Any, int] = {}
        self.neg_of: dict[Any, Any] = {}
        self.hint: dict[Any, float] = {}
        owners: list[Any] = []
        negs: list[_Furniture] = [(None, -1)]
        add, end_block, pieces = _text_sink(rules, self.blocks, owners, negs)
        visit, release = _visitor(self, add, end_block, pieces, owners, negs)
        visit(root, 0, False)
        release()
        if root.tail:
            add(root.tail, False)
        end_block()


def _text_sink(
    rules: Rules, blocks: list[Block], owners: list[Any], negs: list[_Furniture]
) -> tuple[Callable[[str, bool], None], Callable[[], None], list[str]]:
    """The closures that gather text into blocks: add(text, in_link), end_block(), and the pending pieces.

    Closures over local names, not methods: the walk is most of the extractor's time, and attribute lookups
    on self per element cost about a third of it.
    """
    heading, title = rules.heading, rules.title
    pieces: list[str] = []
    link_chars = 0
    # Whether a pending piece holds more than whitespace.  Most block boundaries have only the indentation
    # between tags pending, which makes an empty line: such pieces are dropped without the join.
    has_text = False

    def add(text: str, in_link: bool) -> None:
        nonlocal link_chars, has_text
        pieces.append(text)
        if not text.isspace():
            has_text = True
            if in_link:
                link_chars += len(text.strip())

    def end_block() -> None:
        nonlocal link_chars, has_text
        if not has_text:
            pieces.clear()
            return
        text = " ".join("".join(pieces).split())
        chars = link_chars
        pieces.clear()
        link_chars = 0
        has_text = False
        owner = owners[-1] if owners else None
        tag = owner.tag if owner is not None else ""
        if tag in heading:
            kind = HEADING
        elif tag in title:
            kind = TITLE
        elif owner is not None and tag not in _NON_PROSE_OWNERS:
            kind = PROSE
        else:
            kind = OTHER
        neg, neg_depth = negs[-1]
        blocks.append(Block(text, chars, owner, kind, neg, neg_depth))

    return add, end_block, pieces


def _hidden(el: Any, style: str | None) -> bool:
    """Whether an element is hidden by its hidden attribute (React's streamed segments aside) or inline style."""
    if el.get("hidden") is not None and not _STREAMED_SEGMENT.match(el.get("id") or ""):
        return True
    return bool(style) and _HIDDEN_STYLE.search(style) is not None


def _flat_text(el: Any) -> str:
    """An element's text as one run (" " when it has none): only broken markup (thousands of unclosed tags) nests
    past the walk's depth limit, and the rest is read so rather than recursing past Python's stack limit."""
    return " ".join(el.itertext()) or " "


def _data_cell(cell: Any, block_tags: frozenset[str]) -> bool:
    """Whether a table cell holds data, not paragraphs: it joins its row, so a table reads one row per line
    ("3 Jane Doe 42"); a layout cell holding paragraphs stays a block."""
    return not any(child.tag in block_tags for child in cell)


def _role_furniture(el: Any, role: str, negative: bool, rules: Rules, hint_of: dict[Any, float]) -> bool:
    """Whether an element is furniture once its ARIA role is read; a content role records a positive hint."""
    role = role.strip().lower()
    if role in rules.furniture_roles:
        return True
    if role in rules.content_roles:
        hint_of[el] = 1.0
    return negative


def _class_furniture(
    el: Any, tag: str, hints: str, negative: bool, hint_of: dict[Any, float], is_heading: bool
) -> bool:
    """Whether an element is furniture once its class/id hint is read; a hint is recorded."""
    if is_heading:
        # On a heading, "header" in the class names the heading itself ("subbuzz__header"), not the page's
        # header: such headings carry article text on some sites.
        hints = hints.replace("header", "heading")
    hint = class_hint(hints)
    if hint:
        hint_of[el] = hint
        # A positive hint overrides a furniture tag (<header class="article-body">); the page root
        # is never furniture, whatever theme classes it carries.
        negative = hint < 0 and tag not in _PAGE_ROOTS
    return negative


def _visitor(
    walk: Walk,
    add: Callable[[str, bool], None],
    end_block: Callable[[], None],
    pieces: list[str],
    owners: list[Any],
    negs: list[_Furniture],
) -> tuple[Callable[[Any, int, bool], None], Callable[[], None]]:
    """visit(element, depth, in_link), which walks a subtree into blocks, and release(), to call once done.

    visit refers to itself through its closure: a cycle that would keep the walk's dicts, and through their
    keys the lxml tree, alive until the garbage collector runs (its passes cost a fifth of extraction time).
    """
    rules = walk.rules
    skip, block_tags, prunable, furniture, heading = rules.skip, rules.block, rules.prunable, rules.furniture, rules.heading
    blocks, span, depth_of, neg_of, hint_of = walk.blocks, walk.span, walk.depth, walk.neg_of, walk.hint

    def visit(el: Any, depth: int, in_link: bool) -> None:
        """Walk one element's subtree; the caller adds the element's tail, which lies outside it."""
        tag = el.tag
        if tag.__class__ is not str or tag in skip:  # a comment or processing instruction, or a skipped tag
            return
        # Each get() is a call into lxml: one call lists the names, and only the attributes present are read.
        keys = el.keys()
        if keys and ("style" in keys or "hidden" in keys) and _hidden(el, el.get("style")):
            return
        if depth > _MAX_DEPTH:
            add(_flat_text(el), in_link)
            return
        is_block = tag in block_tags
        if is_block and tag in _CELLS and _data_cell(el, block_tags):
            is_block = False
            pieces.append(" ")
        cls = el.get("class") if "class" in keys else None
        ident, role = el.get("id") if "id" in keys else None, el.get("role") if "role" in keys else None
        inline = inline_role(cls) if cls and not is_block else INLINE_TEXT
        if inline == INLINE_HIDDEN:
            return
        if inline == INLINE_LINE:
            end_block()
        negative = tag in furniture
        if role:
            negative = _role_furniture(el, role, negative, rules, hint_of)
        if negative and tag in prunable and len(_TEXT_OF(el)) < _PRUNE_CHARS:
            # Small navigation, asides and footers cannot hold the article: skipping their subtrees (a third
            # of a typical page's elements) saves a third of the walk.  They still end the line before them.
            end_block()
            return
        if is_block:
            end_block()
            owners.append(el)
        if cls or ident:
            negative = _class_furniture(el, tag, f"{cls or ''} {ident or ''}", negative, hint_of, tag in heading)
        if negative:
            negs.append((el, depth))
        depth_of[el] = depth
        neg_of[el] = negs[-1][0]
        inside_link = in_link or tag == "a"
        first = len(blocks)
        text = el.text
        if text:  # most text between tags is indentation, which needs no call to add()
            pieces.append(text) if text.isspace() else add(text, inside_link)
        for child in el:
            visit(child, depth + 1, inside_link)
            tail = child.tail
            if tail:
                pieces.append(tail) if tail.isspace() else add(tail, inside_link)
        if is_block or inline == INLINE_LINE:
            end_block()
        if is_block:
            owners.pop()
        if negative:
            negs.pop()
        span[el] = (first, len(blocks))

    def release() -> None:
        nonlocal visit
        visit = None

    return visit, release
