"""Score and time tasks.headlines.cluster_headlines on the labelled sets, or on one headline CSV (UCI layout).

Modes:
  python bench/headlines.py                      every set: ../shared/eval/headlines/uci_dev.csv and each
                                                 ../shared/eval/stories/*_dev.csv, whole and per half (halves
                                                 by story), with B-cubed P/R/F1, the largest predicted and true
                                                 story, dup-group pair precision and, for ECB+, the share of
                                                 cross-event pairs merged inside a topic (the sets' score.py)
  python bench/headlines.py --no-dates           the same with every publication date dropped
  python bench/headlines.py CSV                  quality: B-cubed P/R/F1 of story_id vs STORY, pairwise
                                                 precision of dup_group_id, time
  python bench/headlines.py CSV --half a|b       the same on half of the stories (split by a hash of STORY)
  python bench/headlines.py CSV --nights 2       split by time into nights; night k is clustered with the
                                                 earlier nights' output as `prior`; scores all nights together
  python bench/headlines.py CSV --scale N        N synthetic headlines made by perturbing the real ones
                                                 (wire prefixes, suffixes, truncation, case, word drops, dates):
                                                 headlines/s and peak memory
  python bench/headlines.py CSV --category      each CATEGORY clustered alone (stories of one category are
                                                 closer than the dev set's mix); per category and row-weighted
  python bench/headlines.py CSV --sample 50,200  small nights: 20 random samples of each size, mean and min F1
  python bench/headlines.py --templated          generated nights (no evaluation text): stories that share a
                                                 place or a topic wording but are different stories
  python bench/headlines.py --templated --leads  the same with a lead per article (judges lead handling)
  --set name=value                               override a HeadlineSettings field (repeatable)
  --id-salt S                                    with no CSV: make the stories sets' opaque ids from S + the set's
                                                 id, another order of the ids (where times tie, id order decides
                                                 which candidate pairs exist): run a few salts to tell a rule
                                                 from luck; the default (none) gives the ids the flow gives
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import hashlib
import resource
import sys
import time
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from types import ModuleType

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from loading import script_module  # bench/loading.py

from tasks.headlines import CLUSTER_INPUT, HeadlineSettings, cluster_headlines

TS = pa.timestamp("us", tz="UTC")
SHARED = Path(__file__).resolve().parents[2] / "shared"
STORIES = SHARED / "eval" / "stories"
UCI = SHARED / "eval" / "headlines" / "uci_dev.csv"
LEAD_CHARS = 400  # what the merge gives story matching (tasks/run/merge.py LEAD_CHARS)
# Undated articles take the run's logical midnight as their time, as in the flow (tasks/run/rows.py).
RUN_MIDNIGHT = datetime(2026, 11, 27, tzinfo=timezone.utc)
ID_SALT = ""
"""Prefixed to a stories set's id before hashing it into an opaque id (--id-salt): another order of the same ids."""


def labelled_night(columns: dict[str, object], story: list[str]) -> pa.Table:
    """A labelled night in cluster_headlines' input layout (tasks/headlines/schemas.py CLUSTER_INPUT; a column
    not given is null: no lead, and a null `dated` counts as dated) plus its gold `story` column."""
    n = len(story)
    arrays = [pa.array(columns[f.name], f.type) if f.name in columns else pa.nulls(n, f.type) for f in CLUSTER_INPUT]
    return pa.Table.from_arrays([*arrays, pa.array(story, pa.string())],
                                schema=CLUSTER_INPUT.append(pa.field("story", pa.string())))


def load_csv(path: str) -> pa.Table:
    """Read the labelled CSV into the `new` layout of cluster_headlines, plus a `story` label column."""
    raw = pacsv.read_csv(path, convert_options=pacsv.ConvertOptions(column_types={"ID": pa.string()}))
    ids = raw.column("ID").to_pylist()
    millis = np.asarray(raw.column("TIMESTAMP").to_pylist(), dtype=np.int64)
    return labelled_night(
        {
            "headline_id": [f"h{i}" for i in ids],
            "article_id": [f"a{i}" for i in ids],
            "text": raw.column("TITLE").cast(pa.string()),
            "seen_at": pa.array(millis * 1000, pa.int64()).cast(TS),
            "source": raw.column("PUBLISHER").cast(pa.string()),
        },
        raw.column("STORY").cast(pa.string()).to_pylist(),
    )


def bcubed(pred: list[str], gold: list[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering against gold labels."""
    pc, gc, both = Counter(pred), Counter(gold), Counter(zip(pred, gold))
    p = float(np.mean([both[(a, b)] / pc[a] for a, b in zip(pred, gold)]))
    r = float(np.mean([both[(a, b)] / gc[b] for a, b in zip(pred, gold)]))
    return p, r, 2 * p * r / (p + r)


def pair_precision(groups: list[str], gold: list[str]) -> tuple[float, int]:
    """Share of same-group pairs that also share the gold label, and the number of such pairs."""
    pairs = sum(c * (c - 1) // 2 for c in Counter(groups).values())
    good = sum(c * (c - 1) // 2 for c in Counter(zip(groups, gold)).values())
    return (good / pairs if pairs else 1.0), pairs


def half_of(table: pa.Table, half: str) -> pa.Table:
    """Rows whose STORY hashes into half `a` or `b` (a fixed split, for tuning on one half only)."""
    keep = [
        (hashlib.sha256(s.encode()).digest()[0] % 2 == 0) == (half == "a") for s in table.column("story").to_pylist()
    ]
    return table.filter(pa.array(keep))


def report(out: pa.Table, gold: list[str], seconds: float, label: str) -> None:
    p, r, f = bcubed(out.column("story_id").to_pylist(), gold)
    dp, dpairs = pair_precision(out.column("dup_group_id").to_pylist(), gold)
    n_st = len(set(out.column("story_id").to_pylist()))
    n_dup = len(set(out.column("dup_group_id").to_pylist()))
    print(
        f"{label}: rows={out.num_rows} gold_stories={len(set(gold))} stories={n_st} dup_groups={n_dup}\n"
        f"  story B-cubed P={p:.3f} R={r:.3f} F1={f:.3f}\n"
        f"  dup_group pairwise precision={dp:.4f} over {dpairs} pairs\n"
        f"  time={seconds:.2f}s ({out.num_rows / max(seconds, 1e-9):.0f} headlines/s)"
    )


def _opaque(kind: str, set_id: str) -> str:
    """An id that says nothing of the story: kind plus the first 32 hex digits of sha256 of ID_SALT and the set's id."""
    return kind + hashlib.sha256((ID_SALT + set_id).encode()).hexdigest()[:32]


def load_story_set(path: Path, dates: bool = True) -> tuple[pa.Table, list[dict[str, str]]]:
    """A ../shared/eval/stories CSV in the `new` layout (title as the headline, the first LEAD_CHARS of its text as
    the lead, `published` as seen_at, else the run's midnight), plus its rows for the set's scorer.

    Headline and article ids are opaque (a hash of the set's id), as the flow's are: clustering breaks ties of
    seen_at by headline_id (node order, the order of a blocking token's postings), and the sets' own ids name
    the story ("neus:train:12:1", "ecb+:1_10ecb"), so on an undated night ids in that order put each story's
    articles next to each other in every posting list and candidate recall came from the labels (neus_dev
    F1 0.815 with them, 0.798-0.803 under five other id orders, 0.801 through the flow)."""
    csv.field_size_limit(1 << 30)
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    midnight = int(RUN_MIDNIGHT.timestamp() * 1_000_000)

    def micros(published: str) -> int:
        if not (dates and published):
            return midnight
        return int(datetime.fromisoformat(published).timestamp() * 1_000_000)

    table = labelled_night(
        {
            "headline_id": [_opaque("h", r["id"]) for r in rows],
            "article_id": [_opaque("a", r["id"]) for r in rows],
            "text": [r["title"] for r in rows],
            "seen_at": pa.array([micros(r.get("published") or "") for r in rows], pa.int64()).cast(TS),
            "source": [r.get("source") or None for r in rows],
            "lead": [(r.get("text") or "")[:LEAD_CHARS] or None for r in rows],
            "dated": [bool(dates and r.get("published")) for r in rows],
        },
        [r["story"] for r in rows],
    )
    # The scorer matches predictions by id: the headline_id of each article's one headline.
    return table, [dict(r, id=_opaque("h", r["id"])) for r in rows]


def _set_scorer() -> ModuleType:
    """The stories sets' own score.py (B-cubed, pairwise, largest story, ECB+ hard negatives)."""
    return script_module(STORIES / "score.py")


def score_set(table: pa.Table, rows: list[dict[str, str]], settings: HeadlineSettings) -> dict[str, float]:
    """Cluster a labelled night and score it with the sets' scorer; adds dup-group pair precision and time."""
    start = time.process_time()
    out = cluster_headlines(table.drop_columns(["story"]), None, settings)
    cpu = time.process_time() - start
    pred = dict(zip((r["id"] for r in rows), out.column("story_id").to_pylist()))
    result = _set_scorer().score(rows, pred)
    gold = table.column("story").to_pylist()
    result["largest_true_story"] = max(Counter(gold).values())
    result["dup_pair_precision"], result["dup_pairs"] = pair_precision(out.column("dup_group_id").to_pylist(), gold)
    result["cpu_s"] = round(cpu, 2)
    return result


def _halves(rows: list[dict[str, str]]) -> dict[str, list[int]]:
    """Row positions of each half of a set, split by a hash of the story label (as half_of)."""
    out: dict[str, list[int]] = {"a": [], "b": []}
    for i, row in enumerate(rows):
        out["a" if hashlib.sha256(row["story"].encode()).digest()[0] % 2 == 0 else "b"].append(i)
    return out


def _print_score(label: str, result: dict[str, float]) -> None:
    extra = ""
    if "merged_cross_event_pairs_in_topic" in result:
        extra = f" cross-event-in-topic={result['merged_cross_event_pairs_in_topic']:.3f}"
    print(
        f"{label:<22} n={result['articles']:>5} B-cubed P={result['bcubed_P']:.3f} R={result['bcubed_R']:.3f} "
        f"F1={result['bcubed_F1']:.3f}  largest pred/true={result['largest_predicted_story']}/"
        f"{result['largest_true_story']}  dupP={result['dup_pair_precision']:.4f} ({result['dup_pairs']} pairs)"
        f"{extra}  cpu={result['cpu_s']:.1f}s"
    )


def labelled_sets(dates: bool = True) -> Iterator[tuple[str, pa.Table, list[dict[str, str]]]]:
    """Every labelled night the settings are chosen on, whole and then per half ("ecbplus_dev", "ecbplus_dev/a",
    ...): UCI dev and each ../shared/eval/stories set, with the rows their scorer reads."""
    uci = load_csv(str(UCI))
    uci_rows = [{"id": h, "story": s} for h, s in zip(uci.column("headline_id").to_pylist(), uci.column("story").to_pylist())]
    sets = [("uci_dev", uci, uci_rows)] + [(p.stem, *load_story_set(p, dates)) for p in sorted(STORIES.glob("*_dev.csv"))]
    for name, table, rows in sets:
        yield name, table, rows
        for half, positions in _halves(rows).items():
            yield f"{name}/{half}", table.take(pa.array(positions, pa.int64())), [rows[i] for i in positions]


def run_all_sets(settings: HeadlineSettings, dates: bool = True) -> None:
    """Every labelled set, whole and per half: the figures the settings are chosen on."""
    if not SHARED.is_dir():
        print(f"{SHARED} is absent: the evaluation sets live outside the repository", file=sys.stderr)
        return
    for name, table, rows in labelled_sets(dates):
        label = f"  half {name.rsplit('/', 1)[1]}" if "/" in name else name
        _print_score(label, score_set(table, rows, settings))


def run_quality(table: pa.Table, settings: HeadlineSettings) -> None:
    gold = table.column("story").to_pylist()
    start = time.perf_counter()
    out = cluster_headlines(table.drop_columns(["story"]), None, settings)
    report(out, gold, time.perf_counter() - start, "one night")


def run_nights(table: pa.Table, nights: int, settings: HeadlineSettings) -> None:
    """Split rows by seen_at into equal-count nights; each night sees all earlier output as prior."""
    table = table.sort_by([("seen_at", "ascending"), ("headline_id", "ascending")])
    bounds = np.linspace(0, table.num_rows, nights + 1).astype(int)
    done: list[pa.Table] = []
    start = time.perf_counter()
    for k in range(nights):
        night = table.slice(bounds[k], bounds[k + 1] - bounds[k]).drop_columns(["story"])
        prior = pa.concat_tables(done).drop_columns(["is_canonical"]) if done else None
        out = cluster_headlines(night, prior, settings)
        done.append(out)
        print(
            f"night {k + 1}: {night.num_rows} rows, new stories {len(set(out.column('story_id').to_pylist()) - set(prior.column('story_id').to_pylist() if prior else []))}"
        )
    everything = pa.concat_tables(done)
    report(everything, table.column("story").to_pylist(), time.perf_counter() - start, f"{nights} nights")


_PREFIXES = ["UPDATE 1-", "UPDATE 2-", "REFILE-", "EXCLUSIVE: ", "BREAKING: "]
_LETTERS = list("bcdfghjklmnpqrstvwxz")
_SUFFIXES = [" - Reuters", " | BBC News", " (AP)", ": sources", " - Bloomberg"]


def synthetic(table: pa.Table, n: int, seed: int = 0, per_day: int = 3000, unique: bool = False) -> pa.Table:
    """n headlines made from the real ones: each copy gets a random edit and is moved by whole days.

    Days are drawn so that about per_day headlines share a day, like a real nightly feed; the
    edits are those the duplicate folding must undo (prefix, suffix, truncation, case) or survive
    (a dropped word). With unique=True every copy also gets an invented trailing word, so (almost) no two
    texts are equal: the worst case for memory, where no identical texts collapse into one node.
    """
    rng = np.random.default_rng(seed)
    base = table.column("text").to_pylist()
    stories = table.column("story").to_pylist()
    base_ts = table.column("seen_at").cast(pa.int64()).to_numpy()
    pick = rng.integers(0, len(base), n)
    edit = rng.integers(0, 7, n)
    days = rng.integers(0, max(1, n // per_day), n)
    texts = []
    for i, (b, e) in enumerate(zip(pick, edit)):
        words = base[b].split()
        if e == 0:
            text = _PREFIXES[i % len(_PREFIXES)] + base[b]
        elif e == 1:
            text = base[b] + _SUFFIXES[i % len(_SUFFIXES)]
        elif e == 2 and len(words) > 5:
            text = " ".join(words[: max(4, len(words) - 3)]) + " ..."
        elif e == 3:
            text = base[b].upper() if i % 2 else base[b].lower()
        elif e == 4 and len(words) > 3:
            drop = int(rng.integers(0, len(words)))
            text = " ".join(words[:drop] + words[drop + 1 :])
        else:
            text = base[b]
        texts.append(f"{text} {''.join(rng.choice(_LETTERS, 7))}" if unique else text)
    ts = base_ts[pick] + days * 86_400 * 1_000_000
    return labelled_night(
        {
            "headline_id": [f"s{i}" for i in range(n)],
            "article_id": [f"sa{i}" for i in range(n)],
            "text": texts,
            "seen_at": pa.array(ts, pa.int64()).cast(TS),
            "source": [f"outlet{i % 500}" for i in range(n)],
        },
        [stories[b] for b in pick],
    )


def run_scale(table: pa.Table, n: int, settings: HeadlineSettings, unique: bool = False) -> None:
    data = synthetic(table, n, unique=unique)
    gold = data.column("story").to_pylist()
    data = data.drop_columns(["story"])
    cpu0 = time.process_time()
    start = time.perf_counter()
    out = cluster_headlines(data, None, settings)
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # Copies of one story on nearby days may rightly chain into one story, so STORY of the source row
    # is the gold label; this shows whether quality holds at scale, not a held-out score.
    p, r, f = bcubed(out.column("story_id").to_pylist(), gold)
    print(f"scale quality vs source STORY: B-cubed P={p:.3f} R={r:.3f} F1={f:.3f}; cpu={cpu:.1f}s")
    print(
        f"scale: {n} headlines in {seconds:.1f}s = {n / seconds:.0f} headlines/s, peak RSS {peak_mb:.0f} MB, "
        f"dup_groups={len(set(out.column('dup_group_id').to_pylist()))} stories={len(set(out.column('story_id').to_pylist()))}"
    )


def score(table: pa.Table, settings: HeadlineSettings) -> tuple[float, float, float, float]:
    """B-cubed P, R, F1 of stories and dup-group pair precision of one clustering of a labelled table."""
    out = cluster_headlines(table.drop_columns(["story"]), None, settings)
    gold = table.column("story").to_pylist()
    p, r, f = bcubed(out.column("story_id").to_pylist(), gold)
    return p, r, f, pair_precision(out.column("dup_group_id").to_pylist(), gold)[0]


def run_category(path: str, table: pa.Table, settings: HeadlineSettings) -> None:
    """Cluster each CATEGORY of the CSV alone: stories inside one category share more vocabulary."""
    cats = pacsv.read_csv(path, convert_options=pacsv.ConvertOptions(column_types={"ID": pa.string()}))
    by_id = dict(zip((f"h{i}" for i in cats.column("ID").to_pylist()), cats.column("CATEGORY").to_pylist()))
    cat = [by_id[h] for h in table.column("headline_id").to_pylist()]
    total = np.zeros(4)
    for name in sorted(set(cat)):
        part = table.filter(pa.array([c == name for c in cat]))
        p, r, f, dp = score(part, settings)
        total += part.num_rows * np.array([p, r, f, dp])
        n_gold = len(set(part.column("story").to_pylist()))
        print(f"category {name}: rows={part.num_rows} gold_stories={n_gold} P={p:.3f} R={r:.3f} F1={f:.3f} dupP={dp:.4f}")
    p, r, f, dp = total / table.num_rows
    print(f"category (row-weighted): P={p:.3f} R={r:.3f} F1={f:.3f} dupP={dp:.4f}")


def run_samples(table: pa.Table, sizes: list[int], settings: HeadlineSettings, repeats: int = 20) -> None:
    """Small nights: random samples of the rows, each clustered alone; mean and worst F1 per size."""
    rng = np.random.default_rng(0)
    for size in sizes:
        scores = np.array(
            [score(table.take(np.sort(rng.choice(table.num_rows, size, replace=False))), settings) for _ in range(repeats)]
        )
        p, r, f, dp = scores.mean(axis=0)
        print(f"samples of {size} (x{repeats}): P={p:.3f} R={r:.3f} F1={f:.3f} (min {scores[:, 2].min():.3f}) dupP={dp:.4f}")


# Generated nights for --templated: invented places and stories, never evaluation text. Each story has
# several wordings that share its topic words; stories share places (one city's council, budget and
# transport news on one night) and recurring shapes ("X shares rise", "X beats Y").
_PLACES = ["Port Alder", "Kessel", "Valdera", "Brenna", "Talmund", "Ravelin", "Ulmark", "Sorno"]
_TOPICS = [
    ["{p} council approves harbor bridge repair", "{p} bridge repair gets council backing",
     "Council in {p} votes to fund bridge repairs", "{p} to spend $40m fixing harbor bridge"],
    ["{p} budget leaves libraries short", "Libraries face cuts in {p} budget",
     "{p} library hours to shrink under new budget", "Budget squeeze hits {p} libraries"],
    ["{p} rail workers set strike dates", "Rail strike looms in {p} over night pay",
     "{p} rail union announces walkout", "Train drivers in {p} to strike next week"],
    ["Frost ruins {p} apple harvest", "{p} apple growers count frost losses",
     "Two nights of frost hit {p} orchards", "{p} orchards lose half their apples to frost"],
    ["{p} opens new tram line", "First trams run on {p} line",
     "New {p} tram line carries first passengers", "{p} tram extension opens to riders"],
    ["{p} hospitals to merge", "Health board backs {p} hospital merger",
     "{p} hospital merger approved despite protests", "Two {p} hospitals combine services"],
    ["{p} water prices to rise 12%", "Households in {p} face higher water bills",
     "{p} water company raises tariffs", "Water bills climb in {p}"],
    ["{p} mayor resigns after expenses probe", "Expenses inquiry forces {p} mayor out",
     "{p} mayor quits amid spending scandal", "Embattled {p} mayor steps down"],
    ["{p} FC beat rivals 3-1 in derby", "{p} FC win derby with late goals",
     "Derby joy for {p} FC after 3-1 victory", "{p} FC clinch derby win"],
    ["{p} shares close higher on bank rally", "Banks lift {p} stock exchange",
     "{p} stocks rise as lenders gain", "{p} market ends up, led by banks"],
]
_DECOR = ["{h}", "UPDATE 1-{h}", "{h} - Coastal Wire", "{h}", "REFILE-{h}", "{h}"]


# A lead opens with the story's own facts, then boilerplate that many stories' leads share.
_LEAD_OPENERS = ["Officials in {p} said on {d} that", "According to a statement from {p} on {d},", "{p} residents learned on {d} that"]
_LEAD_BOILERPLATE = (
    " The decision follows months of debate at public meetings, and local groups say they will follow "
    "the next steps closely."
)


def _lead(rng: np.random.Generator, place: str, wording: str) -> str:
    opener = _LEAD_OPENERS[int(rng.integers(0, len(_LEAD_OPENERS)))]
    day = ["Monday", "Tuesday", "Friday"][int(rng.integers(0, 3))]
    return opener.format(p=place, d=day) + " " + wording[0].lower() + wording[1:] + "." + _LEAD_BOILERPLATE


def templated(n_stories: int, per_story: int, seed: int = 0, leads: bool = False) -> pa.Table:
    """A generated night: n_stories (place, topic) stories, per_story headlines each (wordings and decorations).

    With leads=True every article also gets a lead: an opener naming the place, another wording of its
    story, and boilerplate shared by all leads (what makes a heavy lead weight risky).
    """
    rng = np.random.default_rng(seed)
    combos = [(p, t) for p in _PLACES for t in range(len(_TOPICS))]
    picked = [combos[i] for i in rng.choice(len(combos), n_stories, replace=False)]
    texts, stories, lead_texts = [], [], []
    for place, topic in picked:
        for _ in range(per_story):
            wording = _TOPICS[topic][int(rng.integers(0, len(_TOPICS[topic])))].format(p=place)
            texts.append(_DECOR[int(rng.integers(0, len(_DECOR)))].format(h=wording))
            stories.append(f"{place}/{topic}")
            other = _TOPICS[topic][int(rng.integers(0, len(_TOPICS[topic])))].format(p=place)
            lead_texts.append(_lead(rng, place, other) if leads else None)
    n = len(texts)
    ts = 1_764_000_000_000_000 + rng.integers(0, 86_400, n) * 1_000_000
    return labelled_night(
        {
            "headline_id": [f"g{i}" for i in range(n)],
            "article_id": [f"ga{i}" for i in range(n)],
            "text": texts,
            "seen_at": pa.array(ts, pa.int64()).cast(TS),
            "source": [f"outlet{i % 7}" for i in range(n)],
            "lead": lead_texts,
        },
        stories,
    )


def run_templated(settings: HeadlineSettings, leads: bool = False) -> None:
    """Generated nights of several sizes; three seeds each."""
    for n_stories, per_story in [(6, 3), (12, 5), (40, 8), (80, 4)]:
        scores = np.array([score(templated(n_stories, per_story, seed, leads), settings) for seed in range(3)])
        p, r, f, dp = scores.mean(axis=0)
        print(f"templated {n_stories} stories x {per_story}: P={p:.3f} R={r:.3f} F1={f:.3f} dupP={dp:.4f}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("csv", nargs="?")
    parser.add_argument("--category", action="store_true")
    parser.add_argument("--sample", default="", help="comma-separated sample sizes")
    parser.add_argument("--templated", action="store_true")
    parser.add_argument("--leads", action="store_true", help="with --templated: every article has a lead")
    parser.add_argument("--half", choices=["a", "b"])
    parser.add_argument("--nights", type=int, default=0)
    parser.add_argument("--scale", type=int, default=0)
    parser.add_argument("--unique", action="store_true", help="with --scale: make every synthetic text distinct")
    parser.add_argument("--no-dates", action="store_true", help="with no CSV: drop every publication date")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument("--id-salt", default="", help="with no CSV: another order of the stories sets' opaque ids")
    args = parser.parse_args(argv)
    global ID_SALT
    ID_SALT = args.id_salt
    overrides = {}
    types = {f.name: f.type for f in dataclasses.fields(HeadlineSettings)}
    for item in args.set:
        name, value = item.split("=", 1)
        overrides[name] = (float if types[name] in ("float", float) else int)(value)
    settings = HeadlineSettings(**overrides)
    if args.templated:
        run_templated(settings, leads=args.leads)
        return
    if not args.csv:
        run_all_sets(settings, dates=not args.no_dates)
        return
    table = load_csv(args.csv)
    if args.half:
        table = half_of(table, args.half)
    if args.category:
        run_category(args.csv, table, settings)
    elif args.sample:
        run_samples(table, [int(x) for x in args.sample.split(",")], settings)
    elif args.scale:
        run_scale(table, args.scale, settings, unique=args.unique)
    elif args.nights:
        run_nights(table, args.nights, settings)
    else:
        run_quality(table, settings)


if __name__ == "__main__":
    main()
