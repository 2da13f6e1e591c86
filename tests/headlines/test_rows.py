"""Headline rows (tasks/headlines/rows.py): tonight's rows then the prior ones as parallel columns, with UTC
microsecond times, dated flags, normalized texts (prior rows keep their stored form) and order-free token keys."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pyarrow as pa

from tasks.headlines.rows import load_rows, micros, strings
from tasks.headlines.schemas import STORY_INDEX
from tests.headlines.nights import T0, table


def _prior(texts: list[str], norms: list[str | None]) -> pa.Table:
    rows = [{"headline_id": f"p{i}", "article_id": f"pa{i}", "text": t, "seen_at": T0 - timedelta(days=1),
             "source": None, "lead": None, "dated": None, "text_norm": n, "dup_group_id": f"d{i}", "story_id": "s1"}
            for i, (t, n) in enumerate(zip(texts, norms))]
    return pa.Table.from_pylist(rows, schema=STORY_INDEX)


def test_tonights_rows_come_first_and_only_prior_rows_carry_labels() -> None:
    rows = load_rows(table([("Ferry fares rise", 0), ("Tram opens", 1, "", "A lead.")]),
                     _prior(["Old tram story"], ["old tram story"]))
    assert (rows.n_new, rows.n) == (2, 3)
    assert rows.hids == ["h000", "h001", "p0"] and rows.arts == ["a000", "a001", "pa0"]
    assert rows.is_prior.tolist() == [False, False, True]
    assert list(rows.prior_dup) == ["", "", "d0"] and list(rows.prior_story) == ["", "", "s1"]
    assert rows.leads == [None, "A lead.", None]
    assert rows.times.tolist() == [int((T0 + timedelta(hours=h)).timestamp()) * 1_000_000 for h in (0, 1, -24)]


def test_times_are_utc_microseconds_whatever_the_column_unit_or_zone() -> None:
    berlin = datetime(2026, 3, 2, 9, 0, tzinfo=timezone(timedelta(hours=1)))  # 08:00 UTC
    column = pa.array([berlin], pa.timestamp("ms", tz="Europe/Berlin"))
    assert micros(column).tolist() == [int(T0.timestamp()) * 1_000_000]


def test_a_missing_dated_column_or_a_null_counts_as_dated() -> None:
    night = table([("Ferry fares rise", 0), ("Tram opens", 1), ("Bridge shut", 2)])
    assert load_rows(night, STORY_INDEX.empty_table()).dated.tolist() == [True, True, True]
    flagged = night.append_column("dated", pa.array([False, None, True], pa.bool_()))
    assert load_rows(flagged, STORY_INDEX.empty_table()).dated.tolist() == [False, True, True]


def test_prior_rows_keep_their_stored_norm_and_token_keys_ignore_word_order() -> None:
    # A stored text_norm is what an earlier night folded on: recomputing it with today's rules could split groups.
    prior = _prior(["UPDATE 1-Port Alder bridge closes", "Port Alder bridge closes"], ["stored form", None])
    rows = load_rows(table([("Bridge closes in Port Alder", 0)]), prior)
    assert rows.norms == ["bridge closes in port alder", "stored form", "port alder bridge closes"]
    assert rows.toks[0] == rows.toks[2] == "alder bridge close port"  # sorted, distinct, plural folded
    assert rows.toks[1] == "form stored"


def test_strings_of_a_missing_column_are_all_none() -> None:
    night = table([("Ferry fares rise", 0), ("Tram opens", 1)])
    assert strings(night, "text_norm") == [None, None]
    assert strings(night, "text") == ["Ferry fares rise", "Tram opens"]
