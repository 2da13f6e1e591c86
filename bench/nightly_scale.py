"""Throughput of a whole nightly run: N synthetic articles through the flow, wall time and peak memory.

The articles are generated (no evaluation text is used): median-length bodies (~3,500 characters) with
direct quotes and reported speech, headlines re-sent with wire prefixes, suffixes and truncation, as
JSONL feeds of 1,000 articles per file plus a share of HTML pages packed in WARC files.

    .venv/bin/python bench/nightly_scale.py --articles 100000 --task-runner dask --workers 2
    .venv/bin/python bench/nightly_scale.py --articles 2000            # a quick look

Prints wall time, articles/s, the time inside each stage, and peak RSS of this process and of the
largest worker.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import resource
import shutil
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

FIRST = ["Anna", "Ben", "Carla", "Dmitri", "Elif", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kemal", "Lena", "Marco", "Nadia"]
LAST = ["Berg", "Costa", "Dahl", "Eriksen", "Fischer", "Gomez", "Hansen", "Ivanova", "Jensen", "Kowalski", "Larsen", "Moreau"]
ROLES = ["the mayor of", "a spokeswoman for", "the finance minister of", "a senior official in", "the union leader in"]
PLACES = ["Kessel", "Sorno", "Port Alder", "Valdera", "Brenna", "Oskar Bay", "Talmund", "Ravelin", "Nord Ess", "Ulmark"]
TOPICS = [
    ("rail strike", "rail workers", "strike over night-shift pay"),
    ("bridge repair", "the city council", "repair of the harbor bridge"),
    ("frost damage", "apple growers", "losses after two nights of frost"),
    ("school budget", "the education board", "a new heating budget for schools"),
    ("port expansion", "the port authority", "plans to expand the container terminal"),
    ("water prices", "the water company", "a rise in household water prices"),
    ("hospital merger", "the health board", "the merger of two regional hospitals"),
    ("tram line", "the transport office", "the opening of a new tram line"),
]
VERBS = ["said", "told reporters", "warned", "added", "argued", "insisted", "noted"]
FILLER = (
    "Officials have been working on the plan for several months, and local residents have followed the debate "
    "closely at a series of public meetings held in the town hall and in community centres across the region. "
)


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def body_for(rng: random.Random, place: str, topic: tuple[str, str, str]) -> str:
    _, actor, what = topic
    speaker, other = person(rng), person(rng)
    paragraphs = [
        f"{actor.capitalize()} in {place} announced {what} on {rng.choice(['Monday', 'Tuesday', 'Friday'])}, "
        f"{rng.choice(ROLES)} {place} said.",
        f'"We have waited long enough for a decision," {speaker}, {rng.choice(ROLES)} {place}, said. '
        f'"The people of {place} deserve an answer."',
        f"{other} {rng.choice(VERBS)} that the costs would be shared between the region and the state.",
        FILLER * 3,
        f"According to {rng.choice(['the ministry', 'local media', 'the council'])}, a final vote is expected next month.",
        f'"It will not be easy," {speaker.split()[1]} said, "but we will get it done."',
        FILLER * 2,
    ]
    return "\n\n".join(paragraphs)


def headline_for(rng: random.Random, place: str, topic: tuple[str, str, str], variant: int) -> str:
    base = f"{place} {topic[1]} back {topic[2]}"
    forms = [base, f"UPDATE {rng.randint(1, 3)}-{base}", f"{base} - Coastal Wire", base[: max(20, len(base) - 15)] + "...",
             f"REFILE-{base}", base.upper()]
    return forms[variant % len(forms)]


def page_for(title: str, body: str, published: str, site: str) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | {site}</title>'
            f'<meta property="og:title" content="{title}"><meta property="article:published_time" content="{published}">'
            f"</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
            f"<article><h1>{title}</h1>{paragraphs}</article><aside><h2>Most read</h2><ul><li><a href='/x'>Other story</a></li>"
            f"</ul></aside><footer>{site}</footer></body></html>").encode()


def generate(root: Path, n_articles: int, html_share: float, seed: int = 7, per_file: int = 1000) -> None:
    """Write n_articles synthetic articles under root: JSONL feeds and WARC crawls."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(seed)
    start = datetime(2026, 11, 27, tzinfo=timezone.utc)
    n_html = int(n_articles * html_share)
    stories = [(rng.choice(PLACES), rng.choice(TOPICS)) for _ in range(max(1, n_articles // 8))]
    root.mkdir(parents=True, exist_ok=True)
    written = 0
    file_no = 0
    while written < n_articles:
        count = min(per_file, n_articles - written)
        is_html = written < n_html
        file_no += 1
        if is_html:
            buffer = io.BytesIO()
            writer = WARCWriter(buffer, gzip=True)
        else:
            lines = []
        for i in range(count):
            k = written + i
            place, topic = stories[rng.randrange(len(stories))]
            title = headline_for(rng, place, topic, k)
            body = body_for(rng, place, topic)
            published = (start + timedelta(seconds=rng.randrange(86400))).isoformat()
            url = f"https://site{k % 50}.example/news/{k}"
            if is_html:
                http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
                record = writer.create_warc_record(url, "response", payload=io.BytesIO(page_for(title, body, published, f"Site {k % 50}")),
                                                   http_headers=http)
                writer.write_record(record)
            else:
                lines.append(json.dumps({"id": str(k), "url": url, "source": f"Site {k % 50}", "published": published,
                                         "title": title, "text": body}))
        if is_html:
            (root / f"crawl-{file_no:05d}.warc.gz").write_bytes(buffer.getvalue())
        else:
            (root / f"feed-{file_no:05d}.jsonl").write_text("\n".join(lines) + "\n")
        written += count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--html-share", type=float, default=0.2, help="share of articles delivered as HTML in WARC files")
    parser.add_argument("--per-file", type=int, default=1000, help="articles per input file")
    parser.add_argument("--batch-files", type=int, default=2)
    parser.add_argument("--task-runner", choices=("thread", "dask"), default="dask")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", help="generate into this directory and keep it (default: a temporary one)")
    args = parser.parse_args()

    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_TASKS_DEFAULT_NO_CACHE", "true")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="newslake-scale-"))
    inputs, lake = work / "inputs", work / "lake"
    t0 = time.perf_counter()
    if not inputs.exists():
        generate(inputs, args.articles, args.html_share, per_file=args.per_file)
    size_mb = sum(p.stat().st_size for p in inputs.iterdir()) / 1e6
    print(f"generated {args.articles:,} articles in {len(list(inputs.iterdir()))} files ({size_mb:.0f} MB) "
          f"in {time.perf_counter() - t0:.1f}s")
    shutil.rmtree(lake, ignore_errors=True)

    from flows.nightly import nightly

    t0 = time.perf_counter()
    summary = nightly(inputs=[str(inputs)], lake=str(lake), run_date=date(2026, 11, 27), batch_files=args.batch_files,
                      task_runner=args.task_runner, dask_workers=args.workers)
    wall = time.perf_counter() - t0
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"runner={args.task_runner} workers={args.workers} batch_files={args.batch_files}")
    print(f"wall {wall:.1f}s  ->  {summary['articles'] / wall:,.0f} articles/s "
          f"({summary['articles']:,} articles, {summary['headlines']:,} headlines, {summary['stories_new']:,} stories, "
          f"{summary['statements']:,} statements, {summary['quarantined']} quarantined)")
    print(f"peak RSS: flow process {own:,.0f} MB, largest child (Dask worker / server) {children:,.0f} MB")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
