"""Duplicate folding: which headlines are the same headline re-sent (one dup group)."""

from __future__ import annotations

import bisect
from array import array

import numpy as np

from tasks.headlines.graph import components, same_label_edges
from tasks.headlines.norm import is_truncated
from tasks.headlines.rows import DAY_US, HeadlineRows
from tasks.headlines.settings import HeadlineSettings


def _time_anchored_runs(
    keys: np.ndarray, times: np.ndarray, dated: np.ndarray, window_us: int
) -> tuple[np.ndarray, np.ndarray]:
    """Edges joining rows with equal key whose time is within the window of the run's first row.

    Anchoring on the first row (not the previous one) keeps a daily recurring headline ("Stocks close
    higher") from chaining into one group forever. An undated row (seen_at only its run's midnight) has no
    place in time: it sorts after its key's dated rows and joins the latest run's anchor, so the day a file
    is ingested does not decide what it folds with.
    """
    order = np.lexsort((times, ~dated, keys))
    k, t = keys[order], times[order]
    new_key = np.ones(len(k), dtype=bool)
    new_key[1:] = k[1:] != k[:-1]
    left: list[int] = []
    right: list[int] = []
    # Only keys that repeat need the sequential anchor scan.
    dup = ~new_key | np.r_[~new_key[1:], False]
    anchor = -1
    for pos in np.flatnonzero(dup):
        if new_key[pos] or (dated[order[pos]] and t[pos] - t[anchor] > window_us):
            anchor = pos
        else:
            left.append(order[anchor])
            right.append(order[pos])
    return np.asarray(left, dtype=np.int64), np.asarray(right, dtype=np.int64)


def _dup_keys(
    norms: list[str],
    toks: list[str],
    n_toks: np.ndarray,
    foldable: np.ndarray,
    names: set[str],
    settings: HeadlineSettings,
) -> tuple[np.ndarray, np.ndarray]:
    """Folding keys per row: the normalized text, the sorted content-token set (word order), and for long
    headlines the text with one token deleted (a one-word insertion, deletion or substitution).

    Keys are 64-bit hashes; only equality matters, so a per-process hash seed changes no grouping.

    Args:
        norms: normalized text per row.
        toks: sorted distinct content tokens per row, space-joined.
        n_toks: number of those tokens per row.
        foldable: rows allowed to fold across articles.
        names: name tokens of the night (names.name_tokens), never the edited word.
        settings: thresholds.

    Returns:
        (row index per key, key hash), rows repeated once per key.
    """
    rows = array("q")
    keys = array("q")
    seen: dict[str, tuple[int, int]] = {}  # syndicated copies share one normalized text: reuse its keys
    for row in np.flatnonzero(foldable).tolist():
        norm = norms[row]
        if norm in seen:
            start, count = seen[norm]
            keys.extend(keys[start : start + count])
            rows.extend([row] * count)
            continue
        words = norm.split()
        found = {hash(("n", norm))}
        if n_toks[row] >= settings.token_set_min_tokens:
            found.add(hash(("t", toks[row])))
        if len(words) + 1 >= settings.edit_min_tokens:
            found.add(hash(("e", norm)))  # the shorter side of a one-word insertion
        if len(words) >= settings.edit_min_tokens:
            # A name or a number is never the edited word: "Kessel rail strike ..." and "Sorno rail
            # strike ...", or a 3-1 and a 2-1 result, are different stories however alike the rest.
            found.update(
                hash(("e", " ".join(words[:j] + words[j + 1 :])))
                for j in range(len(words))
                if words[j] not in names and not any(c.isdigit() for c in words[j])
            )
        seen[norm] = (len(keys), len(found))
        keys.extend(found)
        rows.extend([row] * len(found))
    return np.frombuffer(rows, dtype=np.int64).copy(), np.frombuffer(keys, dtype=np.int64).copy()


def _truncation_edges(
    norms: list[str],
    truncated: np.ndarray,
    times: np.ndarray,
    dated: np.ndarray,
    sizes: np.ndarray,
    settings: HeadlineSettings,
) -> tuple[np.ndarray, np.ndarray]:
    """Edges from each truncated headline to the longer headline it is a prefix of.

    Among several longer candidates the most frequent normalized text wins (ties: lexicographic), so
    a truncation joins the wording most outlets used. The last kept token may itself be cut
    ("Obama signs bi ..."), so the match is a plain string prefix.

    Args:
        norms: normalized text per row.
        truncated: rows that end in a truncation mark and may fold.
        times: seen_at per row (microseconds).
        dated: per row, whether its time is its own (an undated row is never out of the window).
        sizes: words per normalized text.
        settings: truncation_min_tokens and window_days.

    Returns:
        (truncated row, row of the longer headline) edges.
    """
    rows = np.flatnonzero(truncated & (sizes >= settings.truncation_min_tokens))
    if len(rows) == 0:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    counts: dict[str, int] = {}
    first_row: dict[str, int] = {}
    for row in np.argsort(times, kind="stable"):
        text = norms[row]
        counts[text] = counts.get(text, 0) + 1
        first_row.setdefault(text, int(row))
    uniq = sorted(counts)
    window_us = settings.window_days * DAY_US
    left: list[int] = []
    right: list[int] = []
    for row in rows:
        prefix = norms[row]
        lo = bisect.bisect_right(uniq, prefix)
        hi = bisect.bisect_left(uniq, prefix + "\uffff", lo)
        if hi <= lo:
            continue
        best = min(uniq[lo:hi], key=lambda text: (-counts[text], text))
        target = first_row[best]
        if abs(int(times[target]) - int(times[row])) <= window_us or not (dated[target] and dated[row]):
            left.append(int(row))
            right.append(target)
    return np.asarray(left, dtype=np.int64), np.asarray(right, dtype=np.int64)


def fold_duplicates(rows: HeadlineRows, names: set[str], settings: HeadlineSettings) -> np.ndarray:
    """Dup-group label per row: equal normalized text, equal content-token set, one edited word in a long
    headline, or a truncated prefix of a longer one, within the window (an undated row is never outside it);
    prior dup groups stay joined.

    Headlines with few content tokens ("Business Highlights", "Live updates") are section labels that many
    unrelated stories share, so they only fold within their own article.

    Args:
        rows: the night's and the prior rows.
        names: name tokens of the night, never the edited word of a one-word fold.
        settings: thresholds.

    Returns:
        Component label per row.
    """
    n = rows.n
    window_us = settings.window_days * DAY_US
    n_toks = np.fromiter((t.count(" ") + 1 if t else 0 for t in rows.toks), dtype=np.int64, count=n)
    foldable = n_toks >= settings.dup_min_tokens
    sizes = np.fromiter((len(s.split()) for s in rows.norms), dtype=np.int64, count=n)
    truncated = np.fromiter((is_truncated(t) for t in rows.texts), dtype=bool, count=n)
    key_rows, keys = _dup_keys(rows.norms, rows.toks, n_toks, foldable, names, settings)
    el, er = _time_anchored_runs(
        np.unique(keys, return_inverse=True)[1], rows.times[key_rows], rows.dated[key_rows], window_us
    )
    el, er = key_rows[el], key_rows[er]
    tl, tr = _truncation_edges(rows.norms, truncated & foldable, rows.times, rows.dated, sizes, settings)
    pdl, pdr = same_label_edges(rows.prior_dup, rows.is_prior)
    return components(n, np.concatenate([el, tl, pdl]), np.concatenate([er, tr, pdr]))
