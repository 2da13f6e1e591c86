"""One row per text_norm rule (tasks/headline_norm.py), plus the story-token rules."""

from __future__ import annotations

import pytest

from tasks.headlines.norm import (
    _rules,
    cased_tokens,
    display_text,
    is_clean,
    is_truncated,
    story_tokens,
    strip_affixes,
    text_norm,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # 1. NFKC: full-width letters and digits become ASCII.
        ("Ｆｕｌｌ ｗｉｄｔｈ ２０２６", "full width 2026"),
        # 2. curly quotes and dash variants are unified before punctuation is dropped.
        ("Mayor \u201cwill not\u201d resign \u2014 aide", "mayor will not resign aide"),
        # 3. wire prefixes, also stacked.
        ("UPDATE 3-Harbour bridge reopens", "harbour bridge reopens"),
        ("REFILE-UPDATE 1-Harbour bridge reopens", "harbour bridge reopens"),
        ("EXCLUSIVE: Harbour bridge reopens", "harbour bridge reopens"),
        # 4. outlet and attribution suffixes.
        ("Harbour bridge reopens - Reuters", "harbour bridge reopens"),
        ("Harbour bridge reopens | BBC News", "harbour bridge reopens"),
        ("Harbour bridge reopens (AP)", "harbour bridge reopens"),
        ("Harbour bridge to reopen: sources", "harbour bridge to reopen"),
        # 5. truncation marks.
        ("Harbour bridge reopens after long ...", "harbour bridge reopens after long"),
        ("Harbour bridge reopens after long\u2026", "harbour bridge reopens after long"),
        # 6. casefold.
        ("HARBOUR Bridge REOPENS", "harbour bridge reopens"),
        # 7. abbreviations and dotted acronyms.
        ("U.S. court backs ferry plan", "us court backs ferry plan"),
        ("United States court backs ferry plan", "us court backs ferry plan"),
        ("The F.B.I. opens inquiry", "the fbi opens inquiry"),
        # 8. digit groups lose their commas, decimals keep their point.
        ("City hires 2,000 nurses for $3.5 million", "city hires 2000 nurses for 3.5 million"),
        # 9. possessive 's dropped, other punctuation becomes a space.
        ("Council's plan: trams, buses & bikes!", "council plan trams buses bikes"),
        # 10. whitespace collapsed.
        ("  Harbour \t bridge\n reopens  ", "harbour bridge reopens"),
    ],
)
def test_text_norm_rules(raw: str, expected: str) -> None:
    assert text_norm(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Reuters", "Reuters"),  # an all-decoration headline is kept rather than emptied
        ("Bridge - Reuters", "Bridge"),
        ("Anti-war march draws crowds", "Anti-war march draws crowds"),  # an inner hyphen is not a suffix
    ],
)
def test_strip_affixes(raw: str, expected: str) -> None:
    assert strip_affixes(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"), [("Bridge reopens ...", True), ("Bridge reopens\u2026", True), ("Bridge reopens.", False)]
)
def test_is_truncated(raw: str, expected: bool) -> None:
    assert is_truncated(raw) is expected


def test_story_tokens_drop_stopwords_and_fold_plurals() -> None:
    assert story_tokens("the mayor says councils will cut taxes") == ["mayor", "council", "cut", "taxe"]


@pytest.mark.parametrize(
    ("raw", "shown", "clean"),
    [
        ("Harbour Bridge Reopens", "Harbour Bridge Reopens", True),
        # casing and curly quotes stay as published
        ("Mayor \u201cwill not\u201d resign", "Mayor \u201cwill not\u201d resign", True),
        ("UPDATE 2-Harbour bridge reopens", "Harbour bridge reopens", False),
        ("REFILE-UPDATE 1-HARBOUR BRIDGE REOPENS", "HARBOUR BRIDGE REOPENS", False),
        # an en dash before the outlet counts as the separator
        ("Harbour bridge reopens \u2013 Reuters", "Harbour bridge reopens", False),
        ("Harbour bridge to reopen: sources", "Harbour bridge to reopen", False),
        # a truncation mark is kept in the display form but makes the headline unclean
        ("Harbour bridge reopens after ...", "Harbour bridge reopens after ...", False),
        ("  Harbour bridge reopens ", "Harbour bridge reopens", True),
        ("", "", False),
    ],
)
def test_display_text_and_is_clean(raw: str, shown: str, clean: bool) -> None:
    assert display_text(raw) == shown
    assert is_clean(raw) is clean


@pytest.mark.parametrize(
    ("raw", "caps", "lower"),
    [
        # sentence case: capitals after the first word are names, plural fold as in story_tokens
        ("Ferry strike in Lowmoor enters third day", ["lowmoor"], ["strike", "enter", "third", "day"]),
        # the first word says nothing
        ("Lowmoor ferry strike ends", [], ["ferry", "strike", "end"]),
        # Title Case and ALL CAPS say nothing
        ("Ferry Strike In Lowmoor Enters Third Day", [], []),
        ("FERRY STRIKE IN LOWMOOR ENDS", [], []),
        # after ":" a capital starts a clause; a tail after " - " is an outlet
        ("Ferry strike ends: Unions accept pay offer - Harbour Post", [], ["strike", "end", "accept", "pay", "offer"]),
        # wire prefixes are stripped before the first word is found
        ("UPDATE 1-Strike in Lowmoor ends", ["lowmoor"], ["end"]),
    ],
)
def test_cased_tokens(raw: str, caps: list[str], lower: list[str]) -> None:
    assert cased_tokens(raw) == (caps, lower)


@pytest.mark.parametrize("outlet", ["Reuters", "REUTERS", "Reuterſ", "BUSİNESS İNSİDER", "Business Insider"])
@pytest.mark.parametrize("form", ["Talks resume - {}", "Talks resume | {}  ", "Talks resume ({})\n", "Talks resume: {}"])
def test_the_end_test_reads_case_as_the_suffix_regex_does(outlet: str, form: str) -> None:
    # strip_affixes runs the suffix regexes only when the text can end in a suffix; the letters an ignore-case
    # regex equates ("ſ" and "s", "İ" and "i") must not make that test say no where the regex says yes.
    text = form.format(outlet)
    outlet_regex = _rules()["outlet"]
    assert (strip_affixes(text) != text) == bool(outlet_regex.search(text))  # type: ignore[union-attr]
    assert strip_affixes(text).strip() == "Talks resume" or not outlet_regex.search(text)  # type: ignore[union-attr]
