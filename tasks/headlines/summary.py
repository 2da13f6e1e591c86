"""Story summaries: one row per story with its canonical headline and counts."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from tasks.headlines.norm import display_text, is_clean, is_truncated
from tasks.headlines.rows import micros
from tasks.headlines.schemas import STORY_SUMMARY

_MEMBER_COLUMNS = ["headline_id", "article_id", "text", "dup_group_id", "story_id", "is_canonical", "seen_at", "source"]


def _largest_groups(members: pa.Table) -> dict[str, str]:
    """Per story, its largest dup group (ties: the group's earliest seen_at, then dup_group_id)."""
    groups = members.group_by(["story_id", "dup_group_id"]).aggregate([("headline_id", "count"), ("seen_at", "min")])
    best: dict[str, tuple[int, int, str]] = {}
    for story, dup, size, first in zip(
        groups.column("story_id").to_pylist(),
        groups.column("dup_group_id").to_pylist(),
        groups.column("headline_id_count").to_numpy(),
        micros(groups.column("seen_at_min")),
    ):
        candidate = (-int(size), int(first), dup)
        if story not in best or candidate < best[story]:
            best[story] = candidate
    return {story: key[2] for story, key in best.items()}


def _display_texts(members: pa.Table, groups: set[str]) -> dict[str, str]:
    """Display text per dup group: its earliest clean member, else its earliest whole (else first) member
    with prefixes and suffixes stripped."""
    rows = members.filter(pc.is_in(members.column("dup_group_id"), pa.array(sorted(groups), pa.string())))
    rows = rows.sort_by([("seen_at", "ascending"), ("headline_id", "ascending")])
    first: dict[str, str] = {}
    whole: dict[str, str] = {}
    clean: dict[str, str] = {}
    for dup, text in zip(rows.column("dup_group_id").to_pylist(), rows.column("text").to_pylist()):
        text = text or ""
        first.setdefault(dup, text)
        if dup not in whole and not is_truncated(text):
            whole[dup] = text
        if dup not in clean and is_clean(text):
            clean[dup] = text.strip()
    return {dup: clean.get(dup) or display_text(whole.get(dup, first[dup])) for dup in first}


def summarize_stories(headlines: pa.Table) -> pa.Table:
    """One row per story: its canonical headline and counts.

    canonical_headline rule, for display:
      1. The story's largest dup group is chosen (ties: the group's earliest seen_at, then dup_group_id).
      2. Within it, the earliest member (seen_at, then headline_id) whose text is clean: no wire prefix
         ("UPDATE 2-"), no outlet or attribution suffix ("- Reuters", ": sources") and no truncation mark.
      3. If no member is clean, the earliest member that is not truncated, else the earliest member, with
         its prefixes and suffixes stripped (norm.display_text): original casing and punctuation kept, and
         a truncation mark too (readers see that the headline is cut).
    Surrounding whitespace is trimmed. Only rows in the input count (a group's earlier prior rows do not).

    Args:
        headlines: rows with headline_id, article_id, text, dup_group_id, story_id, is_canonical, seen_at, source.

    Returns:
        STORY_SUMMARY rows (story_id, canonical_headline, n_headlines, n_dup_groups, n_articles, n_sources,
        first_seen, last_seen), sorted by story_id.
    """
    if headlines.num_rows == 0:
        return STORY_SUMMARY.empty_table()
    members = headlines.select(_MEMBER_COLUMNS)
    seen_at = pc.cast(members.column("seen_at"), pa.timestamp("us", tz="UTC"))
    members = members.set_column(members.schema.get_field_index("seen_at"), "seen_at", seen_at)
    stories = members.group_by("story_id").aggregate(
        [
            ("headline_id", "count"),
            ("dup_group_id", "count_distinct"),
            ("article_id", "count_distinct"),
            ("source", "count_distinct"),
            ("seen_at", "min"),
            ("seen_at", "max"),
        ]
    )
    chosen = _largest_groups(members)
    display = _display_texts(members, set(chosen.values()))
    story_ids = stories.column("story_id").to_pylist()
    out = pa.table(
        {
            "story_id": pa.array(story_ids, pa.string()),
            "canonical_headline": pa.array([display[chosen[s]] for s in story_ids], pa.string()),
            "n_headlines": pc.cast(stories.column("headline_id_count"), pa.int32()),
            "n_dup_groups": pc.cast(stories.column("dup_group_id_count_distinct"), pa.int32()),
            "n_articles": pc.cast(stories.column("article_id_count_distinct"), pa.int32()),
            "n_sources": pc.cast(stories.column("source_count_distinct"), pa.int32()),
            "first_seen": stories.column("seen_at_min"),
            "last_seen": stories.column("seen_at_max"),
        }
    )
    return out.sort_by("story_id")
