"""One page's metadata record: every field read from the page's indexes by its own module."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache, partial

from lxml import html as lxml_html

from tasks.html.jsonld import jsonld_objects
from tasks.html.meta.authors import page_authors
from tasks.html.meta.dates import published
from tasks.html.meta.index import JsonObject, article_objects, meta_index
from tasks.html.meta.language import page_language
from tasks.html.meta.marks import scan_body
from tasks.html.meta.site import canonical_url, host_of, site_identity
from tasks.html.meta.title import page_title


@dataclass(frozen=True)
class PageMeta:
    """Metadata of one article page; every field is None (or empty) when the page does not say.

    Attributes:
        title: the article's headline.
        headline_candidates: {role: cleaned headline} per source (jsonld, og, twitter, h1, html_title).
        published_at: publication time in UTC.
        published_utc_offset_minutes: the UTC offset the page wrote that time in (None: no zone given).
        authors: people (or, failing any, the outlet) credited with the article.
        site_name: the outlet's name.
        language: a language tag ("en", "pt-BR").
        canonical_url: the article's canonical address.
    """

    title: str | None
    headline_candidates: dict[str, str]
    published_at: datetime | None
    published_utc_offset_minutes: int | None
    authors: list[str]
    site_name: str | None
    language: str | None
    canonical_url: str | None


def extract_metadata(
    doc: lxml_html.HtmlElement, url: str | None = None, jsonld: list[JsonObject] | None = None
) -> PageMeta:
    """Read an article page's metadata from its markup, without changing the tree.

    Args:
        doc: the page parsed with lxml.html (the root <html> element).
        url: the address the page was fetched from, used for the host and as the canonical URL of last resort.
        jsonld: the page's JSON-LD objects (tasks.html.jsonld.jsonld_objects) when the caller parsed them
            already; None to parse them here.  They are only read.

    Returns:
        The page's metadata; fields the page does not give are None or empty.
    """
    meta = meta_index(doc)
    objects = jsonld_objects(doc) if jsonld is None else jsonld
    articles = article_objects(objects)
    canonical = canonical_url(doc, meta, url)
    host = host_of(url) or host_of(canonical)
    site_name, site_keys = site_identity(meta, objects, host)
    title, candidates = page_title(doc, meta, articles, site_keys)
    language = page_language(doc, meta, objects, title)
    # Dates and authors share one walk over the body, made on first use: most pages never need it, as their
    # JSON-LD and meta tags say both.
    body_marks = cache(partial(scan_body, doc))
    when = published(doc, meta, articles, language, body_marks)
    return PageMeta(
        title=title,
        headline_candidates=candidates,
        published_at=when[0] if when else None,
        published_utc_offset_minutes=when[1] if when else None,
        authors=page_authors(doc, meta, articles, objects, site_keys, body_marks),
        site_name=site_name,
        language=language,
        canonical_url=canonical,
    )
