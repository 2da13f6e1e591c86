"""The body elements the date and author rules read (date boxes, bylines, author links, labelled lines)."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import cache, lru_cache

from lxml import html as lxml_html

from tasks.html.meta.text import element_text
from tasks.lexicon import load_lexicon

# Class and id fragments are matched on ASCII-lower-cased values, as XPath's translate() did before this walk
# replaced it (str.lower() would also fold non-ASCII letters such as the Kelvin sign into "k").
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
# normalize-space() splits on XML whitespace only; str.split() would also split on no-break spaces.
_XML_SPACE = re.compile(r"[ \t\n\r]+")
# Flags of a class or id value: the lexicon groups of fragments it contains.
_DATE_CONTAINER, _DATE_SKIP, _NOT_ARTICLE = 1, 2, 4
# Blocks whose leading text may be a label ("Datum 28.04.2023", "Autor: Jane Doe").
_LABELLED_TAGS = frozenset({"li", "p", "div", "span", "dd", "td"})


@dataclass(frozen=True)
class BodyMarks:
    """Elements of the page body that the date and author rules read, each list in document order.

    Attributes:
        authors: elements with rel="author" (one of its tokens) or itemprop="author".
        author_links: links to an author page (lexicon author_href) outside lists of other articles.
        bylines: outermost elements whose class says byline or author, or marked rel/itemprop author.
        date_containers: elements whose class or id names a date, neither inside a list of other articles
            nor a modification note.
        labelled: (block, its leading text) for blocks whose leading text opens with a date or author label or
            a byline prefix ("By").
    """

    authors: list[lxml_html.HtmlElement]
    author_links: list[lxml_html.HtmlElement]
    bylines: list[lxml_html.HtmlElement]
    date_containers: list[lxml_html.HtmlElement]
    labelled: list[tuple[lxml_html.HtmlElement, str]]


@cache
def date_label_pattern() -> re.Pattern[str]:
    """A date label at the start of a text ("Datum", "Published on"), from lexicon meta_dates [date_label]."""
    labels = sorted(load_lexicon("html/meta_dates")["date_label"], key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(w) for w in labels) + r")\b", re.IGNORECASE)


@cache
def author_label_pattern() -> re.Pattern[str]:
    """An author label at the start of a text ("Autor:"), from lexicon meta_byline [author_label]."""
    labels = sorted(load_lexicon("html/meta_byline")["author_label"], key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(w) for w in labels) + r")(?:\s*:)?(?:\s+|$)", re.IGNORECASE)


@cache
def byline_prefix_pattern() -> re.Pattern[str]:
    """A byline prefix opening a text ("By", "Von"), alone or before a name, from lexicon meta_byline [byline_prefix]."""
    prefixes = sorted(load_lexicon("html/meta_byline")["byline_prefix"], key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(w) for w in prefixes) + r")(?:\s*:|\s+|$)", re.IGNORECASE)


@cache
def _fragment_patterns() -> tuple[tuple[int, re.Pattern[str]], ...]:
    lex = load_lexicon("html/meta_dates")
    groups = (
        (_DATE_CONTAINER, lex["date_container"]),
        (_DATE_SKIP, lex["not_article"] + lex["modified_container"]),
        (_NOT_ARTICLE, lex["not_article"]),
    )
    return tuple((flag, re.compile("|".join(re.escape(w) for w in words))) for flag, words in groups)


@lru_cache(maxsize=65_536)
def _value_flags(value: str) -> int:
    """Flags of one class or id value (cached: a page repeats its class names many times)."""
    lowered = value.translate(_ASCII_LOWER)
    flags = 0
    for flag, pattern in _fragment_patterns():
        if pattern.search(lowered):
            flags |= flag
    return flags


def _flags(el: lxml_html.HtmlElement) -> int:
    """Flags of an element: those of its class and of its id."""
    cls, ident = el.get("class"), el.get("id")
    return (_value_flags(cls) if cls else 0) | (_value_flags(ident) if ident else 0)


def _has_ancestor(el: lxml_html.HtmlElement, flag: int) -> bool:
    return any(_flags(a) & flag for a in el.iterancestors())


def _byline_class(el: lxml_html.HtmlElement) -> bool:
    # Case-sensitive on purpose: "Author" in a class is as likely a theme name as a role.
    cls = el.get("class")
    return bool(cls) and ("byline" in cls or "author" in cls)


def _top_bodies(doc: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """The page's <body> elements that no other <body> contains (one on any page libxml2 parsed)."""
    bodies = list(doc.getroottree().iter("body"))
    return [b for b in bodies if not any(a.tag == "body" for a in b.iterancestors())]


@cache
def _scan_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Path fragments of author pages, and the date labels, author labels and byline prefixes, each as one pattern."""
    href = re.compile("|".join(re.escape(h) for h in load_lexicon("html/meta_byline")["author_href"]))
    label = re.compile(
        f"{date_label_pattern().pattern}|{author_label_pattern().pattern}|{byline_prefix_pattern().pattern}",
        re.IGNORECASE,
    )
    return href, label


def scan_body(doc: lxml_html.HtmlElement) -> BodyMarks:
    """The marked elements of the body, found in one walk.

    One walk instead of five XPath queries: their lower-cased class/id tests (a translate() per lexicon word
    per element) took more than half of all metadata time on the pages that reached them. Conditions on
    ancestors are checked only for the few elements that match by themselves.

    Args:
        doc: the parsed page.

    Returns:
        The marked elements, each list in document order.
    """
    author_href, label = _scan_patterns()
    marks = BodyMarks([], [], [], [], [])
    for body in _top_bodies(doc):
        for el in body.iterdescendants():
            tag = el.tag
            if tag.__class__ is not str:  # a comment or processing instruction
                continue
            cls, ident, rel, itemprop = el.get("class"), el.get("id"), el.get("rel"), el.get("itemprop")
            if cls or ident:
                flags = (_value_flags(cls) if cls else 0) | (_value_flags(ident) if ident else 0)
                if flags & _DATE_CONTAINER and not (flags & _DATE_SKIP or _has_ancestor(el, _DATE_SKIP)):
                    marks.date_containers.append(el)
            author_prop = itemprop == "author"
            if author_prop or (rel and "author" in _XML_SPACE.split(rel)):
                marks.authors.append(el)
            if (
                (author_prop or (rel and "author" in rel) or (cls and ("byline" in cls or "author" in cls)))
                and not any(_byline_class(a) for a in el.iterancestors())
            ):
                marks.bylines.append(el)
            if tag == "a":
                href = el.get("href")
                if href and author_href.search(href) and not _has_ancestor(el, _NOT_ARTICLE):
                    marks.author_links.append(el)
            elif tag in _LABELLED_TAGS:
                head = (el.text or "").strip()
                if not head and len(el):
                    head = (el[0].text or "").strip()
                if head and label.match(head):
                    marks.labelled.append((el, head))
    return marks


def labelled_texts(marks: BodyMarks, label: re.Pattern[str], limit: int = 80) -> list[str]:
    """Short texts of blocks that open with a label ("Datum 28.04.2023", "<b>Author</b> Jane Doe").

    Only the block's own leading text or its first child's text is tested (by the body walk) before the
    whole text is built, because building it for every block of a page is what costs.

    Args:
        marks: the page's marked elements.
        label: the label to look for (date_label_pattern or author_label_pattern).
        limit: longer texts are paragraphs that mention the label, not labelled fields.

    Returns:
        The whole texts of those blocks, in document order.
    """
    found = []
    for el, head in marks.labelled:
        if label.match(head):
            text = element_text(el)
            if len(text) <= limit and label.match(text):
                found.append(text)
    return found
