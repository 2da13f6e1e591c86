"""One HTML page in, article text and metadata out: decode, parse once, read metadata, then detect the body.

The pipeline calls ``extract_page``; everything it needs is decided here so that a page is decoded and parsed
exactly once.  Parsing uses lxml.html, not a BeautifulSoup tree: see tasks.html.body for the measured reason.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

from tasks.html.body import extract_body
from tasks.html.jsonld import jsonld_objects
from tasks.html.meta import PageMeta, extract_metadata
from tasks.html.nesting import flatten_nesting
from tasks.ingest.decode import decode_html
from tasks.ingest.sniff import looks_like_html
from tasks.text import replace_controls

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# Comments and processing instructions never carry article text; dropping them at parse time keeps their
# tails attached to the surrounding text.  huge_tree lifts libxml2's nesting limit of 255, past which it
# silently drops text (broken pages with hundreds of unclosed <font> or <div> tags reach it).  Nothing looks
# elements up by id, so libxml2 need not index them (collect_ids: 4% of parsing time).
_PARSER_OPTIONS = {
    "remove_comments": True, "remove_pis": True, "default_doctype": False, "huge_tree": True, "collect_ids": False,
}
# lxml.html picks each element's Python class in a Python callback (FormElement for <form>, InputElement for
# <input>, ...), run every time the extractor touches an element: 10% of the body walk.  Nothing here uses those
# form classes, so every element gets the plain HtmlElement class, chosen in C.
_PLAIN_CLASSES = {
    "element": lxml_html.HtmlElement,
    "comment": lxml_html.HtmlComment,
    "pi": lxml_html.HtmlProcessingInstruction,
    "entity": lxml_html.HtmlEntity,
}
# One parser per thread: a parser's error log holds its last parse, and parse_html reads it to learn whether
# libxml2 stopped at its depth limit, so a parser shared by threads could report another thread's page.
_THREAD = threading.local()


class ExtractionError(ValueError):
    """A page yielded nothing usable.

    Attributes:
        kind: why, as a short code for counting rejects: "not_html" (binary or plain text), "empty_page"
            (no text at all once markup is removed), "no_article_text" (text, but neither an article body
            nor a title).
    """

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True)
class Page:
    """What one HTML page yields: the article body and the page's metadata."""

    body: str
    meta: PageMeta


def _parser() -> lxml_html.HTMLParser:
    """This thread's HTML parser, made on first use."""
    parser = getattr(_THREAD, "parser", None)
    if parser is None:
        parser = lxml_html.HTMLParser(**_PARSER_OPTIONS)
        parser.set_element_class_lookup(etree.ElementDefaultClassLookup(**_PLAIN_CLASSES))
        _THREAD.parser = parser
    return parser


def _too_deep(parser: lxml_html.HTMLParser) -> bool:
    """Whether the parser's last parse stopped at libxml2's nesting limit (and so lost what lay below it)."""
    return any(error.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT for error in parser.error_log)


def parse_html(text: str) -> lxml_html.HtmlElement:
    """Parse page text into an lxml.html tree, tolerating what real pages contain.

    Args:
        text: decoded page (see tasks.ingest.decode.decode_html).

    Returns:
        The root <html> element (lxml adds a missing <html>/<body>).  Markup nested deeper than libxml2 builds
        is parsed again with its deepest tags removed (tasks.html.nesting), so that its text is kept.

    Raises:
        ExtractionError: kind "empty_page" when nothing parseable remains.
    """
    # lxml refuses str input that carries an XML encoding declaration, and NUL or other C0 control characters.
    text = _XML_DECLARATION.sub("", text, count=1)
    parser = _parser()
    try:
        doc = lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError):
        text = replace_controls(text)
        try:
            doc = lxml_html.document_fromstring(text, parser=parser)
        except (etree.ParserError, ValueError) as err:
            raise ExtractionError("empty_page", f"page has no parseable markup: {err}") from err
    if _too_deep(parser) and (flat := flatten_nesting(text)) is not text:
        doc = lxml_html.document_fromstring(flat, parser=parser)
    return doc


def extract_page(raw: bytes | str, url: str | None = None, declared_charset: str | None = None) -> Page:
    """Article body and metadata of one HTML page.

    Args:
        raw: the page as fetched (bytes), or already decoded text.
        url: where the page came from; metadata uses it to resolve relative links and name the site.
        declared_charset: charset from the HTTP header or WARC record, if any (ignored for str input).

    Returns:
        The page's body (paragraphs separated by blank lines; may be empty when the page has a title) and its
        metadata.

    Raises:
        ExtractionError: the input is not HTML, or yields neither body text nor a title.
    """
    text = raw if isinstance(raw, str) else decode_html(raw, declared_charset)
    if not text.strip():
        raise ExtractionError("empty_page", f"empty page{_at(url)}")
    if not looks_like_html(text):
        raise ExtractionError("not_html", f"input is not HTML (no HTML tags or binary content){_at(url)}")
    doc = parse_html(text)
    # Both stages read the JSON-LD (headline, dates, authors; articleBody): parsed once, here.
    jsonld = jsonld_objects(doc)
    # Metadata reads the tree as parsed; body detection may change it, so it runs second.
    meta = extract_metadata(doc, url, jsonld)
    body = extract_body(doc, jsonld=jsonld, title=meta.title)
    if not body and not meta.title:
        kind = "no_article_text" if doc.text_content().strip() else "empty_page"
        raise ExtractionError(kind, f"page yields neither article text nor a title{_at(url)}")
    return Page(body=body, meta=meta)


def _at(url: str | None) -> str:
    return f" ({url})" if url else ""
