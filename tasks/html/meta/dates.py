"""The article's publication time, from the most trusted source that gives one; modification times are never read."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime

from lxml import etree
from lxml import html as lxml_html

from tasks.html.meta.date_parse import (
    Published,
    parse_iso,
    parse_printed_date,
    parse_rfc2822,
    to_utc,
)
from tasks.html.meta.index import SOURCES, JsonObject, MetaIndex
from tasks.html.meta.marks import BodyMarks, date_label_pattern, labelled_texts
from tasks.html.meta.text import element_text

_DATE_META = SOURCES["date_meta"]
_DATE_ITEMPROP = etree.XPath("//*[@itemprop='datePublished' or @itemprop='dateCreated']")
# A printed date is looked for only in texts of this many characters: shorter ones cannot hold a date,
# longer ones are paragraphs whose dates may be anything.
_PRINTED_CHARS = range(6, 201)


def _jsonld_date(articles: list[JsonObject]) -> str | None:
    # Key by key over all objects, so an article's datePublished beats an embedded video's uploadDate.
    for key in ("datePublished", "dateCreated", "uploadDate"):
        for obj in articles:
            value = obj.get(key)
            if isinstance(value, list) and value:
                value = value[0]
            if isinstance(value, str) and value.strip():
                return value
    return None


def _machine_dates(doc: lxml_html.HtmlElement, meta: MetaIndex, articles: list[JsonObject]) -> Iterator[str]:
    """Machine-readable publication times, most trusted first: JSON-LD, meta tags, itemprop, <time datetime>.

    A generator: most pages stop at JSON-LD or a meta tag, before the markup queries run.
    """
    jd = _jsonld_date(articles)
    if jd:
        yield jd
    for name in _DATE_META:
        yield from meta.get(name, ())
    for el in _DATE_ITEMPROP(doc):
        yield el.get("content") or el.get("datetime") or element_text(el)
    for el in doc.iter("time"):
        if el.get("datetime"):
            yield el.get("datetime")


def _printed_date_texts(marks: BodyMarks) -> Iterator[str]:
    """Texts that may print the date, best first; built one at a time, as most pages stop at the first."""
    for el in marks.date_containers:
        yield element_text(el)
    yield from labelled_texts(marks, date_label_pattern())
    for el in marks.bylines:
        parent = el.getparent()
        for node in (parent, parent.getparent() if parent is not None else None):
            if node is not None:
                yield element_text(node)


def _printed_date(marks: BodyMarks, month_first: bool) -> datetime | None:
    """A date printed in an element named like a date, after a date label, or next to the byline."""
    for text in _printed_date_texts(marks):
        if len(text) in _PRINTED_CHARS:
            parsed = parse_printed_date(text, month_first)
            if parsed:
                return parsed
    return None


def published(
    doc: lxml_html.HtmlElement,
    meta: MetaIndex,
    articles: list[JsonObject],
    language: str | None,
    body_marks: Callable[[], BodyMarks],
) -> Published | None:
    """Publication time as (UTC time, the offset the page wrote it in), from the most trusted source.

    JSON-LD, then meta tags, then itemprop and <time datetime> markup, then a date printed near
    the headline or byline.

    Args:
        doc: the parsed page.
        meta: its meta index.
        articles: the JSON-LD objects about the article (index.article_objects).
        language: the page's language; "en-US" reads 03/05/2024 as March 5.
        body_marks: the marked body elements, computed on first call.

    Returns:
        (UTC time, offset minutes or None when the page gave no zone), or None when no source gives a date.
    """
    candidates: list[str] = []
    for value in _machine_dates(doc, meta, articles):
        candidates.append(value)
        parsed = parse_iso(value) or parse_rfc2822(value)
        if parsed:
            return parsed
    for value in candidates:
        # "November 19, 2019, 07:47 PM EST" in a meta tag: a printed date, its zone unknown.
        printed = parse_printed_date(value, month_first=False, named_only=True)
        if printed:
            return to_utc(printed, None), None
    printed = _printed_date(body_marks(), month_first=(language or "").lower() == "en-us")
    if printed:
        return to_utc(printed, None), None
    return None
