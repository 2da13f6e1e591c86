"""The page's language: the one it declares, else the one its title and first paragraphs are written in."""

from __future__ import annotations

import codecs
import re

from lxml import html as lxml_html

from tasks.html.meta.index import JsonObject, MetaIndex, first_meta
from tasks.html.meta.text import element_text

_LANG_TAG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{2}|\d{3}|[a-zA-Z]{4}))?\b")
# Enough text for a character n-gram detector to be sure, little enough to stay cheap.
_DETECT_CHARS = 1500
_MIN_DETECT_CHARS = 40


def normalize_language(tag: str | None) -> str | None:
    """A language tag in the form newslake stores ("en", "en-US").

    Args:
        tag: a declared value such as "en_us" or "de-DE-1996", or None; a comma-separated list (HTTP's
            Content-Language may name several languages: "da, en-GB") gives its first item that is a tag.

    Returns:
        The lower-cased language with an upper-cased region; None when no item starts with a tag or every
        one is a charset name ("UTF-8").
    """
    for item in (tag or "").split(","):
        value = item.strip()
        match = _LANG_TAG.match(value)
        if not match or _names_a_charset(value):
            continue
        lang, region = match.group(1).lower(), match.group(2)
        if region and len(region) == 2:
            return f"{lang}-{region.upper()}"
        return lang
    return None


def _names_a_charset(value: str) -> bool:
    """Whether a value is a character encoding's name: servers put "UTF-8" in Content-Language."""
    try:
        codecs.lookup(value)
    except LookupError:
        return False
    return True


def _declared_language(doc: lxml_html.HtmlElement, meta: MetaIndex, objects: list[JsonObject]) -> str | None:
    candidates = [doc.get("lang"), doc.get("xml:lang"), doc.get("{http://www.w3.org/XML/1998/namespace}lang")]
    candidates += meta.get("content-language", []) + meta.get("og:locale", []) + meta.get("language", [])
    candidates += [o.get("inLanguage") for o in objects if isinstance(o.get("inLanguage"), str)]
    for tag in candidates:
        lang = normalize_language(tag)
        if lang:
            return lang
    return None


def _detected_language(doc: lxml_html.HtmlElement, title: str | None, meta: MetaIndex) -> str | None:
    """The language of the title, description and first paragraphs, by py3langid when it is installed."""
    try:
        import py3langid  # optional: without it an undeclared language stays unknown
    except ImportError:
        return None
    parts = [title or "", first_meta(meta, "description", "og:description") or ""]
    size = sum(len(p) for p in parts)
    for p in doc.iter("p"):
        if size >= _DETECT_CHARS:
            break
        text = element_text(p)
        parts.append(text)
        size += len(text)
    text = " ".join(parts)[:_DETECT_CHARS]
    if len(text.strip()) < _MIN_DETECT_CHARS:
        return None
    return py3langid.classify(text)[0]


def page_language(
    doc: lxml_html.HtmlElement, meta: MetaIndex, objects: list[JsonObject], title: str | None
) -> str | None:
    """The declared language (<html lang>, content-language, og:locale, JSON-LD inLanguage), else a detected one.

    Args:
        doc: the parsed page.
        meta: its meta index.
        objects: all its JSON-LD objects.
        title: the chosen title, part of the text a detector reads.

    Returns:
        A language tag ("en", "pt-BR"), or None when the page declares none and has too little text.
    """
    return _declared_language(doc, meta, objects) or _detected_language(doc, title, meta)
