"""Small hand-written pages for the metadata tests: a page from head and body markup, JSON-LD and meta tags."""

from __future__ import annotations

import json

from lxml import html as lxml_html


def page(head: str = "", body: str = "", lang: str | None = None) -> lxml_html.HtmlElement:
    """A parsed page with the given <head> and <body> markup and an optional <html lang>."""
    lang_attr = f' lang="{lang}"' if lang else ""
    return lxml_html.document_fromstring(f"<html{lang_attr}><head>{head}</head><body>{body}</body></html>")


def ld(obj: object) -> str:
    """A JSON-LD script holding the object."""
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def meta(prop: str, content: str, attr: str = "property") -> str:
    """A <meta> tag naming its field by the given attribute."""
    return f'<meta {attr}="{prop}" content="{content}">'
