"""Duplicate folding: one row per folding rule, and the rules that keep look-alikes apart (tasks/headlines/dups.py)."""

from __future__ import annotations

import pyarrow as pa
import pytest

from tasks.headlines import HeadlineSettings
from tasks.headlines.dups import fold_duplicates
from tasks.headlines.names import name_tokens
from tasks.headlines.rows import load_rows
from tasks.headlines.schemas import STORY_INDEX
from tests.headlines.nights import BASE, FILLER, table


def groups_of(rows: list[tuple], settings: HeadlineSettings | None = None) -> list[int]:
    """Dup-group label per row of a night without prior rows."""
    settings = settings or HeadlineSettings()
    loaded = load_rows(table(rows), STORY_INDEX.empty_table())
    names = name_tokens(loaded.texts, settings.name_case_ratio)
    return fold_duplicates(loaded, names, settings).tolist()


@pytest.mark.parametrize(
    "variant",
    [
        "UPDATE 2-" + BASE,  # wire prefix
        BASE + " - Reuters",  # outlet suffix
        "Harbour city council approves new tram line ...",  # truncation
        BASE.upper(),  # case
        "Harbour city council approves new tram line to the airport: sources",  # attribution tail
        "Harbour city council approves new tram line to airport",  # one word dropped
        "the airport tram line new approves council city Harbour to",  # same content tokens, other order
    ],
)
def test_variant_folds(variant: str) -> None:
    groups = groups_of([(BASE, 0), (variant, 1), *FILLER])
    assert groups[0] == groups[1]
    assert len(set(groups[2:]) | {groups[0]}) == 4


def test_us_spellings_fold() -> None:
    groups = groups_of(
        [("U.S. regulators fine airline over lost luggage", 0), ("US regulators fine airline over lost luggage", 2)]
    )
    assert groups[0] == groups[1]


def test_short_section_labels_do_not_fold_across_articles() -> None:
    groups = groups_of([("Market Highlights", 0), ("Market Highlights", 1)])
    assert groups[0] != groups[1]


@pytest.mark.parametrize(
    ("hours", "folds"),
    [
        (24 * 2, True),  # inside window_days
        (24 * 10, False),  # outside it
    ],
)
def test_folding_stays_inside_the_window(hours: int, folds: bool) -> None:
    groups = groups_of([(BASE, 0), (BASE, hours)], HeadlineSettings(window_days=2))
    assert (groups[0] == groups[1]) is folds


def test_daily_repeat_does_not_chain_across_the_window() -> None:
    # anchored on the run's first row: day 0, 2 and 4 do not become one group through day 2
    groups = groups_of([(BASE, 0), (BASE, 24 * 2), (BASE, 24 * 4)], HeadlineSettings(window_days=2))
    assert groups[0] == groups[1] != groups[2]


@pytest.mark.parametrize(
    ("first", "second", "folds"),
    [
        # one swapped common word folds
        ("Brightwater council votes to close two branch libraries", "Brightwater council votes to shut two branch libraries", True),
        # one inserted common word folds
        ("Brightwater council votes to close two branch libraries", "Brightwater council votes to close two libraries", True),
        # a swapped place is another story (Lowmoor is written capitalized mid-headline below, so it is a name)
        ("Brightwater council votes to close two branch libraries", "Lowmoor council votes to close two branch libraries", False),
        # a swapped number is another result
        ("Harbour rowing club wins regional final by 3 lengths", "Harbour rowing club wins regional final by 5 lengths", False),
        # a short headline never folds on an edited word
        ("Ferry fares rise in spring", "Ferry fares fall in spring", False),
    ],
)
def test_one_word_edits_fold_unless_the_word_is_a_name_or_number(first: str, second: str, folds: bool) -> None:
    groups = groups_of([(first, 0), (second, 1), ("Ferry strike in Lowmoor and Brightwater enters third day", 2)])
    assert (groups[0] == groups[1]) is folds


def test_truncation_joins_the_most_common_longer_wording() -> None:
    rows = [
        ("Harbour city council approves tram line to the airport", 0),
        ("Harbour city council approves tram line to the airport", 1),
        ("Harbour city council approves tram line for students", 2),
        ("Harbour city council approves tram line ...", 3),
    ]
    groups = groups_of(rows)
    assert groups[3] == groups[0] != groups[2]


@pytest.mark.parametrize("variant", [BASE, "UPDATE 2-" + BASE, "Harbour city council approves new tram line ..."])
def test_an_undated_copy_folds_whatever_day_it_is_ingested(variant: str) -> None:
    # A .txt file gives no time: its seen_at is only its run's midnight, ten days after the wire copy here.
    # Dated, the two are outside the window and stay apart; undated, the window never parts them.
    night = table([(variant, 0), (BASE, 240), *FILLER])
    for dated, folded in [(True, False), (False, True)]:
        flags = pa.array([True, dated, True, True, True], pa.bool_())
        loaded = load_rows(night.append_column("dated", flags), STORY_INDEX.empty_table())
        groups = fold_duplicates(loaded, set(), HeadlineSettings()).tolist()
        assert (groups[0] == groups[1]) is folded
