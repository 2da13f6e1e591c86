"""One small hand-written page per main-text rule of tasks/html_body.py."""

from __future__ import annotations

import json

import pytest
from lxml import html as lxml_html

from tasks.html.body import BodySettings, extract_body
from tasks.lexicon import load_lexicon, load_patterns

ARTICLE = [
    "The river authority said on Tuesday that the old stone bridge, closed since the spring floods, will reopen "
    "to pedestrians next month, once engineers finish checking the arches.",
    "Repairs cost more than expected, officials said, because divers found that two of the piers had been "
    "undermined by the current, and the mortar between the lower courses had washed out.",
    "Shopkeepers on both banks, who say their takings fell by a third while the bridge was shut, welcomed the "
    "news but asked the council to keep the temporary ferry running until the work is signed off.",
    "A cycling lane, promised in the original plans, has been postponed to next year, according to a note "
    "published by the council's transport committee on Monday evening.",
]
NAV = (
    '<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>'
    '<li><a href="/sport">Sport</a></li></ul></nav>'
)


def paragraphs(items: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in items)


def page(body: str, head: str = "") -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(f"<html><head><title>T</title>{head}</head><body>{body}</body></html>")


def article_page(inside: str = "", outside: str = "", split_at: int | None = None) -> lxml_html.HtmlElement:
    """A page with navigation, the article (with `inside` appended in its container) and `outside` after it."""
    body = paragraphs(ARTICLE) + inside
    return page(f"{NAV}<main><h1>Bridge to reopen</h1><div class='story'>{body}</div></main>{outside}")


def assert_article_kept(text: str) -> None:
    for para in ARTICLE:
        assert para in text


# ---------------------------------------------------------------- furniture dropped

RELATED = (
    '<div class="related-stories"><h3>More on this</h3><ul>'
    '<li><a href="/a">Council approves the new budget for the coming year after a long debate</a></li>'
    '<li><a href="/b">Ferry timetable changes for the winter season, with fewer evening crossings</a></li></ul></div>'
)
NEWSLETTER = (
    '<div class="newsletter-box"><p>Get the morning briefing in your inbox, every weekday, with the stories '
    "that matter to the valley.</p><form><input type='email'><button>Sign up</button></form></div>"
)
COMMENTS = (
    '<section id="comments"><h3>12 comments</h3>'
    '<div class="comment"><p>I have crossed that bridge every day for thirty years, and frankly, the ferry was '
    "never a real replacement for it, whatever the council says.</p></div>"
    '<div class="comment"><p>Good news at last, though I wonder why the cycling lane keeps being postponed, year '
    "after year, when the money was set aside.</p></div></section>"
)
SHARE = (
    '<div class="share-bar"><a href="#">Facebook</a><a href="#">Twitter</a><span>Share this story with your '
    "friends and family today</span></div>"
)
# No class or id hint: only the "Latest News" heading marks the teaser list as furniture.
LATEST = (
    "<h2>Latest News</h2>"
    '<div><h3><a href="/c">Storm warning issued for the coast tonight</a></h3>'
    "<p>Forecasters expect gusts of up to ninety kilometres an hour along the shore, with heavy rain inland.</p>"
    '<h3><a href="/d">School reopens after the summer renovation work</a></h3>'
    "<p>Pupils returned to new classrooms, a larger library and a canteen that serves breakfast, staff said.</p></div>"
)
NEXT_TEASER = (
    '<p><a href="/n">Next story »</a></p><h5><a href="/n">Tram fares frozen for another year</a></h5>'
    "<p>Commuters will keep paying last year's price, which the operator says is still cheaper than the bus.</p>"
)
ONE_LINERS = "<p>Advertisement</p><p>Share on Facebook</p><p>Read more: Bridge closures across the region</p>"
HIDDEN = "<div style='display: none'><p>Subscriber-only text that the reader never sees on the page at all.</p></div>"

DROPPED_ROWS = [
    # (rule, inside the article container, outside it, text that must not come out)
    ("navigation dropped", "", "", "Sport"),
    ("related list dropped", RELATED, "", "Council approves"),
    ("newsletter box dropped", NEWSLETTER, "", "morning briefing"),
    ("comments dropped", COMMENTS, "", "crossed that bridge"),
    ("share bar dropped", SHARE, "", "Share this story"),
    ("'Latest News' teaser list after the article dropped", LATEST, "", "Forecasters expect"),
    ("'Latest News' heading dropped with its list", LATEST, "", "Latest News"),
    ("one-line furniture dropped", ONE_LINERS, "", "Advertisement"),
    ("hidden element dropped", HIDDEN, "", "Subscriber-only"),
    ("footer outside the article dropped", "", "<footer><p>Copyright 2024 The Valley Courier, all rights "
     "reserved, reproduction prohibited.</p></footer>", "Valley Courier"),
    ("page title (h1) left to metadata", "", "", "Bridge to reopen"),
    ("timestamp-only line dropped", "<div>2024-03-05 14:22 Jane Roe</div>", "", "2024-03-05"),
    ("next-article teaser dropped", NEXT_TEASER, "", "cheaper than the bus"),
    ("ARIA furniture role dropped", "<div role='complementary'><p>Fact file: the bridge was built in 1874, "
     "widened in 1931 and listed as a monument in 1987.</p></div>", "", "Fact file"),
    ("caption ending in its credit dropped", "<div>Divers inspect the north pier (Image: Harbour Board)</div>", "",
     "Divers inspect"),
]


@pytest.mark.parametrize(("rule", "inside", "outside", "absent"), DROPPED_ROWS, ids=[r[0] for r in DROPPED_ROWS])
def test_furniture_dropped(rule: str, inside: str, outside: str, absent: str) -> None:
    text = extract_body(article_page(inside, outside))
    assert_article_kept(text)
    assert absent not in text


# ---------------------------------------------------------------- article text kept


def test_paragraphs_kept_with_blank_lines_and_collapsed_spaces() -> None:
    messy = [p.replace(" ", "  \n\t ", 3) for p in ARTICLE]
    text = extract_body(page(f"{NAV}<article>{paragraphs(messy)}</article>"))
    assert text == "\n\n".join(ARTICLE)


def test_standfirst_between_title_and_body_container_kept() -> None:
    header = f"<div class='article-top'><h1>Bridge to reopen</h1><span>5 March</span><p>{STANDFIRST}</p></div>"
    text = extract_body(page(f"{NAV}<main>{header}<div class='story'>{paragraphs(ARTICLE)}</div></main>"))
    assert text == "\n\n".join([STANDFIRST, *ARTICLE])


def test_prose_before_the_container_without_a_title_is_not_a_standfirst() -> None:
    promo = f"<div class='promo-text'><p>{STANDFIRST}</p></div>"
    text = extract_body(page(f"{NAV}<main>{promo}<div class='story'>{paragraphs(ARTICLE)}</div></main>"))
    assert text == "\n\n".join(ARTICLE)


def test_subheading_kept_inside_article() -> None:
    body = paragraphs(ARTICLE[:2]) + "<h2>What happens next</h2>" + paragraphs(ARTICLE[2:])
    text = extract_body(page(f"{NAV}<article>{body}</article>"))
    assert "\n\nWhat happens next\n\n" in text


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


def test_heading_that_only_starts_like_a_marker_keeps_what_follows() -> None:
    body = paragraphs(ARTICLE[:2]) + "<h2>Next steps</h2><p>Short one.</p>" + paragraphs(ARTICLE[2:])
    text = extract_body(page(f"{NAV}<article>{body}</article>"))
    assert "Next steps\n\nShort one." in text
    assert_article_kept(text)


def test_mid_article_read_also_box_does_not_end_the_article() -> None:
    box = "<h3>Related articles</h3><ul><li><a href='/e'>An older story about the same bridge</a></li></ul>"
    body = paragraphs(ARTICLE[:2]) + box + paragraphs(ARTICLE[2:])
    text = extract_body(page(f"{NAV}<article>{body}</article>"))
    assert text == "\n\n".join(ARTICLE)


def test_br_separated_text_keeps_its_lines() -> None:
    body = "<br><br>".join(ARTICLE)
    text = extract_body(page(f"{NAV}<div class='post'>{body}</div>"))
    assert text == "\n\n".join(ARTICLE)


def test_layout_table_cell_is_the_article_container() -> None:
    cell = "".join(f"<span>{p}</span><br><br>" for p in ARTICLE)
    text = extract_body(page(f"<table><tr><td><a href='/'>Home</a> menu</td><td>{cell}</td></tr></table>"))
    assert text == "\n\n".join(ARTICLE)


def test_bare_url_line_kept_although_all_link() -> None:
    sources = '<p><a href="https://example.org/report.pdf">https://example.org/report.pdf</a></p>'
    text = extract_body(page(f"{NAV}<article>{paragraphs(ARTICLE)}{sources}</article>"))
    assert text.endswith("\n\nhttps://example.org/report.pdf")


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


def test_streamed_react_segment_is_read_although_hidden() -> None:
    # React's streaming renderer ships late content in <div hidden id="S:n"> and a script moves it into view.
    body = f"{NAV}<div id='root'></div><div hidden id='S:1'><article>{paragraphs(ARTICLE)}</article></div>"
    assert extract_body(page(body)) == "\n\n".join(ARTICLE)


def test_hidden_attribute_still_hides_other_elements() -> None:
    doc = article_page("<div hidden id='modal'><p>Please enable notifications to get alerts about stories.</p></div>")
    assert "notifications" not in extract_body(doc)


def test_utility_class_variants_are_not_role_hints() -> None:
    # "print:" and "dark:" are media/state variants, and "[..]" an arbitrary value, not furniture words.
    # Each half sits in such an element inside the article: read as furniture, both halves would be dropped.
    cls = "print:max-w-full dark:text-white scroll-mt-[theme(spacing.sticky-header)]"
    halves = "".join(f"<div class='{cls}'>{paragraphs(ARTICLE[i:i + 2])}</div>" for i in (0, 2))
    assert extract_body(page(f"{NAV}<article>{halves}</article>")) == "\n\n".join(ARTICLE)


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


# ---------------------------------------------------------------- JSON-LD


def ld(obj: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


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


BIO = ("Maria Lindqvist covers transport and infrastructure for the paper, and before that reported on local "
       "politics, courts and schools for a decade.")
STANDFIRST = "Engineers say the arches are sound after months of checks, and the footpath can reopen in weeks."


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


# ---------------------------------------------------------------- edges and settings


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


def test_lexicons_load_with_the_groups_the_code_reads() -> None:
    assert {"skip", "boilerplate", "prunable", "block", "heading", "title_heading", "paragraph"} <= set(
        load_lexicon("html/body_tags"))
    assert {"negative_substrings", "negative_tokens", "positive_substrings"} <= set(load_patterns("html/body_hints"))
    assert {"boilerplate_line", "section_end"} <= set(load_patterns("html/body_phrases"))


def test_jsonld_objects_given_by_the_caller_are_used_as_they_are() -> None:
    # extract_page parses JSON-LD once for both stages; the body then reads the objects it is handed.
    doc = page(f"{NAV}<div class='teaser'><p>{ARTICLE[0]}</p></div>")
    assert extract_body(doc, jsonld=[{"@type": "NewsArticle", "articleBody": "\n".join(ARTICLE)}]) == "\n\n".join(
        ARTICLE
    )
    assert extract_body(doc, jsonld=[]) == extract_body(doc)
