"""Plain-text structure: furniture lines and footers removed, headline lines, blocks of other stories."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.clean.boilerplate import (
    find_stray_blocks,
    looks_like_headline,
    paragraph_spans,
    split_text_article,
    strip_boilerplate,
)
from tests.clean.inputs import ARTICLE


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["Body.", "Latest News----", "Other story"], ["Body."]),  # footer marker ends the article
        (["Body.", "RELATED STORIES:", "x"], ["Body."]),  # case and trailing punctuation ignored
        (["One.", "Advertisement", "Two."], ["One.", "Two."]),  # furniture line dropped, text after kept
        (["The latest news from the council was good."], ["The latest news from the council was good."]),  # only whole paragraphs match
    ],
)
def test_strip_boilerplate(paragraphs: list[str], expected: list[str]) -> None:
    assert strip_boilerplate(paragraphs) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Ferry fares to rise in spring", True),
        ("Will the bridge reopen?", True),  # questions are headlines too
        ("The authority raised fares on Monday.", False),  # ends like a sentence
        ("Fares rise, officials say:", False),
        ("word " * 31, False),  # too long for a headline
        ("Two\nlines", False),
    ],
)
def test_looks_like_headline(line: str, expected: bool) -> None:
    assert looks_like_headline(line.strip()) is expected


def test_split_text_article_takes_headline_variants_and_drops_footer() -> None:
    headlines, body = split_text_article(ARTICLE)
    assert headlines == ["Ferry fares to rise in spring", "UPDATE 1-Ferry fares set to rise"]
    assert body.startswith("The harbor authority") and body.endswith('a spokeswoman said.')
    assert "Related" not in body and "Bridge to close" not in body


def test_split_text_article_always_keeps_a_body_paragraph() -> None:
    assert split_text_article("Just one line") == ([], "Just one line")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A title-like line glued to a paragraph: a block of another story.
        ("Our story.\n\nMarket hall plans face new delay\nThe council said on Monday it needed more time.\n\nOur story again.",
         ["Market hall plans face new delay"]),
        ("One paragraph.\nSecond line of the same paragraph.", []),  # lines of running text
        ("Subheading alone\n\nA paragraph after a blank line.", []),  # a subheading on its own is not glued
        ("Too short\nText under it.", []),  # two words: a label, not a headline
    ],
)
def test_find_stray_blocks(body: str, expected: list[str]) -> None:
    blocks = find_stray_blocks(body)
    assert [heading for _, _, heading in blocks] == expected
    for start, end, heading in blocks:
        assert body[start:end].startswith(heading) and "\n\n" not in body[start:end]



@pytest.mark.parametrize("line", ["Latest News", "LATEST NEWS ----", "Latest news:\u00a0", "Latest News »\u2028"])
def test_a_footer_marker_line_ends_the_body_whatever_it_ends_in(line: str) -> None:
    assert strip_boilerplate(["Body text here.", f"{line}\nOther story", "More"]) == ["Body text here."]


# The paragraph a stray block is read from, as a regex says it (the definition paragraph_spans keeps).
_PARAGRAPH = re.compile(r"[^\n](?:[^\n]|\n(?!\n))*")


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="ab \n", max_size=16))
def test_paragraph_spans_are_the_runs_between_blank_lines(body: str) -> None:
    assert paragraph_spans(body) == [(m.start(), m.end()) for m in _PARAGRAPH.finditer(body)]
