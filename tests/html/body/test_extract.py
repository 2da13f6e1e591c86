"""tasks/html/body/extract.py: extract_body as a whole (empty pages, settings, the tree left as it was)."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from tasks.html.body import BodySettings, extract_body
from tests.html.body.pages import ARTICLE, LATEST, NAV, RELATED, article_page, page, paragraphs


@pytest.mark.parametrize(
    ("rule", "html"),
    [
        ("empty body", "<html><body></body></html>"),
        ("navigation only", f"<html><body>{NAV}</body></html>"),
        ("no body element", "<html><head><title>x</title></head></html>"),
    ],
)
def test_pages_without_article_give_empty_text(rule: str, html: str) -> None:
    assert extract_body(lxml_html.document_fromstring(html)) == ""


def test_doc_is_not_modified() -> None:
    doc = article_page(RELATED, LATEST)
    before = lxml_html.tostring(doc)
    extract_body(doc)
    assert lxml_html.tostring(doc) == before


def test_settings_change_the_outcome() -> None:
    # With a link-density ceiling of zero, a paragraph holding a link is dropped.
    linked = [
        *ARTICLE[:3],
        'Officials published <a href="/report">the full engineering report</a> online, '
        "with photographs of the damaged piers and the divers' notes.",
    ]
    doc = page(f"{NAV}<article>{paragraphs(linked)}</article>")
    assert "engineering report" in extract_body(doc)
    assert "engineering report" not in extract_body(doc, BodySettings(max_link_density=0.0))


def test_jsonld_objects_given_by_the_caller_are_used_as_they_are() -> None:
    # extract_page parses JSON-LD once for both stages; the body then reads the objects it is handed.
    doc = page(f"{NAV}<div class='teaser'><p>{ARTICLE[0]}</p></div>")
    assert extract_body(doc, jsonld=[{"@type": "NewsArticle", "articleBody": "\n".join(ARTICLE)}]) == "\n\n".join(
        ARTICLE
    )
    assert extract_body(doc, jsonld=[]) == extract_body(doc)


def test_a_line_repeating_the_headline_is_not_body_text() -> None:
    # Some templates print the headline as a paragraph (<p class="title">) inside the article container.
    doc = page(f"{NAV}<article><p class='title'>Bridge to reopen</p>{paragraphs(ARTICLE)}</article>")
    assert extract_body(doc, title="Bridge to Reopen!") == "\n\n".join(ARTICLE)
    assert extract_body(doc).startswith("Bridge to reopen")
