"""The article's authors: people named by the most trusted source that names any, outlet names only as a last resort."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from lxml import html as lxml_html

from tasks.html.meta.byline import (
    URLISH,
    is_author_label,
    is_person_like,
    names_from_value,
    outlet_words,
    role_words,
    split_byline,
    uninverted,
)
from tasks.html.meta.index import SOURCES, JsonObject, MetaIndex, is_article
from tasks.html.meta.marks import BodyMarks, author_label_pattern, byline_prefix_pattern, labelled_texts
from tasks.html.meta.site import is_site_segment, names_company
from tasks.html.meta.text import clean_text, element_text, text_key

_AUTHOR_META = SOURCES["author_meta"]
# More names than this from page links or bylines is a staff list, not the article's byline.
_MAX_BODY_AUTHORS = 4
# A longer byline element holds more than the byline (a teaser, a bio).
_MAX_BYLINE_CHARS = 120
# A name written as a host ("example.com") is a site credited as the source, not a person.
_HOST_NAME = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)


def _labelled_meta(meta: MetaIndex) -> list[str]:
    """Names in twitter:dataN fields whose twitter:labelN labels an author ("Written by"), as SEO plugins write."""
    names = []
    for number in range(1, 10):
        labels, values = meta.get(f"twitter:label{number}"), meta.get(f"twitter:data{number}")
        if not labels or not values:
            break
        if is_author_label(labels[0]):
            names.append(clean_text(values[0]))
    return names


def _headline(doc: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The page's headline element: its first <h1> with text."""
    return next((h for h in doc.iter("h1") if element_text(h)), None)


def _own_byline(doc: lxml_html.HtmlElement, marked: list[lxml_html.HtmlElement]) -> list[lxml_html.HtmlElement]:
    """The marked elements that belong to this article's byline, not to teasers of other articles.

    The article's byline is the first marked element after its headline (the first <h1>), else the last one
    before it; co-authors are the marked elements under the same parent or grandparent.
    """
    marked = [el for el in marked if element_text(el)]
    if len(marked) <= 1:
        return marked
    wanted = set(marked)
    headline = _headline(doc)
    order: dict[lxml_html.HtmlElement, int] = {}
    for position, el in enumerate(doc.iter()):
        if el in wanted or el is headline:
            order[el] = position
    after = [el for el in marked if headline is not None and order[el] > order[headline]]
    before = [el for el in marked if headline is not None and order[el] < order[headline]]
    own = after[0] if after else before[-1] if before else marked[0]
    family = {own.getparent(), own.getparent().getparent() if own.getparent() is not None else None} - {None}
    return [el for el in marked if el is own or el.getparent() in family]


def _author_sources(
    doc: lxml_html.HtmlElement,
    meta: MetaIndex,
    articles: list[JsonObject],
    objects: list[JsonObject],
    body_marks: Callable[[], BodyMarks],
) -> Iterator[tuple[bool, list[str]]]:
    """(whether read from the page body, raw author strings), one per source, most trusted first (lazily)."""
    by_id = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str) and o.get("name")}
    for obj in articles:
        if is_article(obj):
            yield False, names_from_value(obj.get("author"), by_id) or names_from_value(obj.get("creator"), by_id)
    for name in _AUTHOR_META:
        values = [v for v in meta.get(name, ()) if clean_text(v) and not URLISH.match(v.strip())]
        yield False, [uninverted(clean_text(v)) for v in values]
    yield False, _labelled_meta(meta)
    yield True, [element_text(el) for el in _own_byline(doc, body_marks().authors)]
    yield True, [element_text(el) for el in _own_byline(doc, body_marks().author_links)]
    bylines = [el for el in body_marks().bylines if len(element_text(el)) <= _MAX_BYLINE_CHARS]
    yield True, [element_text(el) for el in _own_byline(doc, bylines)]
    label = author_label_pattern()
    yield True, [label.sub("", t) for t in labelled_texts(body_marks(), label)]
    yield True, _prefixed_byline(doc, body_marks())


def _prefixed_byline(doc: lxml_html.HtmlElement, marks: BodyMarks) -> list[str]:
    """A short line that opens with a byline prefix ("By Jane Roe and Bo Chen"), unmarked by any class.

    Many sentences open with "By" too, so only a line short enough for a byline counts, outside the teasers of
    other articles (a link, or an <article> without the page's headline), only the one that belongs to this
    article (_own_byline), and only when every name in it has the shape of a person's.
    """
    prefix = byline_prefix_pattern()
    headline = _headline(doc)
    lines = [
        el
        for el, head in marks.labelled
        if prefix.match(head) and len(element_text(el)) <= _MAX_BYLINE_CHARS and not _in_teaser(el, headline)
    ]
    texts = [element_text(el) for el in _own_byline(doc, lines)]
    return [text for text in texts if (names := split_byline(text)) and all(map(is_person_like, names))]


def _in_teaser(el: lxml_html.HtmlElement, headline: lxml_html.HtmlElement | None) -> bool:
    """Whether an element sits in a link or in an <article> that does not hold the page's headline."""
    for ancestor in el.iterancestors():
        if ancestor.tag == "a":
            return True
        if ancestor.tag == "article":
            return headline is None or not any(h is headline for h in ancestor.iter("h1"))
    return False


def _names_outlet(name: str, site_keys: set[str]) -> bool:
    """The name is the outlet's, alone or with job titles ("CNN Editor-at-large", "Guardian staff"), or a company's."""
    if _HOST_NAME.fullmatch(name) or names_company(name):
        return True
    ignored = role_words() | outlet_words()
    rest = " ".join(w for w in name.split() if w.casefold().strip(".,") not in ignored)
    return is_site_segment(rest or name, site_keys)


def _distinct_names(raw: list[str]) -> list[str]:
    """The names in a source's author strings, each once (by comparison key), in order."""
    names: list[str] = []
    seen: set[str] = set()
    for text in raw:
        for name in split_byline(text):
            if text_key(name) and text_key(name) not in seen:
                seen.add(text_key(name))
                names.append(name)
    return names


def page_authors(
    doc: lxml_html.HtmlElement,
    meta: MetaIndex,
    articles: list[JsonObject],
    objects: list[JsonObject],
    site_keys: set[str],
    body_marks: Callable[[], BodyMarks],
) -> list[str]:
    """Authors from the first source that names a person; the outlet's own name only when none does.

    Outlet names stand in for authors on agency and desk copy, so they are dropped beside a person
    and kept when a page names no one else.

    Args:
        doc: the parsed page (to place bylines against the headline).
        meta: the page's meta index.
        articles: the JSON-LD objects about the article (index.article_objects).
        objects: all JSON-LD objects of the page (to resolve @id references).
        site_keys: the site's comparison keys (site.site_identity).
        body_marks: the marked body elements, computed on first call.

    Returns:
        The names, in the order the source gives them; empty when no source names anyone.
    """
    outlet_only: list[str] = []
    for from_body, raw in _author_sources(doc, meta, articles, objects, body_marks):
        names = _distinct_names(raw)
        people = [n for n in names if not _names_outlet(n, site_keys)]
        if outlet_only:
            # The metadata named only the outlet: trust the body only for full names.
            people = [n for n in people if is_person_like(n)]
        if from_body and len(people) > _MAX_BODY_AUTHORS:
            continue
        if people:
            return people
        outlet_only = outlet_only or names
    return outlet_only
