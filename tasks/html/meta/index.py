"""The page's metadata sources indexed once: <meta> contents by name, and the JSON-LD objects about the article."""

from __future__ import annotations

from typing import Any

from lxml import html as lxml_html

from tasks.html.jsonld import types_of
from tasks.html.meta.text import clean_text
from tasks.lexicon import load_lexicon

SOURCES = load_lexicon("html/meta_sources")
ARTICLE_TYPES = frozenset(SOURCES["article_type"])
SECONDARY_TYPES = frozenset(SOURCES["secondary_type"])
PAGE_TYPES = frozenset(SOURCES["page_type"])
ORG_TYPES = frozenset(SOURCES["organization_type"])

MetaIndex = dict[str, list[str]]
JsonObject = dict[str, Any]


def meta_index(doc: lxml_html.HtmlElement) -> MetaIndex:
    """Every <meta> content keyed by its lower-cased name, property, itemprop and http-equiv.

    Args:
        doc: the parsed page.

    Returns:
        {key: [content, ...]} with contents in document order.
    """
    index: MetaIndex = {}
    for meta in doc.iter("meta"):
        content = meta.get("content")
        if content is None:
            content = meta.get("value") or meta.get("datetime")
        if content is None:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            name = meta.get(attr)
            if name:
                index.setdefault(name.strip().lower(), []).append(content)
    return index


def first_meta(meta: MetaIndex, *names: str) -> str | None:
    """The first non-blank cleaned content among the given meta keys, tried in order.

    Args:
        meta: the page's meta index.
        *names: lower-cased meta keys, best first.

    Returns:
        The cleaned content, or None when none of the keys has one.
    """
    for name in names:
        for value in meta.get(name, ()):
            value = clean_text(value)
            if value:
                return value
    return None


def article_objects(objects: list[JsonObject]) -> list[JsonObject]:
    """JSON-LD objects that may describe the article itself, most specific first.

    Article types come first, then articles nested under a page's mainEntity, then secondary
    types (video, review), then the web page objects.

    Args:
        objects: all JSON-LD objects of the page (tasks.html.jsonld.jsonld_objects).

    Returns:
        The objects in that order, each once.
    """
    articles = [o for o in objects if types_of(o) & ARTICLE_TYPES]
    pages = [o for o in objects if types_of(o) & PAGE_TYPES and o not in articles]
    nested = []
    for obj in pages:
        main = obj.get("mainEntity")
        for item in main if isinstance(main, list) else [main]:
            if isinstance(item, dict) and types_of(item) & ARTICLE_TYPES and item not in articles:
                nested.append(item)
    secondary = [o for o in objects if types_of(o) & SECONDARY_TYPES and not types_of(o) & ARTICLE_TYPES]
    return articles + nested + secondary + pages


def is_article(obj: JsonObject) -> bool:
    """Whether a JSON-LD object is an article or a secondary type standing for one (video, review).

    Args:
        obj: one JSON-LD object.

    Returns:
        True when its @type says so.
    """
    return bool(types_of(obj) & (ARTICLE_TYPES | SECONDARY_TYPES))
