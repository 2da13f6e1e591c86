"""Quote propagation: copies of one quote share a quote_id across articles and nights; other quotes never do."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pyarrow as pa
import pytest

from tasks.quotes.propagation import QuoteSettings, assign_quote_ids

TS = pa.timestamp("us", tz="UTC")
QUOTE = "We cannot keep sending school buses over a bridge that our own engineers have downgraded"
START = datetime(2026, 11, 25, tzinfo=timezone.utc)


def statements(contents: list[tuple[str, str | None]], first: int = 0) -> pa.Table:
    return pa.table({
        "statement_id": pa.array([f"s{first + i}" for i in range(len(contents))], pa.string()),
        "content": pa.array([c for c, _ in contents], pa.string()),
        "speaker_key": pa.array([k for _, k in contents], pa.string()),
        "seen_at": pa.array([START + timedelta(hours=first + i) for i in range(len(contents))], TS),
    })


@pytest.mark.parametrize(
    ("rule", "copy", "same"),
    [
        ("identical", QUOTE, True),
        ("case and punctuation", QUOTE.upper() + "!", True),
        ("a word dropped", QUOTE.replace("that ", ""), True),
        ("a word changed", QUOTE.replace("cannot", "can't"), True),
        ("trimmed at the start", QUOTE.split(" ", 4)[-1], True),
        ("another statement", "The detours will last until the repairs are finished next summer", False),
        ("shares a few words only", "We cannot keep the library open on Sundays without more staff", False),
    ],
)
def test_copies_share_a_quote(rule: str, copy: str, same: bool) -> None:
    ids = assign_quote_ids(statements([(QUOTE, "elena brandt"), (copy, "elena brandt")]), None).to_pylist()
    assert (ids[0] == ids[1]) is same, rule


@pytest.mark.parametrize(
    ("keys", "same"),
    [
        (("elena brandt", None), True),  # an unresolved copy may be the speaker's
        (("elena brandt", "brandt"), True),  # a surname alone agrees with the full name
        (("elena brandt", "tom okafor"), False),  # two speakers saying the same words are two quotes
    ],
)
def test_speakers_must_agree(keys: tuple[str | None, str | None], same: bool) -> None:
    ids = assign_quote_ids(statements([(QUOTE, keys[0]), (QUOTE, keys[1])]), None).to_pylist()
    assert (ids[0] == ids[1]) is same


def test_an_unresolved_copy_never_bridges_two_speakers() -> None:
    ids = assign_quote_ids(statements([(QUOTE, "elena brandt"), (QUOTE, None), (QUOTE, "tom okafor")]), None).to_pylist()
    assert ids[0] != ids[2] and ids[1] in (ids[0], ids[2])


def test_short_contents_match_only_when_equal() -> None:
    ids = assign_quote_ids(statements([("No comment", None), ("no comment.", None), ("No comments", None)]), None)
    assert ids[0] == ids[1] != ids[2]
    assert QuoteSettings().min_words > 2  # "no comment" is two words


def test_tomorrows_repetition_joins_todays_quote_and_ids_are_stable() -> None:
    today = statements([(QUOTE, "elena brandt"), ("Ferries will run every hour during the closure", None)])
    today_ids = assign_quote_ids(today, None)
    assert assign_quote_ids(today, None).to_pylist() == today_ids.to_pylist()  # same input, same ids
    prior = today.append_column("quote_id", today_ids)
    tomorrow = statements([(QUOTE.replace("own ", ""), None)], first=30)
    assert assign_quote_ids(tomorrow, prior).to_pylist() == [today_ids[0].as_py()]


def test_no_statements() -> None:
    assert assign_quote_ids(statements([]), None).to_pylist() == []
