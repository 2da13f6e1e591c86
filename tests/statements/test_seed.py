"""Acceptance test of the statement extractor on the shared seed article (read from ../shared, never copied)."""

from __future__ import annotations

import json

import pytest

from tasks.statements import Statement, extract_statements
from tests.paths import SHARED

SEED = SHARED / "seeds" / "000_b3507cc91bb2c427"

pytestmark = pytest.mark.shared


def _body(raw: str) -> str:
    """The body the pipeline hands over: raw text minus its three headline lines and the trailing
    "Latest News" line, paragraphs separated by blank lines (a pasted block keeps its single newline)."""
    lines = raw.splitlines()
    headline_rows = [i for i, line in enumerate(lines) if line.strip()][:3]
    rest = "\n".join(lines[headline_rows[-1] + 1 :]).strip()
    last = rest.rsplit("\n", 1)
    assert last[-1].strip() == "Latest News"
    return last[0].strip()


@pytest.fixture(scope="module")
def seed() -> tuple[str, dict, list[Statement]]:
    txt, expected = SEED.with_suffix(".txt"), SEED.with_suffix(".expected.json")
    if not txt.exists() or not expected.exists():
        pytest.skip(f"{SEED}.* is absent: the seed lives in ../shared beside the repository")
    body = _body(txt.read_text(encoding="utf-8"))
    return body, json.loads(expected.read_text(encoding="utf-8")), extract_statements(body)


def _span(body: str, content: str) -> tuple[int, int]:
    start = body.find(content)
    assert start >= 0, content
    return start, start + len(content)


def _matches(row: Statement, exp: dict, span: tuple[int, int]) -> bool:
    names = {exp["speaker"].lower(), exp["canonical"].lower()}
    speaker_ok = row.speaker.lower() in names or (row.speaker_canonical or "").lower() in names
    return speaker_ok and row.content_start < span[1] and span[0] < row.content_end


def test_every_expected_statement_is_found(seed: tuple[str, dict, list[Statement]]) -> None:
    body, expected, rows = seed
    for exp in expected["statements"]:
        span = _span(body, exp["content"])
        hits = [r for r in rows if _matches(r, exp, span)]
        assert hits, f"missing: {exp['speaker']} {exp['cue']} {exp['content'][:40]}"
        assert hits[0].kind == exp["kind"], (exp["speaker"], hits[0].kind)
        assert (hits[0].speaker_canonical or "").lower() == exp["canonical"].lower(), (
            exp["speaker"], hits[0].speaker_canonical)


def test_canonical_short_forms(seed: tuple[str, dict, list[Statement]]) -> None:
    _, _, rows = seed
    canon = {r.speaker: r.speaker_canonical for r in rows}
    assert canon["Mr Trump"] == "Donald Trump"
    assert canon["Maduro"] == "Nicolas Maduro"
    assert canon["the Times"] == "The New York Times"
    pronoun = [r for r in rows if r.speaker == "He"]
    assert pronoun and pronoun[0].speaker_canonical == "Donald Trump"


def test_non_statements_are_not_produced(seed: tuple[str, dict, list[Statement]]) -> None:
    body, expected, rows = seed
    for text in expected["not_statements"]:
        span = _span(body, text)
        overlapping = [r for r in rows if r.content_start < span[1] and span[0] < r.content_end]
        assert not overlapping, (text[:40], overlapping)


def test_offsets_hold_on_the_seed(seed: tuple[str, dict, list[Statement]]) -> None:
    body, _, rows = seed
    for r in rows:
        assert body[r.content_start : r.content_end] == r.content
        if r.speaker_start is not None:
            assert body[r.speaker_start : r.speaker_end] == r.speaker
        if r.cue_start is not None:
            assert body[r.cue_start : r.cue_end] == r.cue
