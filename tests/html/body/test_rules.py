"""tasks/html/body/rules.py: the lexicons the body reads and the class/id hints."""

from __future__ import annotations

import pytest

from tasks.html.body import extract_body
from tasks.html.body.rules import body_rules, class_hint
from tasks.lexicon import load_lexicon, load_patterns
from tests.html.body.pages import ARTICLE, NAV, page, paragraphs


def test_utility_class_variants_are_not_role_hints() -> None:
    # "print:" and "dark:" are media/state variants, and "[..]" an arbitrary value, not furniture words.
    # Each half sits in such an element inside the article: read as furniture, both halves would be dropped.
    cls = "print:max-w-full dark:text-white scroll-mt-[theme(spacing.sticky-header)]"
    halves = "".join(f"<div class='{cls}'>{paragraphs(ARTICLE[i:i + 2])}</div>" for i in (0, 2))
    assert extract_body(page(f"{NAV}<article>{halves}</article>")) == "\n\n".join(ARTICLE)


def test_lexicons_load_with_the_groups_the_code_reads() -> None:
    assert {"skip", "boilerplate", "prunable", "block", "heading", "title_heading", "paragraph"} <= set(
        load_lexicon("html/body_tags"))
    assert {"negative_substrings", "negative_tokens", "positive_substrings"} <= set(load_patterns("html/body_hints"))
    assert {"boilerplate_line", "section_end"} <= set(load_patterns("html/body_phrases"))


@pytest.mark.parametrize(
    "rule,hints,expected",
    [
        ("an article-body class is positive", "article-body", 1.0),
        ("a sidebar class is negative", "sidebar", -1.0),
        ("a neutral class says nothing", "col-8 wrapper", 0.0),
        ("a utility-class variant says nothing", "print:hidden md:flex", 0.0),
    ],
)
def test_class_hint(rule: str, hints: str, expected: float) -> None:
    assert class_hint(hints) == expected


@pytest.mark.parametrize(
    "rule,line,furniture",
    [
        ("an advertisement label", "Advertisement", True),
        ("the British short form", "Advert", True),
        ("a sentence that mentions an advert", "The advert ran on every channel for a week.", False),
    ],
)
def test_one_line_furniture(rule: str, line: str, furniture: bool) -> None:
    assert (body_rules().boilerplate_line.fullmatch(line) is not None) is furniture
