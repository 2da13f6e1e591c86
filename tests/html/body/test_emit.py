"""One small hand-written page per rule of tasks/html/body/emit.py (what is left out of the chosen containers)."""

from __future__ import annotations

import pytest

from tasks.html.body import extract_body
from tests.html.body.pages import (
    ARTICLE,
    COMMENTS,
    HIDDEN,
    LATEST,
    NAV,
    NEWSLETTER,
    NEXT_TEASER,
    ONE_LINERS,
    RELATED,
    SHARE,
    article_page,
    assert_article_kept,
    page,
    paragraphs,
)

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


def test_paragraphs_kept_with_blank_lines_and_collapsed_spaces() -> None:
    messy = [p.replace(" ", "  \n\t ", 3) for p in ARTICLE]
    text = extract_body(page(f"{NAV}<article>{paragraphs(messy)}</article>"))
    assert text == "\n\n".join(ARTICLE)


def test_subheading_kept_inside_article() -> None:
    body = paragraphs(ARTICLE[:2]) + "<h2>What happens next</h2>" + paragraphs(ARTICLE[2:])
    text = extract_body(page(f"{NAV}<article>{body}</article>"))
    assert "\n\nWhat happens next\n\n" in text


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


def test_bare_url_line_kept_although_all_link() -> None:
    sources = '<p><a href="https://example.org/report.pdf">https://example.org/report.pdf</a></p>'
    text = extract_body(page(f"{NAV}<article>{paragraphs(ARTICLE)}{sources}</article>"))
    assert text.endswith("\n\nhttps://example.org/report.pdf")
