"""One small hand-written page per rule of tasks/html/body/score.py (which containers hold the article)."""

from __future__ import annotations

from lxml import html as lxml_html

from tasks.html.body import BodySettings, extract_body
from tasks.html.body.rules import body_rules
from tasks.html.body.score import Scorer
from tasks.html.body.walk import Walk
from tests.html.body.pages import ARTICLE, NAV, page, paragraphs


def test_split_divs_around_an_ad_merged() -> None:
    body = (
        f"<div class='part'>{paragraphs(ARTICLE[:2])}</div>"
        "<div class='ad-slot'><p>Advertisement</p></div>"
        f"<div class='part'>{paragraphs(ARTICLE[2:])}</div>"
    )
    text = extract_body(page(f"{NAV}<div id='content'>{body}</div>"))
    assert text == "\n\n".join(ARTICLE)


def test_same_styled_parts_in_separate_boxes_merged() -> None:
    # The parts are cousins (each wrapped in its own row), so only the same-class rule joins them.
    rows = "".join(
        f"<div class='row'><aside class='rail'><a href='/x'>Most read</a></aside>"
        f"<div class='text-block'>{paragraphs(ARTICLE[i:i + 2])}</div></div>"
        for i in (0, 2)
    )
    text = extract_body(page(f"{NAV}<div class='page'>{rows}</div>"))
    assert text == "\n\n".join(ARTICLE)


def test_same_styled_parts_found_through_unstyled_inner_wrappers() -> None:
    # The best-scoring element is the unclassed inner <div>; its classed wrapper is what repeats.
    rows = "".join(
        f"<div class='row'><aside class='rail'><a href='/x'>Most read</a></aside>"
        f"<div class='text-block'><div>{paragraphs(ARTICLE[i:i + 2])}</div></div></div>"
        for i in (0, 2)
    )
    text = extract_body(page(f"{NAV}<div class='page'>{rows}</div>"))
    assert text == "\n\n".join(ARTICLE)


def test_layout_table_cell_is_the_article_container() -> None:
    cell = "".join(f"<span>{p}</span><br><br>" for p in ARTICLE)
    text = extract_body(page(f"<table><tr><td><a href='/'>Home</a> menu</td><td>{cell}</td></tr></table>"))
    assert text == "\n\n".join(ARTICLE)


def test_paragraphs_each_in_their_own_wrapper_chain() -> None:
    # Component frameworks wrap every paragraph in a few styled <div>s; votes must reach the shared ancestor.
    # One long paragraph outscores the others by far, so only votes reaching <article> can join them.
    texts = [" ".join(ARTICLE), *ARTICLE[1:]]
    wrapped = "".join(f"<div><div><div><p>{p}</p></div></div></div>" for p in texts)
    text = extract_body(page(f"{NAV}<article>{wrapped}</article>"))
    assert text == "\n\n".join(texts)


def test_positive_hint_beats_negative_on_same_element() -> None:
    body = f"<div class='article-body share-enabled'>{paragraphs(ARTICLE)}</div>"
    assert extract_body(page(f"{NAV}{body}")) == "\n\n".join(ARTICLE)


def test_misleading_wrapper_class_keeps_its_article() -> None:
    # "widget" is a furniture hint, but this element holds the whole article.
    body = f"<div class='story'><div class='widget-container'>{paragraphs(ARTICLE)}</div></div>"
    assert extract_body(page(f"{NAV}{body}")) == "\n\n".join(ARTICLE)


def test_scorer_prefers_the_prose_container_over_a_link_list() -> None:
    links = "".join(f"<li><a href='/{i}'>Another headline about the river number {i}</a></li>" for i in range(8))
    body = f"<div class='links'><ul>{links}</ul></div><div class='text'>{paragraphs(ARTICLE)}</div>"
    walk = Walk(body_rules(), lxml_html.fragment_fromstring(body, create_parent="body"))
    scorer = Scorer(walk, BodySettings())
    scorer.vote()
    (chosen,) = scorer.choose()
    assert chosen.get("class") == "text"
    assert scorer.link_density(chosen) == 0.0
