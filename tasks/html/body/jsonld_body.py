"""The publisher's own article text from JSON-LD articleBody, and the paragraphs of extracted text it confirms."""

from __future__ import annotations

import re
from typing import Any

from lxml import html as lxml_html

from tasks.html.body.settings import BodySettings
from tasks.html.jsonld import jsonld_objects

_LINES = re.compile(r"\r?\n")
_WORD = re.compile(r"\w+")
_TAG_STRIP = re.compile(r"<[^>]+>")


def jsonld_article_body(doc: lxml_html.HtmlElement, objects: list[dict[str, Any]] | None) -> str:
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


def agree_with(paragraphs: list[str], reference: str, settings: BodySettings) -> list[str]:
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
