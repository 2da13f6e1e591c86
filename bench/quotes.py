"""Quote propagation at scale: generated statements, some repeated as identical, trimmed or lightly edited copies.

    .venv/bin/python bench/quotes.py                       # 100,000 statements, 5% of them repeated copies
    .venv/bin/python bench/quotes.py --statements 10000 --nights 2

Contents are random sentences over a 5,000-word vocabulary (no evaluation text), 6 to 40 words long; a repeated
statement gets 1 to 3 copies, each with one edit: none, a trim of 1 to 4 words at either end, a changed word, an
inserted word, changed case and punctuation; copies keep the speaker or lose it (unresolved), a few get another
speaker (and must stay apart). Prints pair precision and recall of quote_id against the generated groups, the time
and the peak memory. With --nights N, statements are split by time into N nights and each night is matched
against the earlier ones (the lake's prior statements), as the merge does.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from collections import Counter
from pathlib import Path

import pyarrow as pa

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tasks.quotes.propagation import QuoteSettings, assign_quote_ids  # noqa: E402

TS = pa.timestamp("us", tz="UTC")
SYLLABLES = ["ka", "lo", "mi", "ra", "ten", "vo", "shi", "del", "por", "an", "ur", "bel", "nak", "tis", "gor", "fe"]


def vocabulary(rng: random.Random, size: int = 5000) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4))))
    return sorted(words)


def edited(rng: random.Random, words: list[str], vocab: list[str]) -> list[str]:
    copy = list(words)
    edit = rng.randrange(6)
    if edit == 1 and len(copy) > 8:
        cut = rng.randint(1, 4)
        copy = copy[cut:] if rng.random() < 0.5 else copy[:-cut]
    elif edit == 2:
        copy[rng.randrange(len(copy))] = rng.choice(vocab)
    elif edit == 3:
        copy.insert(rng.randrange(len(copy)), rng.choice(vocab))
    elif edit == 4:
        copy = [w.upper() if rng.random() < 0.2 else w for w in copy]
    elif edit == 5:
        copy[-1] = copy[-1] + rng.choice([",", ".", "!", "..."])
    return copy


def generate(n: int, repeated_share: float, seed: int = 7) -> tuple[pa.Table, list[int]]:
    """n statements and their true quote group; repeated_share of them are copies of earlier ones."""
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    speakers = [f"speaker {k}" for k in range(2000)]
    rows, groups = [], []
    originals: list[tuple[list[str], str, int]] = []
    n_copies = int(n * repeated_share)
    for g in range(n - n_copies):
        words = [rng.choice(vocab) for _ in range(rng.randint(6, 40))]
        speaker = rng.choice(speakers)
        originals.append((words, speaker, g))
        rows.append((words, speaker))
        groups.append(g)
    for _ in range(n_copies):
        words, speaker, g = rng.choice(originals)
        roll = rng.random()
        if roll < 0.03:  # the same words from someone else: another quote
            speaker, g = rng.choice(speakers) + " other", len(originals) + len(groups)
        elif roll < 0.4:
            speaker = None
        rows.append((edited(rng, words, vocab), speaker))
        groups.append(g)
    order = list(range(n))
    rng.shuffle(order)
    base = 1_764_000_000_000_000
    table = pa.table({
        "statement_id": pa.array([f"st{i}" for i in order], pa.string()),
        "content": pa.array([" ".join(rows[i][0]) for i in order], pa.string()),
        "speaker_key": pa.array([rows[i][1] for i in order], pa.string()),
        "seen_at": pa.array([base + k * 1_000_000 for k in range(n)], pa.int64()).cast(TS),
    })
    return table, [groups[i] for i in order]


def pair_scores(predicted: list[str], gold: list[int]) -> tuple[float, float, int]:
    def pairs(labels: list) -> int:
        return sum(c * (c - 1) // 2 for c in Counter(labels).values())

    both, pred_pairs, gold_pairs = pairs(list(zip(predicted, gold))), pairs(predicted), pairs(gold)
    return both / pred_pairs if pred_pairs else 1.0, both / gold_pairs if gold_pairs else 1.0, gold_pairs


def run(n: int, share: float, nights: int, settings: QuoteSettings) -> None:
    table, gold = generate(n, share)
    start = time.perf_counter()
    bounds = [round(k * n / nights) for k in range(nights + 1)]
    predicted: list[str] = []
    prior = None
    for k in range(nights):
        night = table.slice(bounds[k], bounds[k + 1] - bounds[k])
        ids = assign_quote_ids(night, prior, settings)
        predicted += ids.to_pylist()
        done = night.append_column("quote_id", ids)
        prior = done if prior is None else pa.concat_tables([prior, done])
    seconds = time.perf_counter() - start
    precision, recall, gold_pairs = pair_scores(predicted, gold)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{n} statements, {share:.0%} repeated copies, {nights} night(s): {gold_pairs} true pairs")
    print(f"  pair precision {precision:.4f}  recall {recall:.4f}  quotes {len(set(predicted))}")
    print(f"  {seconds:.1f} s ({n / seconds:,.0f} statements/s), peak RSS {peak:.0f} MiB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--repeated", type=float, default=0.05)
    parser.add_argument("--nights", type=int, default=1)
    args = parser.parse_args(argv)
    run(args.statements, args.repeated, args.nights, QuoteSettings())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
