"""One small hand-written page per rule of tasks/html/body/walk.py (how the tree becomes lines of text)."""

from __future__ import annotations

import dataclasses

import pytest
from lxml import html as lxml_html

from tasks.html.body import extract_body
from tasks.html.body.rules import body_rules
from tasks.html.body.walk import HEADING, OTHER, PROSE, TITLE, Walk
from tests.html.body.pages import ARTICLE, NAV, article_page, page, paragraphs


def test_br_separated_text_keeps_its_lines() -> None:
    body = "<br><br>".join(ARTICLE)
    text = extract_body(page(f"{NAV}<div class='post'>{body}</div>"))
    assert text == "\n\n".join(ARTICLE)


def test_data_table_reads_one_row_per_line() -> None:
    table = (
        "<table><tr><td>1</td><td>Ada Lovelace</td><td>42</td></tr>"
        "<tr><td>2</td><td>Alan Turing</td><td>40</td></tr></table>"
    )
    text = extract_body(article_page(table))
    assert "1 Ada Lovelace 42\n\n2 Alan Turing 40" in text


@pytest.mark.parametrize(
    ("rule", "inline"),
    [
        ("hover card", "<span class='rollover-people'><a href='/p'>Ann Smith</a><span class='rollover-block'>"
                       "<a href='/p/1'>Her earlier story</a></span></span>"),
        ("screen-reader text", "<span class='sr-only'>Opens in a new window</span>"),
    ],
)
def test_inline_text_outside_the_sentence_skipped(rule: str, inline: str) -> None:
    first = f"<p>The river authority{inline} said on Tuesday that the old stone bridge, closed since the spring " \
            "floods, will reopen to pedestrians next month, once engineers finish checking the arches.</p>"
    text = extract_body(page(f"{NAV}<article>{first}{paragraphs(ARTICLE[1:])}</article>"))
    assert text == "\n\n".join(ARTICLE)


@pytest.mark.parametrize("cls", ["caption", "image-credit"])
def test_inline_caption_in_a_paragraph_is_a_line_of_its_own(cls: str) -> None:
    # An image set inside the lead paragraph with its credit in a <span>: the credit must not turn the
    # paragraph into a "(c) ..." line, which one-line furniture patterns drop whole.
    first = f"<p><img src='x.jpg'><span class='{cls}'>\u00a9 Archive Photos/Getty Images</span> {ARTICLE[0]}</p>"
    body = f"{NAV}<article>{first}{paragraphs(ARTICLE[1:])}</article>"
    walk = Walk(body_rules(), page(body).find("body"))
    lines = [(b.text, b.neg is not None) for b in walk.blocks if b.owner is not None and b.owner.tag == "p"]
    assert lines[:2] == [("\u00a9 Archive Photos/Getty Images", True), (ARTICLE[0], False)]
    assert extract_body(page(body)) == "\n\n".join(ARTICLE)


def test_inline_element_without_caption_class_stays_in_its_sentence() -> None:
    first = f"<p><span class='place'>The river authority</span>{ARTICLE[0][len('The river authority'):]}</p>"
    walk = Walk(body_rules(), page(f"<article>{first}</article>").find("body"))
    assert [b.text for b in walk.blocks] == [ARTICLE[0]]


def test_streamed_react_segment_is_read_although_hidden() -> None:
    # React's streaming renderer ships late content in <div hidden id="S:n"> and a script moves it into view.
    body = f"{NAV}<div id='root'></div><div hidden id='S:1'><article>{paragraphs(ARTICLE)}</article></div>"
    assert extract_body(page(body)) == "\n\n".join(ARTICLE)


def test_hidden_attribute_still_hides_other_elements() -> None:
    doc = article_page("<div hidden id='modal'><p>Please enable notifications to get alerts about stories.</p></div>")
    assert "notifications" not in extract_body(doc)


def _walk(body: str) -> Walk:
    return Walk(body_rules(), lxml_html.fragment_fromstring(body, create_parent="body"))


@pytest.mark.parametrize(
    "rule,markup,kinds",
    [
        ("a paragraph is prose", "<p>Text</p>", [PROSE]),
        ("a subheading is a heading", "<h2>Sub</h2>", [HEADING]),
        ("the page title is a title", "<h1>Title</h1>", [TITLE]),
        ("a list's own text is no prose", "<ul>Loose<li>Item</li></ul>", [OTHER, PROSE]),
    ],
)
def test_block_kinds(rule: str, markup: str, kinds: list[int]) -> None:
    assert [b.kind for b in _walk(markup).blocks] == kinds


def test_link_text_is_counted_per_block() -> None:
    (block,) = _walk("<p>Read <a href='/x'>the <b>report</b></a> today</p>").blocks
    assert (block.text, block.chars, block.link_chars) == ("Read the report today", 21, len("the") + len("report"))


def test_spans_depths_and_furniture_of_elements() -> None:
    walk = _walk("<div><p>One</p><div class='sidebar'><p>Two</p></div></div>")
    div = walk.blocks[0].owner.getparent()
    sidebar = div[1]
    assert walk.span[div] == (0, 2) and walk.depth[div] == 1
    assert walk.blocks[1].neg is sidebar and walk.neg_of[sidebar] is sidebar and walk.neg_of[div] is None


def test_small_navigation_is_not_walked() -> None:
    assert [b.text for b in _walk("<nav><a href='/'>Home</a></nav><p>Text</p>").blocks] == ["Text"]


def test_a_skipped_block_element_does_not_own_the_text_after_it() -> None:
    # A small furniture element that is also a block (a lexicon may list <nav> as both) is skipped unwalked;
    # the text after it belongs to the enclosing element, not to the skipped one.
    rules = dataclasses.replace(body_rules(), block=body_rules().block | {"nav"})
    root = lxml_html.fragment_fromstring("<div><nav><a href='/'>Home</a></nav>Text after</div>", create_parent="body")
    (block,) = Walk(rules, root).blocks
    assert (block.text, block.owner.tag) == ("Text after", "div")


def test_header_in_a_headings_class_names_the_heading_not_page_furniture() -> None:
    walk = _walk("<h2 class='item__header'>Sub</h2><div class='page-header'><p>Logo</p></div>")
    assert [(b.text, b.neg is not None) for b in walk.blocks] == [("Sub", False), ("Logo", True)]


def test_a_skipped_furniture_element_ends_the_line_before_it() -> None:
    walk = _walk("<div>Text before<nav><a href='/'>Home</a></nav>text after</div>")
    assert [b.text for b in walk.blocks] == ["Text before", "text after"]
