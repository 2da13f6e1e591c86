"""Main article text of a parsed HTML page: paragraphs vote for their container, furniture inside it is dropped.

How it works, in one pass over the tree plus a little bookkeeping:

1. **Linearise.** The tree is walked once; text is cut into blocks at block-level tags (``<p>``, ``<div>``,
   ``<li>``, ``<br>``, headings; a data table gives one block per row).  Each block remembers the innermost
   block element that owns it, how much of its text sits inside links, and the innermost *furniture* element
   around it: a tag (``<nav>``, ``<aside>``, ``<footer>``...) or a class/id hint such as ``share``, ``related``,
   ``newsletter`` or ``comment`` (lexicons ``html_body_tags`` and ``html_body_hints``).  Scripts, styles, hidden
   elements and small navigation/aside/footer subtrees are not walked at all.  ARIA landmark roles count like
   the matching tags.
2. **Vote.** Every prose block (at least ``min_vote_chars`` long) adds ``1 + commas + min(chars / 100, 3)``,
   scaled by its share of non-link text, to the element holding it and decaying shares to the next ancestors,
   as in Arc90's readability.  An element's final score is its votes plus class/tag hints, times its share of
   non-link text, and shrunk when it sits inside furniture.
3. **Choose.** The best-scoring element wins; the choice moves up to an ancestor that scores better or that
   several strong candidates share, then out through wrappers holding nothing else.  Siblings that score well
   or hold plain prose are merged in, and so are "twins": elements with the winner's tag and class under a
   near ancestor.  That is how articles split over several ``<div>``s (around ads, embeds, teasers) come out whole.
4. **Emit.** Blocks of the chosen elements are kept in document order, except blocks inside furniture nested
   in the article (unless it wraps most of the article: class hints are fuzzy), link lists and one-line
   furniture ("Advertisement", "Share on Facebook", "Read more: ...").  Repeated paragraphs are kept: pull
   quotes and repeated list lines belong to the reference texts.  After a marker such as "Related articles" or
   "Latest news", text is held back until two prose paragraphs in a row show the article going on, which drops
   teaser lists (lexicon ``html_body_phrases``).  Prose between the page's <h1> and the container (a
   standfirst) is put in front.
5. **JSON-LD.** When the page's JSON-LD ``articleBody`` is much longer than what the tree gave (text rendered by
   JavaScript, teaser-only markup), it is the answer; when it covers most of it, paragraphs it does not contain
   are dropped, provided the two mostly agree.

Why lxml and not a BeautifulSoup tree (measured on the 91 shared evaluation pages, 2 cores, Python 3.11):
building the bs4 tree alone, ``BeautifulSoup(text, "lxml")``, takes about 42 ms a page (24 pages/s), already
slower than trafilatura's whole extraction (28-45 pages/s on the same pages and process), while the acceptance
asks for twice trafilatura's speed.  ``lxml.html`` parses a page in about 1.1-1.3 ms and this module's walk and
scoring take about 1.9 ms of CPU, so ``extract_page`` (decode, parse, metadata, body) runs at about 200 pages/s,
3.7 times trafilatura's rate in wall and CPU time (``bench/extraction.py``, median of 3 runs on a machine
shared with other jobs, load about 3.7 on 2 cores).
BeautifulSoup is still used where it is good at its job: encoding detection in tasks.encoding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from tasks.html.jsonld import jsonld_objects
from tasks.lexicon import load_lexicon, load_patterns


@dataclass(frozen=True)
class BodySettings:
    """Thresholds of main-text detection.

    Attributes:
        min_vote_chars: a paragraph shorter than this does not vote for its container (captions, labels).
        ancestor_shares: share of a paragraph's vote given to its container, the container's parent, and so on.
        class_weight: added to a candidate whose class/id has a positive hint, taken from one with a negative hint.
        furniture_factor: score multiplier for a candidate inside (or being) furniture such as a sidebar.
        furniture_max_share: furniture holding more than this share of the page's text is a page wrapper
            (an ASP.NET ``<form>``, ``<div class="page has-sidebar">``), not furniture, for scoring.
        parent_min_share: the choice moves up through ancestors scoring at least this share of the winner.
        alternative_share: candidates scoring at least this share of the winner count as alternatives ...
        min_alternatives: ... and when this many share an ancestor with the winner, the ancestor wins.
        sibling_share: a sibling of the winner scoring at least this share of it is merged in.
        sibling_min_score: ... provided it also scores at least this.
        twin_levels: same-styled parts of a split article are merged when they share an ancestor at most this
            many levels above the winner.
        sibling_prose_chars: a sibling paragraph at least this long with little link text is merged in.
        sibling_prose_link_density: ... "little link text" means at most this share.
        wrapper_share: furniture inside the article holding more than this share of its text is a wrapper whose
            class/id misleads, and is kept.
        max_link_density: an emitted paragraph with more link text than this share is a link list and dropped.
        max_boilerplate_chars: only paragraphs up to this long are tested against one-line furniture patterns.
        max_marker_chars: a line without final punctuation up to this long can be a "Related articles" marker.
        jsonld_min_chars: a JSON-LD articleBody shorter than this is ignored (teasers, descriptions).
        jsonld_ratio: the JSON-LD articleBody replaces the extracted text when the latter has fewer than this
            share of its characters.
    """

    min_vote_chars: int = 25
    ancestor_shares: tuple[float, ...] = (1.0, 0.5, 1 / 6, 1 / 9, 1 / 12)
    class_weight: float = 25.0
    furniture_factor: float = 0.3
    furniture_max_share: float = 0.5
    parent_min_share: float = 1 / 3
    alternative_share: float = 0.75
    min_alternatives: int = 3
    sibling_share: float = 0.2
    sibling_min_score: float = 10.0
    twin_levels: int = 4
    sibling_prose_chars: int = 80
    sibling_prose_link_density: float = 0.25
    wrapper_share: float = 0.8
    max_link_density: float = 0.5
    max_boilerplate_chars: int = 160
    max_marker_chars: int = 40
    lead_window: int = 10
    jsonld_min_chars: int = 200
    jsonld_ratio: float = 0.6
    jsonld_complete_ratio: float = 0.7
    jsonld_paragraph_share: float = 0.5
    jsonld_min_agreement: float = 0.7


DEFAULT_SETTINGS = BodySettings()

# Block kinds.
_PROSE, _HEADING, _TITLE, _OTHER = 0, 1, 2, 3

# Readability's tag priors for a candidate container.
_TAG_PRIOR = {"div": 5.0, "article": 5.0, "section": 2.0, "main": 2.0, "pre": 3.0, "td": 3.0, "blockquote": 3.0,
              "ul": -3.0, "ol": -3.0, "dl": -3.0, "li": -3.0, "dd": -3.0, "dt": -3.0, "form": -3.0,
              "h2": -5.0, "h3": -5.0, "h4": -5.0, "h5": -5.0, "h6": -5.0, "th": -5.0}
# A link whose text is its own address was typed by the author (a source, a shop link), not generated
# navigation, so it stays despite being all link.
_BARE_URL = re.compile(r"(https?://|www\.)\S+")
_SENTENCE_END = ".!?:;\"'”’"
_MARKER_TRIM = " :»›>→|-–—<«‹←"
_BRACKETED = re.compile(r"\[[^\]]*\]")
_NON_PROSE_OWNERS = frozenset({"ul", "ol", "dl", "table", "tbody", "thead", "tfoot", "tr", "hr", "br"})
# Furniture tags holding less text than this are skipped unwalked (see _Walk); a bigger one might be a
# misused wrapper and is walked like any element.
_PRUNE_CHARS = 2000
_TEXT_OF = etree.XPath("string()")
_LINES = re.compile(r"\r?\n")
_WORD = re.compile(r"\w+")
_MAX_DEPTH = 400
_CELLS = frozenset({"td", "th"})
# React's streaming server rendering sends late parts of a page (often the article itself) in
# <div hidden id="S:1"> and moves them into place with a script: hidden in the markup, shown in the browser.
_STREAMED_SEGMENT = re.compile(r"S:[0-9a-f]+$")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_COMMAS = re.compile(r"[,،、，]")
_TAG_STRIP = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class _Rules:
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
    boilerplate_line: re.Pattern[str]
    section_end: re.Pattern[str]


@cache
def _rules() -> _Rules:
    tags = load_lexicon("html/body_tags")
    hints = load_patterns("html/body_hints")
    phrases = load_patterns("html/body_phrases")
    negative = "|".join(hints["negative_substrings"])
    negative_tokens = "|".join(hints["negative_tokens"])
    return _Rules(
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
        boilerplate_line=re.compile("|".join(f"(?:{p})" for p in phrases["boilerplate_line"]), re.IGNORECASE),
        section_end=re.compile("|".join(f"(?:{p})" for p in phrases["section_end"]), re.IGNORECASE),
    )


@lru_cache(maxsize=65_536)
def _hint(hints: str) -> float:
    """+1 for a positive class/id hint, -1 for a negative one, 0 for none (cached: pages repeat class names)."""
    rules = _rules()
    lowered = hints.lower()
    if "[" in lowered or ":" in lowered:
        # Utility-class frameworks (Tailwind) name looks, not roles: "print:max-w-full" is a print-media
        # variant, "scroll-mt-[theme(spacing.sticky-header)]" an arbitrary value.  Such classes say nothing
        # about the element's role, and their words ("print", "header") would read as furniture.
        lowered = " ".join(t for t in _BRACKETED.sub(" ", lowered).split() if ":" not in t)
    return 1.0 if rules.positive.search(lowered) else -1.0 if rules.negative.search(lowered) else 0.0


@lru_cache(maxsize=65_536)
def _inline_hidden(cls: str) -> bool:
    """True for the class of an inline element whose text is not part of its sentence (hover card, tooltip)."""
    return _rules().inline_hidden.search(cls.lower()) is not None


class _Block:
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


class _Walk:
    """A tree linearised into blocks, with each element's block span, depth and innermost furniture element.

    Attributes:
        blocks: the page's lines of text in document order.
        span: element -> (index of its first block, index after its last block).
        depth: element -> depth below the walked root.
        neg_of: element -> innermost furniture element around or at it (None when there is none).
        hint: element -> +1.0 / -1.0 for a positive / negative class-id hint (absent when neither).
    """

    def __init__(self, rules: _Rules, root: Any) -> None:
        self.rules = rules
        self.blocks: list[_Block] = []
        self.span: dict[Any, tuple[int, int]] = {}
        self.depth: dict[Any, int] = {}
        self.neg_of: dict[Any, Any] = {}
        self.hint: dict[Any, float] = {}
        self._run(root)

    def _run(self, root: Any) -> None:
        # One recursive closure over local names: this walk is most of the extractor's time, and attribute
        # lookups on self per element cost about a third of it.
        rules = self.rules
        skip, block_tags, furniture = rules.skip, rules.block, rules.furniture
        heading, title = rules.heading, rules.title
        blocks, span, depth_of, neg_of, hint_of = self.blocks, self.span, self.depth, self.neg_of, self.hint
        new_block = _Block
        hidden_style = _HIDDEN_STYLE.search
        streamed = _STREAMED_SEGMENT.match
        prunable, prune_chars = rules.prunable, _PRUNE_CHARS
        furniture_roles, content_roles = rules.furniture_roles, rules.content_roles
        text_of = _TEXT_OF
        pieces: list[str] = []
        owners: list[Any] = []
        negs: list[tuple[Any, int]] = [(None, -1)]
        link_chars = 0
        link_depth = 0
        # Whether a pending piece holds more than whitespace.  Most block boundaries have only the indentation
        # between tags pending, which makes an empty line: callers test this flag and drop such pieces
        # without the call and the join.
        has_text = False

        def add(text: str) -> None:
            nonlocal link_chars, has_text
            pieces.append(text)
            if not text.isspace():
                has_text = True
                if link_depth:
                    link_chars += len(text.strip())

        def flush() -> None:
            nonlocal link_chars, has_text
            text = " ".join("".join(pieces).split())
            chars = link_chars
            pieces.clear()
            link_chars = 0
            has_text = False
            owner = owners[-1] if owners else None
            tag = owner.tag if owner is not None else ""
            if tag in heading:
                kind = _HEADING
            elif tag in title:
                kind = _TITLE
            elif owner is not None and tag not in _NON_PROSE_OWNERS:
                kind = _PROSE
            else:
                kind = _OTHER
            neg, neg_depth = negs[-1]
            blocks.append(new_block(text, chars, owner, kind, neg, neg_depth))

        def visit(el: Any, depth: int) -> None:
            """Walk one element's subtree; the caller adds the element's tail, which lies outside it."""
            nonlocal link_depth
            tag = el.tag
            if tag.__class__ is not str:  # comment or processing instruction: only its tail is text
                return
            style = el.get("style")
            if (
                tag in skip
                or (el.get("hidden") is not None and not streamed(el.get("id") or ""))
                or (style and hidden_style(style))
            ):
                return
            if depth > _MAX_DEPTH:
                # Only broken markup (thousands of unclosed tags) nests this deep: read the rest as one run of
                # text rather than recurse past Python's stack limit.
                rest = " ".join(el.itertext())
                if rest:
                    add(rest)
                return
            is_block = tag in block_tags
            if is_block and tag in _CELLS and not any(child.tag in block_tags for child in el):
                # A data cell joins its row, so a table reads one row per line ("3 Jane Doe 42"); a layout
                # cell holding paragraphs stays a block.
                is_block = False
                pieces.append(" ")
            if is_block:
                if has_text:
                    flush()
                else:
                    pieces.clear()
                owners.append(el)
            cls, ident = el.get("class"), el.get("id")
            if cls and not is_block and _inline_hidden(cls):
                return
            negative = tag in furniture
            role = el.get("role")
            if role:
                role = role.strip().lower()
                if role in furniture_roles:
                    negative = True
                elif role in content_roles:
                    hint_of[el] = 1.0
            if negative and tag in prunable and len(text_of(el)) < prune_chars:
                # Small navigation, asides and footers cannot hold the article: skipping their subtrees
                # (a third of a typical page's elements) saves a third of the walk.
                return
            if cls or ident:
                hint = _hint(f"{cls or ''} {ident or ''}")
                if hint:
                    hint_of[el] = hint
                    # A positive hint overrides a furniture tag (<header class="article-body">); the page root
                    # is never furniture, whatever theme classes it carries.
                    negative = hint < 0 and tag not in ("body", "html")
            if negative:
                negs.append((el, depth))
            depth_of[el] = depth
            neg_of[el] = negs[-1][0]
            is_link = tag == "a"
            if is_link:
                link_depth += 1
            first = len(blocks)
            text = el.text
            if text:
                add(text)
            for child in el:
                visit(child, depth + 1)
                tail = child.tail
                if tail:
                    add(tail)
            if is_link:
                link_depth -= 1
            if is_block:
                if has_text:
                    flush()
                else:
                    pieces.clear()
                owners.pop()
            if negative:
                negs.pop()
            span[el] = (first, len(blocks))

        visit(root, 0)
        # visit refers to itself through its closure: a reference cycle that would keep the walk's dicts, and
        # through their keys the whole lxml tree, alive until the garbage collector runs.  Breaking it frees
        # them when the page is done (the collector's passes cost a fifth of extraction time before).
        visit = None
        if root.tail:
            add(root.tail)
        if has_text:
            flush()


class _Scorer:
    """Votes of prose blocks for their containers, and the choice of the article container."""

    def __init__(self, walk: _Walk, settings: BodySettings) -> None:
        self.walk = walk
        self.settings = settings
        blocks = walk.blocks
        self.cum_chars = [0]
        self.cum_links = [0]
        for b in blocks:
            self.cum_chars.append(self.cum_chars[-1] + b.chars)
            self.cum_links.append(self.cum_links[-1] + b.link_chars)
        self.total_chars = self.cum_chars[-1]
        self.votes: dict[Any, float] = {}
        self.final: dict[Any, float] = {}

    def chars(self, el: Any) -> tuple[int, int]:
        first, last = self.walk.span.get(el, (0, 0))
        return self.cum_chars[last] - self.cum_chars[first], self.cum_links[last] - self.cum_links[first]

    def link_density(self, el: Any) -> float:
        chars, links = self.chars(el)
        return links / chars if chars else 1.0

    def vote(self) -> None:
        s = self.settings
        paragraph = self.walk.rules.paragraph
        votes = self.votes
        for b in self.walk.blocks:
            if b.kind != _PROSE or b.chars < s.min_vote_chars:
                continue
            weight = (1.0 + len(_COMMAS.findall(b.text)) + min(b.chars / 100.0, 3.0)) * (1.0 - b.link_chars / b.chars)
            if weight <= 0:
                continue
            el = b.owner.getparent() if b.owner.tag in paragraph else b.owner
            for share in s.ancestor_shares:
                if el is None or not isinstance(el.tag, str) or el.tag == "html":
                    break
                votes[el] = votes.get(el, 0.0) + weight * share
                el = el.getparent()
        walk = self.walk
        for el, v in votes.items():
            score = v + _TAG_PRIOR.get(el.tag, 0.0) + s.class_weight * walk.hint.get(el, 0.0)
            score *= 1.0 - self.link_density(el)
            neg = walk.neg_of.get(el)
            if neg is not None and self.chars(neg)[0] <= s.furniture_max_share * self.total_chars:
                score *= s.furniture_factor
            self.final[el] = score

    def choose(self) -> list[Any]:
        """The article's container elements in document order: one element or adjacent siblings."""
        if not self.final:
            return []
        ranked = sorted(self.final.items(), key=lambda kv: kv[1], reverse=True)
        top, top_score = ranked[0]
        if top_score <= 0:
            return []
        top = self._shared_ancestor(top, top_score, ranked[1:6])
        top = self._climb(top)
        wrappers = self._wrappers(top)
        top = wrappers[-1]
        chosen = self._with_siblings(top)
        twins = [twin for level in wrappers for twin in self._twins(level, ranked)]
        if twins:
            # A twin nested in another twin (or in the winner) is already covered by it.
            covered = set(chosen) | set(twins)
            twins = [el for el in twins if not any(a in covered for a in el.iterancestors())]
            chosen = sorted(set(chosen) | set(twins), key=lambda el: self.walk.span[el])
        return chosen

    def _twins(self, top: Any, ranked: list[tuple[Any, float]]) -> list[Any]:
        """Other parts of an article split into same-styled boxes ("text-block") under a near ancestor.

        CMSs cut articles around ads, embeds and teasers into repeated elements with the winner's tag and
        class; the parts are cousins, not siblings, so neither the climb nor the sibling merge reaches them.
        """
        s = self.settings
        cls = top.get("class")
        if not cls:
            return []
        threshold = max(s.sibling_min_score, self.final.get(top, 0.0) * s.sibling_share)
        near = list(top.iterancestors())[: s.twin_levels]
        twins = []
        for el, score in ranked:
            if score < threshold:
                break
            if el is top or el.tag != top.tag or el.get("class") != cls:
                continue
            if el not in near and any(a in near for a in el.iterancestors()):
                twins.append(el)
        return twins

    def _shared_ancestor(self, top: Any, top_score: float, others: list[tuple[Any, float]]) -> Any:
        s = self.settings
        strong = [el for el, sc in others if sc >= s.alternative_share * top_score]
        if len(strong) < s.min_alternatives:
            return top
        alternatives = [set(el.iterancestors()) for el in strong]
        for parent in top.iterancestors():
            if parent.tag in ("body", "html"):
                break
            if sum(parent in anc for anc in alternatives) >= s.min_alternatives:
                return parent
        return top

    def _wrappers(self, top: Any) -> list[Any]:
        """The winner and the ancestors wrapping nothing but it, innermost first: the same content, but an outer
        one's class may say more, and its siblings are the article's neighbours."""
        skip = self.walk.rules.skip
        chain = [top]
        parent = top.getparent()
        while (
            parent is not None
            and parent.tag not in ("body", "html")
            and self.walk.hint.get(parent, 0.0) >= 0
            and all(c is chain[-1] or not isinstance(c.tag, str) or c.tag in skip for c in parent)
        ):
            chain.append(parent)
            parent = parent.getparent()
        return chain

    def _climb(self, top: Any) -> Any:
        s = self.settings
        top_score = self.final.get(top, 0.0)
        last = top_score
        parent = top.getparent()
        while parent is not None and parent.tag not in ("body", "html"):
            score = self.final.get(parent)
            if score is None:
                parent = parent.getparent()
                continue
            if score < top_score * s.parent_min_share:
                break
            if score > last:
                top = parent
                break
            last = score
            parent = parent.getparent()
        return top

    def _with_siblings(self, top: Any) -> list[Any]:
        s = self.settings
        parent = top.getparent()
        if parent is None:
            return [top]
        top_score = self.final.get(top, 0.0)
        threshold = max(s.sibling_min_score, top_score * s.sibling_share)
        walk = self.walk
        chosen = []
        for sibling in parent:
            if sibling is top:
                chosen.append(sibling)
                continue
            if not isinstance(sibling.tag, str) or sibling not in walk.span:
                continue
            if walk.neg_of.get(sibling) is sibling or walk.hint.get(sibling, 0.0) < 0:
                continue
            if self.final.get(sibling, 0.0) >= threshold:
                chosen.append(sibling)
                continue
            if sibling.tag in walk.rules.paragraph:
                chars, links = self.chars(sibling)
                if chars >= s.sibling_prose_chars and links <= s.sibling_prose_link_density * chars:
                    chosen.append(sibling)
        return chosen


def _emit(scorer: _Scorer, containers: list[Any], settings: BodySettings) -> list[str]:
    """Paragraphs of the chosen containers, furniture removed (see the module docstring, step 4)."""
    walk = scorer.walk
    rules = walk.rules
    wrapper: dict[Any, bool] = {}
    out: list[tuple[str, bool]] = []  # (text, is heading)
    # After a "Related articles"-style marker the article has usually ended, but publishers also drop such
    # boxes mid-article.  So the text after a marker is held back until two prose paragraphs in a row show the
    # article going on; a teaser list (headline link, summary, headline link, ...) never shows that.
    suspended = False
    pending: _Block | None = None
    for container in containers:
        first, last = walk.span[container]
        depth = walk.depth[container]
        container_chars = scorer.chars(container)[0]
        for b in walk.blocks[first:last]:
            if b.kind == _TITLE:
                continue
            if b.neg_depth > depth:
                # Furniture hints are fuzzy ("elementor-widget-container" wraps whole articles): an element holding
                # most of the article's text is a wrapper, not furniture.
                if b.neg not in wrapper:
                    wrapper[b.neg] = scorer.chars(b.neg)[0] > settings.wrapper_share * container_chars
                if not wrapper[b.neg]:
                    continue
            marker_like = b.kind == _HEADING or (
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
                if not _is_prose(b, settings):
                    pending = None
                    continue
                if pending is None:
                    pending = b
                    continue
                suspended = False
                out.append((pending.text, False))
                pending = None
            out.append((b.text, b.kind == _HEADING))
    # A heading is only worth keeping when text follows it; a dangling one titled furniture.
    while out and out[-1][1]:
        out.pop()
    return [text for text, _ in out]


def _standfirst(walk: _Walk, container: Any, settings: BodySettings) -> list[str]:
    """Prose between the page title (<h1>) and the article container: the standfirst or summary.

    Templates often put the summary in the article header, a sibling of the body container, so the vote
    leaves it out.  Only prose found within a few lines back from the container, after the title, and outside
    furniture is taken.  A summary inside a <header> element is not: on the evaluation pages those were decks
    the reference texts leave out, while summaries the references keep sat in plain <div>s.
    """
    first = walk.span[container][0]
    found: list[str] = []
    for i in range(first - 1, max(-1, first - 1 - settings.lead_window), -1):
        b = walk.blocks[i]
        if b.kind == _TITLE:
            return found[::-1]
        if b.neg is None and _is_prose(b, settings) and not walk.rules.boilerplate_line.fullmatch(b.text):
            found.append(b.text)
    return []


def _is_prose(b: _Block, settings: BodySettings) -> bool:
    return b.kind == _PROSE and b.chars >= settings.sibling_prose_chars and (
        b.link_chars <= settings.sibling_prose_link_density * b.chars
    )


def _jsonld_article_body(doc: lxml_html.HtmlElement, objects: list[dict[str, Any]] | None) -> str:
    """The longest JSON-LD articleBody of the page, as paragraphs; "" when there is none.

    Args:
        doc: the parsed page.
        objects: the page's JSON-LD objects when the caller has them already, else None (parsed here).
    """
    if objects is None:
        # Parsing JSON-LD costs about as much as scoring the page, so pages that cannot carry a body skip it.
        if not any("articleBody" in (script.text or "") for script in doc.iter("script")):
            return ""
        objects = jsonld_objects(doc)
    best = ""
    for obj in objects:
        body = obj.get("articleBody")
        if isinstance(body, list):
            body = "\n\n".join(x for x in body if isinstance(x, str))
        if not isinstance(body, str):
            continue
        if "<" in body:
            body = _TAG_STRIP.sub("\n", body)
        if len(body) > len(best):
            best = body
    paragraphs = (" ".join(line.split()) for line in _LINES.split(best))
    return "\n\n".join(p for p in paragraphs if p)


def _trigrams(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return {tuple(words[i:i + 3]) for i in range(max(1, len(words) - 2))}


def _agree_with(paragraphs: list[str], reference: str, settings: BodySettings) -> list[str]:
    """Paragraphs that the publisher's own articleBody also contains, when the two mostly agree.

    A paragraph is kept when most of its word trigrams occur in the reference.  Short lines (headings) and
    the paragraphs before the first agreeing one (standfirsts, which articleBody usually omits) are kept.
    When the reference would remove too much, it describes another text (a teaser, a different article) and
    the paragraphs are returned unchanged.
    """
    ref = _trigrams(reference)
    kept = []
    agreed = False
    for p in paragraphs:
        grams = _trigrams(p)
        if len(grams) >= 3 and len(grams & ref) >= settings.jsonld_paragraph_share * len(grams):
            agreed = True
        elif agreed and len(grams) >= 3:
            continue
        kept.append(p)
    total = sum(map(len, paragraphs))
    return kept if sum(map(len, kept)) >= settings.jsonld_min_agreement * total else paragraphs


def extract_body(
    doc: lxml_html.HtmlElement,
    settings: BodySettings = DEFAULT_SETTINGS,
    jsonld: list[dict[str, Any]] | None = None,
) -> str:
    """The article text of a parsed page.

    Args:
        doc: the parsed page (see tasks.html_extract.parse_html); not modified.
        settings: detection thresholds.
        jsonld: the page's JSON-LD objects (tasks.jsonld.jsonld_objects) when the caller parsed them already;
            None to parse them here when the page may carry an articleBody.

    Returns:
        Paragraphs separated by a blank line ("\\n\\n"), whitespace inside each collapsed to single spaces;
        empty when the page has no recognisable article text.
    """
    root = doc.find("body")
    if root is None:
        root = doc
    walk = _Walk(_rules(), root)
    scorer = _Scorer(walk, settings)
    scorer.vote()
    containers = scorer.choose()
    paragraphs = _emit(scorer, containers, settings) if containers else []
    if paragraphs:
        lead = [text for text in _standfirst(walk, containers[0], settings) if text not in paragraphs]
        paragraphs = lead + paragraphs
    from_jsonld = _jsonld_article_body(doc, jsonld)
    if len(from_jsonld) >= settings.jsonld_min_chars:
        chars = sum(map(len, paragraphs))
        if chars < settings.jsonld_ratio * len(from_jsonld):
            return from_jsonld
        if len(from_jsonld) >= settings.jsonld_complete_ratio * chars:
            paragraphs = _agree_with(paragraphs, from_jsonld, settings)
    return "\n\n".join(paragraphs)
