"""Story quality through the whole pipeline: a labelled CSV fed as JSONL through the nightly flow, scored from the lake.

`bench/headlines.py` scores the clustering function on its own; this scores what an analyst gets: the CSV
becomes JSONL feed items, `newslake`'s flow ingests them, and the story_id of each article's title row in the
`headlines` table is scored against the CSV's labels.

- UCI layout (../shared/eval/headlines/uci_dev.csv): items with `title`, `url`, `source`, `published`; scored
  with the bench's B-cubed and dup-group pair precision.
- stories layout (../shared/eval/stories/*_dev.csv): items with `title`, `text` (the article text the set
  gives), `source` and `published` where the set has them; scored with the set's own score.py (B-cubed,
  pairwise, largest story, ECB+ cross-event merges). An item without `published` is undated in the lake.

    .venv/bin/python bench/stories_through_flow.py ../shared/eval/headlines/uci_dev.csv            # one night
    .venv/bin/python bench/stories_through_flow.py ../shared/eval/headlines/uci_dev.csv --by-day   # one run per day
    .venv/bin/python bench/stories_through_flow.py ../shared/eval/stories/ecbplus_dev.csv --no-dates
    .venv/bin/python bench/stories_through_flow.py ../shared/eval/stories/neus_dev.csv --half a  # bench's halves

The stories layout also prints what the largest predicted story is made of: how many true stories it mixes and
how many of its articles each gives (counts only, no text).

With --by-day (UCI layout), every day of the CSV is its own landing folder and its own flow run (newslake's
backfill path): later days must join the stories of earlier days through the lake's story index.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import sys
import tempfile
import time
from collections import Counter
from datetime import date, datetime, timezone
from pathlib import Path

from loading import script_module  # bench/loading.py

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pyarrow as pa  # noqa: E402
import pyarrow.csv as pacsv  # noqa: E402
from headlines import bcubed, pair_precision  # noqa: E402 - bench/headlines.py, the scoring code

RUN_DATE = date(2026, 11, 27)  # the stories sets' night: undated articles take its midnight


def read_rows(csv_path: str) -> list[dict[str, object]]:
    """The CSV's rows: ID, TITLE, URL, PUBLISHER, STORY, TIMESTAMP (milliseconds since the epoch)."""
    raw = pacsv.read_csv(csv_path, convert_options=pacsv.ConvertOptions(column_types={"ID": pa.string()}))
    return raw.select(["ID", "TITLE", "URL", "PUBLISHER", "STORY", "TIMESTAMP"]).to_pylist()


def write_landing(rows: list[dict[str, object]], landing: Path, by_day: bool) -> list[date]:
    """Write the rows as JSONL feeds under landing/<YYYY-MM-DD>/feed.jsonl (one folder unless by_day)."""
    feeds: dict[date, list[str]] = {}
    for row in rows:
        published = datetime.fromtimestamp(int(row["TIMESTAMP"]) / 1000, tz=timezone.utc)
        day = published.date() if by_day else date(2000, 1, 1)
        record = {"id": row["ID"], "url": row["URL"], "source": row["PUBLISHER"],
                  "published": published.isoformat(), "title": row["TITLE"]}
        feeds.setdefault(day, []).append(json.dumps(record))
    for day, lines in feeds.items():
        folder = landing / day.isoformat()
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "feed.jsonl").write_text("\n".join(lines) + "\n")
    return sorted(feeds)


def read_story_rows(csv_path: str) -> list[dict[str, str]]:
    """The rows of a stories-layout CSV (id, title, text, story, and published/source/topic where present)."""
    csv.field_size_limit(1 << 30)
    with open(csv_path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_story_landing(rows: list[dict[str, str]], landing: Path, dates: bool) -> None:
    """One JSONL feed of the rows under landing/night/; dates dropped unless `dates`."""
    lines = []
    for row in rows:
        record = {"id": row["id"], "title": row["title"], "text": row.get("text") or ""}
        if row.get("source"):
            record["source"] = row["source"]
        if dates and row.get("published"):
            record["published"] = row["published"]
        lines.append(json.dumps(record))
    folder = landing / "night"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n")


def story_half(rows: list[dict[str, str]], half: str) -> list[dict[str, str]]:
    """The rows of half `a` or `b` of a stories-layout set, split by a hash of the story as bench/headlines.py."""
    return [r for r in rows if (hashlib.sha256(r["story"].encode()).digest()[0] % 2 == 0) == (half == "a")]


def largest_makeup(rows: list[dict[str, str]], found: dict[str, str]) -> str:
    """What the largest predicted story is made of: its size, the true stories it mixes, articles from each."""
    gold = {r["id"]: r["story"] for r in rows}
    members: dict[str, list[str]] = {}
    for external_id, story_id in found.items():
        if external_id in gold:
            members.setdefault(story_id, []).append(gold[external_id])
    if not members:
        return "largest story: none"
    biggest = max(members.values(), key=len)
    parts = sorted(Counter(biggest).values(), reverse=True)
    return f"largest story: {len(biggest)} articles from {len(parts)} true stories ({'+'.join(map(str, parts))})"


def score_stories(csv_path: str, rows: list[dict[str, str]], lake: Path) -> dict[str, object]:
    """The set's score.py over the story_id of each article's title row."""
    from tasks.lake import Lake

    found = Lake(lake).connect().execute("select a.external_id, h.story_id from headlines h "
                                        "join articles a using (article_id) where h.role = 'title'").fetchall()
    scorer = script_module(Path(csv_path).parent / "score.py")
    print(largest_makeup(rows, dict(found)))
    return scorer.score(rows, dict(found))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("csv")
    parser.add_argument("--by-day", action="store_true", help="one flow run per day of the CSV (UCI layout)")
    parser.add_argument("--no-dates", action="store_true", help="stories layout: drop every publication date")
    parser.add_argument("--half", choices=["a", "b"], help="stories layout: only this half of the stories")
    args = parser.parse_args()
    if not Path(args.csv).exists():
        print(f"{args.csv} not found (the evaluation data lives in ../shared, outside the repository)", file=sys.stderr)
        return 2
    from flows.prefect_env import configure_local_prefect

    # The local-only settings, among them a patient ephemeral server: on a loaded machine Prefect's default 20 s
    # start-up timeout failed most runs of a series.
    configure_local_prefect()
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

    from flows.nightly import nightly
    from tasks.lake import Lake

    work = Path(tempfile.mkdtemp(prefix="newslake-stories-"))
    with open(args.csv, encoding="utf-8", newline="") as handle:
        stories_layout = "story" in next(csv.reader(handle))
    if stories_layout:
        story_rows = read_story_rows(args.csv)
        if args.half:
            story_rows = story_half(story_rows, args.half)
        write_story_landing(story_rows, work / "landing", dates=not args.no_dates)
        started = time.perf_counter()
        nightly(inputs=[str(work / "landing" / "night")], lake=str(work / "lake"), run_date=RUN_DATE)
        seconds = time.perf_counter() - started
        print(f"{len(story_rows):,} articles in one run, {seconds:.1f}s including Prefect")
        print(json.dumps(score_stories(args.csv, story_rows, work / "lake")))
        return 0
    rows = read_rows(args.csv)
    days = write_landing(rows, work / "landing", args.by_day)
    lake = work / "lake"
    started = time.perf_counter()
    for day in days:
        nightly(inputs=[str(work / "landing" / day.isoformat())], lake=str(lake), run_date=day)
    seconds = time.perf_counter() - started

    gold = {row["ID"]: row["STORY"] for row in rows}
    found = Lake(lake).connect().execute("select a.external_id, h.story_id, h.dup_group_id from headlines h "
                                        "join articles a using (article_id) where h.role = 'title'").fetchall()
    labels = [gold[external_id] for external_id, _, _ in found]
    precision, recall, f1 = bcubed([r[1] for r in found], labels)
    dup_precision, pairs = pair_precision([r[2] for r in found], labels)
    print(f"{len(found):,} of {len(rows):,} headlines (rows sharing a URL are one article) "
          f"in {len(days)} run(s), {seconds:.1f}s including Prefect")
    print(f"story B-cubed P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}")
    print(f"dup_group pairwise precision {dup_precision:.4f} over {pairs} pairs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
