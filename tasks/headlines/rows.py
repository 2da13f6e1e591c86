"""The night's headlines and the prior ones in the window as one set of parallel per-row columns."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from tasks.headlines.norm import story_tokens, text_norm

DAY_US = 86_400 * 1_000_000


def micros(col: pa.ChunkedArray | pa.Array) -> np.ndarray:
    """Microseconds since the epoch (UTC) of a timestamp column, as int64."""
    return pc.cast(col, pa.timestamp("us", tz="UTC")).cast(pa.int64()).to_numpy(zero_copy_only=False)


def strings(table: pa.Table, name: str) -> list[str | None]:
    """A string column as a list, or all None when the table lacks it."""
    if name not in table.column_names:
        return [None] * table.num_rows
    return table.column(name).to_pylist()


def dated_flags(table: pa.Table) -> np.ndarray:
    """Per row, whether seen_at is the article's own time; a missing column or a null means dated."""
    if "dated" not in table.column_names:
        return np.ones(table.num_rows, dtype=bool)
    return pc.fill_null(table.column("dated"), True).to_numpy(zero_copy_only=False).astype(bool)


@dataclass
class HeadlineRows:
    """Per-row columns of tonight's rows (first n_new) followed by the prior rows.

    `toks` holds each row's distinct content tokens, sorted and space-joined: one string per row (not a
    list) keeps a million rows in memory, and the sorted form is also the word-order-free folding key.
    """

    n_new: int
    texts: list[str]
    hids: list[str]
    arts: list[str]
    leads: list[str | None]
    times: np.ndarray
    dated: np.ndarray
    """False where seen_at is only the run's midnight (the article gives no time): such a row has no place in
    time, so the window never keeps it from a link."""
    is_prior: np.ndarray
    norms: list[str]
    toks: list[str]
    prior_dup: np.ndarray
    prior_story: np.ndarray

    @property
    def n(self) -> int:
        """Number of rows, new and prior."""
        return len(self.texts)


def _norms(new_texts: list[str], prior_texts: list[str], prior_norms: list[str | None]) -> list[str]:
    """text_norm per row: computed once per distinct new text; prior rows reuse their stored form."""
    cache: dict[str, str] = {}
    new = [cache[t] if t in cache else cache.setdefault(t, text_norm(t)) for t in new_texts]
    return new + [pn if pn is not None else text_norm(t) for pn, t in zip(prior_norms, prior_texts)]


def _token_keys(norms: list[str]) -> list[str]:
    """Sorted distinct story tokens per row, space-joined (computed once per distinct normalized text)."""
    cache: dict[str, str] = {}
    return [cache[s] if s in cache else cache.setdefault(s, " ".join(sorted(set(story_tokens(s))))) for s in norms]


def _prior_labels(n_new: int, prior: pa.Table, name: str) -> np.ndarray:
    """A prior label column behind n_new empty labels, as an object array ("" for none)."""
    return np.asarray([""] * n_new + [v or "" for v in strings(prior, name)], dtype=object)


def load_rows(new: pa.Table, prior: pa.Table) -> HeadlineRows:
    """Tonight's rows followed by the prior rows, with their normalized texts and token keys.

    Args:
        new: CLUSTER_INPUT rows (`dated` may be absent: every row is dated then).
        prior: STORY_INDEX rows (may be empty).

    Returns:
        The parallel columns.
    """
    n_new = new.num_rows
    new_texts = [t or "" for t in strings(new, "text")]
    prior_texts = [t or "" for t in strings(prior, "text")]
    norms = _norms(new_texts, prior_texts, strings(prior, "text_norm"))
    return HeadlineRows(
        n_new=n_new,
        texts=new_texts + prior_texts,
        hids=[str(h) for h in strings(new, "headline_id")] + [str(h) for h in strings(prior, "headline_id")],
        arts=[str(a) for a in strings(new, "article_id")] + [str(a) for a in strings(prior, "article_id")],
        leads=strings(new, "lead") + strings(prior, "lead"),
        times=np.concatenate([micros(new.column("seen_at")), micros(prior.column("seen_at"))]).astype(np.int64),
        dated=np.concatenate([dated_flags(new), dated_flags(prior)]),
        is_prior=np.r_[np.zeros(n_new, bool), np.ones(prior.num_rows, bool)],
        norms=norms,
        toks=_token_keys(norms),
        prior_dup=_prior_labels(n_new, prior, "dup_group_id"),
        prior_story=_prior_labels(n_new, prior, "story_id"),
    )
