"""Quote propagation: the same statement repeated across articles (identical, trimmed or lightly edited copies of its
content, by the same speaker or an unresolved one) gets one quote_id, across nights.

Contents are normalized and shingled in DuckDB (sql/pipeline/quote_shingles.sql), each distinct content once (wire
copies repeat quotes word for word). Candidate pairs come from MinHash signatures of word bigrams, banded for
locality-sensitive hashing (never all pairs), plus exact matches of the normalized text; each candidate is then
verified on its bigram sets: Jaccard for edited copies, containment for trimmed ones. Verified pairs join into
quotes (connected components). A quote that includes statements already in the lake keeps the quote_id of the earliest of them, so tomorrow's
repetition joins today's quote; otherwise its id derives from its earliest statement.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from tasks.ids import stable_id
from tasks.lake.views import sql_text

# MurmurHash3's 64-bit finalizer: a bijection that mixes every input bit into every output bit; seeded per hash
# function by xor, it gives the independent permutations MinHash needs (a*h + b without wrap-around would not mix).
_MIX1, _MIX2 = np.uint64(0xFF51AFD7ED558CCD), np.uint64(0xC4CEB9FE1A85EC53)
_CHUNK_VALUES = 4 << 20  # shingle hashes mixed at a time (32 MiB per temporary array)


@dataclass(frozen=True)
class QuoteSettings:
    """Thresholds of quote matching (chosen on generated repetitions: bench/quotes.py)."""

    bands: int = 24
    """LSH bands; with rows_per_band 3, a pair of Jaccard 0.5 becomes a candidate with probability 0.96."""
    rows_per_band: int = 3
    min_jaccard: float = 0.5
    """Two contents are one quote at this bigram Jaccard or more (a word changed in ten: about 0.7)."""
    min_containment: float = 0.9
    """... or when this share of the shorter one's bigrams is in the longer one (a trimmed copy: 1.0)."""
    min_containment_shingles: int = 4
    """Containment counts only for contents of at least this many bigrams: "the plan" is in every speech."""
    min_words: int = 4
    """Shorter contents match only when their normalized text is equal."""
    window_days: int = 2
    """Statements of the lake this far back are matched against a run's new ones (as headlines' stories): a
    quote repeated every day chains on; one repeated only after a week starts a quote of its own. Wider windows
    cost their statements' shingling every night (about 1 s and 300 MB per million statements)."""


@dataclass(frozen=True)
class _Shingled:
    """The bigram hashes of every distinct content, flat (text k owns hashes[offsets[k]:offsets[k + 1]]), its
    normalized text's hash and word count, and per statement the index of its text (`text_of`).

    Wire copies repeat a quote word for word in many articles: each distinct content is shingled and signed once,
    and its statements share the result."""

    hashes: np.ndarray
    offsets: np.ndarray
    text_hash: np.ndarray
    n_words: np.ndarray
    text_of: np.ndarray

    def shingles(self, text: int) -> np.ndarray:
        return np.unique(self.hashes[self.offsets[text] : self.offsets[text + 1]])


def _shingle(contents: pa.Array) -> _Shingled:
    """Normalize and shingle every distinct content in DuckDB (sql/pipeline/quote_shingles.sql): no Python loop
    per row, and no copy of the contents (DuckDB reads them in place and picks each distinct one by row number)."""
    con = duckdb.connect()
    con.register("statements_to_match", pa.table({"content": contents}))
    content_hash = con.sql(sql_text("pipeline", "quote_content_hashes")).to_arrow_table().column(0).to_numpy()
    _, first_rows, text_of = np.unique(content_hash, return_index=True, return_inverse=True)
    con.register("texts_to_shingle", pa.table({"row_no": np.sort(first_rows)}))
    table = con.sql(sql_text("pipeline", "quote_shingles")).to_arrow_table()
    con.close()
    # np.unique numbers texts by hash; the shingles come back by row number: renumber texts by their first row.
    rank = np.empty(len(first_rows), np.int64)
    rank[np.argsort(first_rows)] = np.arange(len(first_rows))
    shingles = table.column("shingles").combine_chunks()
    return _Shingled(
        hashes=pc.list_flatten(shingles).to_numpy(zero_copy_only=False).astype(np.uint64),
        offsets=shingles.offsets.to_numpy().astype(np.int64),
        text_hash=table.column("text_hash").to_numpy().astype(np.uint64),
        n_words=table.column("n_words").to_numpy().astype(np.int64),
        text_of=rank[text_of.reshape(-1)],
    )


def _row_chunks(offsets: np.ndarray, max_values: int) -> Iterator[tuple[int, int]]:
    """Row ranges [first, last) holding at most about `max_values` shingles each (at least one row)."""
    first, n = 0, len(offsets) - 1
    while first < n:
        last = int(np.searchsorted(offsets, offsets[first] + max_values, side="right")) - 1
        last = min(n, max(last, first + 1))
        yield first, last
        first = last


def _band_keys(shingled: _Shingled, settings: QuoteSettings) -> Iterator[np.ndarray]:
    """One key per distinct content and LSH band: a hash of the band's MinHash values (the minimum of each seeded
    hash over the content's shingles). Band by band and in chunks of contents, so memory holds one band's keys and
    one chunk's hash values, never the whole signature (a night of a million statements has thirty million
    shingles)."""
    values, offsets = shingled.hashes, shingled.offsets
    rng = np.random.default_rng(20261201)  # fixed: the same contents always get the same keys
    r = settings.rows_per_band
    seeds = rng.integers(0, np.iinfo(np.int64).max, settings.bands * r, dtype=np.int64).astype(np.uint64)
    weights = np.uint64(0x9E3779B97F4A7C15) ** np.arange(r, dtype=np.uint64)
    shift = np.uint64(33)
    chunks = list(_row_chunks(offsets, _CHUNK_VALUES))
    for band in range(settings.bands):
        key = np.zeros(len(offsets) - 1, np.uint64)
        for first, last in chunks:
            chunk = values[offsets[first] : offsets[last]]
            starts = offsets[first:last] - offsets[first]
            for k in range(r):
                mixed = (chunk ^ seeds[band * r + k]) * _MIX1  # uint64 products wrap around: that is the point
                mixed ^= mixed >> shift
                mixed *= _MIX2
                mixed ^= mixed >> shift
                key[first:last] += np.minimum.reduceat(mixed, starts) * weights[k]
        yield key


def _bucket_pairs(keys: np.ndarray, order_by: np.ndarray, rows: np.ndarray | None = None) -> np.ndarray:
    """Pairs of rows that share a key, as codes i * n + j (i < j, n the number of rows): each member of a bucket
    with the bucket's earliest member and with the one before it in time. Linear in the bucket's size: a wire
    story carried by fifty outlets repeats its quotes fifty times, and a quote's copies need a chain, not all
    pairs, to become one. With `rows`, only those rows take part (keys and order_by still cover every row)."""
    n = len(keys)
    rows = np.arange(n) if rows is None else rows
    order = rows[np.lexsort((order_by[rows], keys[rows]))]
    sorted_keys = keys[order]
    m = len(order)
    opens = np.r_[True, sorted_keys[1:] != sorted_keys[:-1]]  # a row that opens its bucket
    first = order[np.maximum.accumulate(np.where(opens, np.arange(m), 0))]  # each row's bucket's earliest row
    later = ~opens
    a = np.r_[first[later], order[:-1][later[1:]]]
    b = np.r_[order[later], order[1:][later[1:]]]
    low, high = np.minimum(a, b).astype(np.int64), np.maximum(a, b).astype(np.int64)
    return np.unique(low * n + high)


def _mixed_buckets(text_keys: np.ndarray, text_hash: np.ndarray) -> np.ndarray:
    """Per distinct content, whether its band bucket holds more than one normalized text.

    A bucket of one normalized text holds exactly the statements of that text, whose chain the exact-match
    bucket already gives: only buckets that mix texts add candidates (the near copies LSH is for)."""
    order = np.argsort(text_keys, kind="stable")
    keys, hashes = text_keys[order], text_hash[order]
    opens = np.r_[True, keys[1:] != keys[:-1]]
    starts = np.flatnonzero(opens)
    mixed = np.minimum.reduceat(hashes, starts) != np.maximum.reduceat(hashes, starts)
    out = np.empty(len(order), bool)
    out[order] = mixed[np.cumsum(opens) - 1]
    return out


def _candidates(shingled: _Shingled, times: np.ndarray, settings: QuoteSettings) -> tuple[np.ndarray, np.ndarray]:
    """Candidate pairs (i < j) as two arrays, sorted by (i, j): equal normalized texts, and rows that share a
    MinHash band. (Arrays, not a list of tuples: a night of wire copies has millions of candidate pairs.)"""
    text_of = shingled.text_of
    codes = [_bucket_pairs(shingled.text_hash[text_of], times)]
    for text_keys in _band_keys(shingled, settings):
        mixed = np.flatnonzero(_mixed_buckets(text_keys, shingled.text_hash)[text_of])
        if len(mixed):
            codes.append(_bucket_pairs(text_keys[text_of], times, mixed))
    n = len(times)
    merged = np.unique(np.concatenate(codes))  # sorted codes i * n + j are pairs sorted by (i, j)
    return merged // n, merged % n


def _same_speaker(a: str | None, b: str | None) -> bool:
    """Keys of one speaker, or at least one unresolved; a surname alone agrees with a full name ending in it.

    Looser than the lake's speaker identity (sql/marts/speaker_identity.sql joins a surname only to the one full
    name that has it): here the two statements already share their words, which is the evidence the mart lacks.
    """
    if a is None or b is None or a == b:
        return True
    short, full = sorted((a, b), key=len)
    return " " not in short and full.endswith(" " + short)


def _verified(i: int, j: int, shingled: _Shingled, settings: QuoteSettings) -> bool:
    i, j = shingled.text_of[i], shingled.text_of[j]
    if shingled.text_hash[i] == shingled.text_hash[j]:
        return True  # the same normalized text
    if min(shingled.n_words[i], shingled.n_words[j]) < settings.min_words:
        return False  # short contents count only when equal
    a, b = shingled.shingles(i), shingled.shingles(j)
    common = len(np.intersect1d(a, b, assume_unique=True))
    if common / (len(a) + len(b) - common) >= settings.min_jaccard:
        return True
    smaller = min(len(a), len(b))
    return smaller >= settings.min_containment_shingles and common / smaller >= settings.min_containment


class _Quotes:
    """Union-find over statements in which every quote keeps one speaker: an unresolved copy may link a quote to
    its speaker, but never two speakers' quotes to each other."""

    def __init__(self, speakers: list[str | None]) -> None:
        self.parent = list(range(len(speakers)))
        self.speaker = list(speakers)  # per root: the most specific speaker key of the quote, or None

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a == b or not _same_speaker(self.speaker[a], self.speaker[b]):
            return
        self.parent[a] = b
        self.speaker[b] = max(self.speaker[a], self.speaker[b], key=lambda k: len(k or ""))


DEFAULT_SETTINGS = QuoteSettings()


def assign_quote_ids(new: pa.Table, prior: pa.Table | None, settings: QuoteSettings = DEFAULT_SETTINGS) -> pa.Array:
    """The quote_id of every new statement.

    Args:
        new: the run's statements: statement_id, content, speaker_key, seen_at (the article's time).
        prior: the lake's statements inside the window, with their quote_id (or None).
        settings: matching thresholds.

    Returns:
        One quote_id per row of `new`, in its order.
    """
    if new.num_rows == 0:
        return pa.array([], pa.string())
    columns = ["statement_id", "content", "speaker_key", "seen_at"]
    both = pa.concat_tables([new.select(columns), prior.select(columns)]) if prior is not None else new.select(columns)
    n_new = new.num_rows
    prior_ids = prior.column("quote_id").to_pylist() if prior is not None else []
    statement_ids = both.column("statement_id").to_pylist()
    speakers = both.column("speaker_key").to_pylist()
    times = both.column("seen_at").cast(pa.int64()).fill_null(0).to_numpy()
    shingled = _shingle(both.column("content").combine_chunks())
    components = _Quotes(speakers)
    first_rows, second_rows = _candidates(shingled, times, settings)
    keep = first_rows < n_new  # a pair of two lake statements was matched on an earlier night
    # In a fixed order (sorted pairs): the same input, the same quotes.
    for i, j in zip(first_rows[keep].tolist(), second_rows[keep].tolist()):
        if components.find(i) != components.find(j) and _verified(i, j, shingled, settings):
            components.join(i, j)
    # The id of each quote: the earliest lake statement's quote_id, else derived from its earliest new statement.
    roots = [components.find(row) for row in range(len(statement_ids))]
    first: dict[int, tuple[bool, int, str, int]] = {}
    for row, (root, time_us, statement_id) in enumerate(zip(roots, times.tolist(), statement_ids)):
        candidate = (row < n_new, time_us, statement_id, row)
        if root not in first or candidate < first[root]:
            first[root] = candidate
    quote_ids = {
        root: stable_id("quote", statement_id) if is_new else prior_ids[row - n_new]
        for root, (is_new, _, statement_id, row) in first.items()
    }
    return pa.array([quote_ids[root] for root in roots[:n_new]], pa.string())
