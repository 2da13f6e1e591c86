"""The article text of a parsed page: walk, vote, choose, emit, then check against the JSON-LD articleBody."""

from __future__ import annotations

import re
from typing import Any

from lxml import html as lxml_html

from tasks.html.body.emit import emit_paragraphs
from tasks.html.body.jsonld_body import agree_with, jsonld_article_body
from tasks.html.body.lead import standfirst
from tasks.html.body.rules import body_rules
from tasks.html.body.score import Scorer
from tasks.html.body.settings import DEFAULT_SETTINGS, BodySettings
from tasks.html.body.walk import Walk

_WORDS = re.compile(r"\w+")


def extract_body(
    doc: lxml_html.HtmlElement,
    settings: BodySettings = DEFAULT_SETTINGS,
    jsonld: list[dict[str, Any]] | None = None,
    title: str | None = None,
) -> str:
    """The article text of a parsed page.

    Args:
        doc: the parsed page (see tasks.html.page.parse_html); not modified.
        settings: detection thresholds.
        jsonld: the page's JSON-LD objects (tasks.html.jsonld.jsonld_objects) when the caller parsed them already;
            None to parse them here when the page may carry an articleBody.
        title: the article's headline (metadata's title), when known: a line that repeats it is the headline
            printed as a paragraph (<p class="title">), not body text.

    Returns:
        Paragraphs separated by a blank line ("\\n\\n"), whitespace inside each collapsed to single spaces;
        empty when the page has no recognisable article text.
    """
    root = doc.find("body")
    if root is None:
        root = doc
    walk = Walk(body_rules(), root)
    scorer = Scorer(walk, settings)
    scorer.vote()
    containers = scorer.choose()
    paragraphs = emit_paragraphs(scorer, containers, settings) if containers else []
    if paragraphs:
        lead = [text for text in standfirst(walk, containers[0], settings) if text not in paragraphs]
        paragraphs = lead + paragraphs
    if title and _WORDS.findall(title.casefold()):
        headline = _WORDS.findall(title.casefold())
        paragraphs = [text for text in paragraphs if _WORDS.findall(text.casefold()) != headline]
    from_jsonld = jsonld_article_body(doc, jsonld)
    if len(from_jsonld) >= settings.jsonld_min_chars:
        chars = sum(map(len, paragraphs))
        if chars < settings.jsonld_ratio * len(from_jsonld):
            return from_jsonld
        if len(from_jsonld) >= settings.jsonld_complete_ratio * chars:
            paragraphs = agree_with(paragraphs, from_jsonld, settings)
    return "\n\n".join(paragraphs)
