"""One small hand-written page per rule of tasks/html/body/jsonld_body.py (the publisher's articleBody)."""

from __future__ import annotations

from lxml import html as lxml_html

from tasks.html.body import BodySettings, extract_body
from tasks.html.body.jsonld_body import agree_with, jsonld_article_body
from tests.html.body.pages import ARTICLE, BIO, NAV, STANDFIRST, article_page, ld, page, paragraphs


def test_jsonld_article_body_used_when_markup_has_only_a_teaser() -> None:
    doc = page(
        f"{NAV}<div class='teaser'><p>{ARTICLE[0]}</p></div>",
        head=ld({"@type": "NewsArticle", "articleBody": "\n".join(ARTICLE)}),
    )
    assert extract_body(doc) == "\n\n".join(ARTICLE)


def test_jsonld_article_body_in_graph_with_markup_stripped() -> None:
    body = "".join(f"<p>{p}</p>" for p in ARTICLE)
    graph = {"@graph": [{"@type": "WebPage"}, {"@type": "Article", "articleBody": body}]}
    doc = page("<div id='app'></div>", head=ld(graph))
    assert extract_body(doc) == "\n\n".join(ARTICLE)


def test_markup_wins_over_a_shorter_jsonld_article_body() -> None:
    doc = article_page()
    doc.find("head").append(lxml_html.fragment_fromstring(ld({"@type": "NewsArticle", "articleBody": ARTICLE[0] * 2})))
    assert extract_body(doc) == "\n\n".join(ARTICLE)


def test_jsonld_article_body_filters_unhinted_furniture_when_it_agrees() -> None:
    # The bio has no class hint and reads like prose; only the publisher's articleBody tells it apart.  The
    # standfirst, before the first paragraph articleBody shares, is kept: articleBody usually omits it.
    body = f"<p>{STANDFIRST}</p>{paragraphs(ARTICLE)}<p>{BIO}</p>"
    doc = page(f"{NAV}<article>{body}</article>", head=ld({"@type": "NewsArticle", "articleBody": " ".join(ARTICLE)}))
    assert extract_body(doc) == "\n\n".join([STANDFIRST, *ARTICLE])


def test_jsonld_article_body_ignored_when_it_describes_another_text() -> None:
    # It shares the first paragraph and the bio, but filtering by it would drop most of the article.
    other = " ".join([ARTICLE[0]] + [BIO] * 4)
    body = f"{paragraphs(ARTICLE)}<p>{BIO}</p>"
    doc = page(f"{NAV}<article>{body}</article>", head=ld({"@type": "NewsArticle", "articleBody": other}))
    assert extract_body(doc) == "\n\n".join([*ARTICLE, BIO])


def test_agree_with_drops_paragraphs_the_reference_lacks_after_the_first_agreeing_one() -> None:
    lead, bio = "A standfirst the reference omits, written for the page header only.", BIO
    kept = agree_with([lead, *ARTICLE, bio], "\n".join(ARTICLE), BodySettings())
    assert kept == [lead, *ARTICLE]


def test_jsonld_article_body_takes_the_longest_and_splits_its_lines() -> None:
    doc = page("", ld([{"@type": "NewsArticle", "articleBody": "Short."},
                       {"@type": "NewsArticle", "articleBody": "First line.\n\n  Second   line.\n"}]))
    assert jsonld_article_body(doc, None) == "First line.\n\nSecond line."
