"""Throughput and story quality of a whole nightly run: N synthetic articles through the flow.

The articles are generated (no evaluation text is used): about N/3 distinct events (an invented place, an
event kind, a person and a number; 1-6 articles each, worded differently by each outlet, some re-sent with
wire prefixes, suffixes or truncation), so a night holds thousands of events that share kinds, places and
people: the hard negatives of story clustering. Median-length bodies (~3,500 characters) carry direct
quotes and reported speech. JSONL feeds of 1,000 articles per file plus a share of HTML pages in WARC files.
The event of every article is known, so the lake's stories are scored (B-cubed, largest story).

    .venv/bin/python bench/nightly_scale.py --articles 100000 --task-runner dask --workers 2
    .venv/bin/python bench/nightly_scale.py --articles 2000            # a quick look

Prints wall time, articles/s, peak RSS of this process and of the largest worker, and the story scores.
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
SYLLABLES = ["ka", "lo", "ven", "dar", "mi", "tor", "sa", "bel", "ru", "nis", "ol", "fen", "gra", "hal", "jur", "pe"]
PLACE_ENDS = ["", " Bay", "ford", "heim", " Falls"]
ROLES = ["the mayor of", "a spokeswoman for", "the finance minister of", "a senior official in", "the union leader in"]
# Event kinds: (actor, what happened, headline wordings); {p} place, {n} person, {x} number.
KINDS = [
    ("rail workers", "a strike over night-shift pay",
     ["{p} rail workers vote to strike", "Rail strike looms in {p} over night pay", "{n} warns of {p} rail walkout"]),
    ("the city council", "a repair of the harbor bridge",
     ["{p} approves ${x}m bridge repair", "Council in {p} backs bridge fix", "{p} bridge to close for repairs, says {n}"]),
    ("firefighters", "a fire at a warehouse",
     ["Fire destroys warehouse in {p}", "{x} firefighters battle {p} blaze", "{p} warehouse blaze under control"]),
    ("voters", "the election of a new mayor",
     ["{n} elected mayor of {p}", "{p} picks {n} as mayor", "{n} wins {p} mayoral race"]),
    ("the education board", "cuts to the school budget",
     ["{p} budget cuts library hours", "Libraries lose out in {p} budget", "{n} defends {p} spending cuts"]),
    ("residents", "floods after heavy rain",
     ["Floods close roads in {p}", "{p} river bursts its banks", "Hundreds evacuated as floods hit {p}"]),
    ("the plant's owner", "the closure of a factory",
     ["{p} plant to shut with {x} jobs lost", "{x} jobs go as {p} factory closes", "{n} vows to fight {p} plant closure"]),
    ("the health board", "the merger of two hospitals",
     ["{p} hospitals to merge", "Health board backs {p} hospital merger", "{n} opposes {p} hospital plan"]),
    ("a court", "the conviction of a councillor",
     ["Court jails {p} councillor {n}", "{p} councillor {n} guilty of fraud", "{n} sentenced to {x} months"]),
    ("the club", "a derby win",
     ["{p} FC beat rivals {x}-1", "Derby joy for {p} FC", "{n} scores twice as {p} FC win"]),
    ("the port authority", "plans to expand the container terminal",
     ["{p} port to expand terminal", "${x}m expansion for {p} port", "{n} unveils {p} port plan"]),
    ("the water company", "a rise in household water prices",
     ["{p} water bills to rise {x}%", "Water prices climb in {p}", "{n} criticises {p} water rise"]),
]
VERBS = ["said", "told reporters", "warned", "added", "argued", "insisted", "noted"]
DECORATIONS = ["{h}", "{h}", "{h}", "UPDATE 1-{h}", "{h} - Coastal Wire", "REFILE-{h}"]
FILLER = (
    "Officials have been working on the plan for several months, and local residents have followed the debate "
    "closely at a series of public meetings held in the town hall and in community centres across the region. "
)


def place_name(rng: random.Random) -> str:
    return (rng.choice(SYLLABLES) + rng.choice(SYLLABLES)).capitalize() + rng.choice(PLACE_ENDS)


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {(rng.choice(SYLLABLES) + rng.choice(SYLLABLES) + 'er').capitalize()}"


def events(rng: random.Random, n_articles: int) -> list[int]:
    """Event id per article: about n_articles / 3 events of 1-6 articles each, in a shuffled order."""
    out: list[int] = []
    event = 0
    while len(out) < n_articles:
        out.extend([event] * min(rng.choice([1, 2, 2, 3, 3, 4, 5, 6]), n_articles - len(out)))
        event += 1
    rng.shuffle(out)
    return out


def body_for(rng: random.Random, place: str, kind: tuple[str, str, list[str]], name: str, number: int) -> str:
    actor, what, _ = kind
    other = person(rng)
    paragraphs = [
        f"{actor.capitalize()} in {place} announced {what} on {rng.choice(['Monday', 'Tuesday', 'Friday'])}, "
        f"{rng.choice(ROLES)} {place} said. The figure given was {number}.",
        f'"We have waited long enough for a decision," {name}, {rng.choice(ROLES)} {place}, said. '
        f'"The people of {place} deserve an answer."',
        f"{other} {rng.choice(VERBS)} that the costs would be shared between the region and the state.",
        FILLER * 3,
        f"According to {rng.choice(['the ministry', 'local media', 'the council'])}, a final vote is expected next month.",
        f'"It will not be easy," {name.split()[1]} said, "but we will get it done."',
        FILLER * 2,
    ]
    return "\n\n".join(paragraphs)


def headline_for(rng: random.Random, place: str, kind: tuple[str, str, list[str]], name: str, number: int) -> str:
    wording = rng.choice(kind[2]).format(p=place, n=name, x=number)
    headline = rng.choice(DECORATIONS).format(h=wording)
    return headline if rng.random() > 0.05 else headline[: max(20, len(headline) - 12)] + "..."


def page_for(title: str, body: str, published: str, site: str) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | {site}</title>'
            f'<meta property="og:title" content="{title}"><meta property="article:published_time" content="{published}">'
            f"</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
            f"<article><h1>{title}</h1>{paragraphs}</article><aside><h2>Most read</h2><ul><li><a href='/x'>Other story</a></li>"
            f"</ul></aside><footer>{site}</footer></body></html>").encode()


def generate(root: Path, n_articles: int, html_share: float, seed: int = 7, per_file: int = 1000) -> dict[str, int]:
    """Write n_articles synthetic articles under root (JSONL feeds and WARC crawls); returns the event of each URL."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(seed)
    start = datetime(2026, 11, 27, tzinfo=timezone.utc)
    n_html = int(n_articles * html_share)
    event_of = events(rng, n_articles)
    facts = [(place_name(rng), rng.choice(KINDS), person(rng), rng.randint(2, 900)) for _ in range(max(event_of) + 1)]
    labels: dict[str, int] = {}
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
            place, kind, name, number = facts[event_of[k]]
            title = headline_for(rng, place, kind, name, number)
            body = body_for(rng, place, kind, name, number)
            published = (start + timedelta(seconds=rng.randrange(86400))).isoformat()
            url = f"https://site{k % 50}.example/news/{k}"
            labels[url] = event_of[k]
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
    (root.parent / "events.json").write_text(json.dumps(labels))
    return labels


def score_stories(lake: Path, labels: dict[str, int]) -> str:
    """B-cubed of the lake's stories (each article's title row) against the generated events, and the largest story."""
    from collections import Counter

    from tasks.lake import Lake

    found = Lake(lake).connect().execute(
        "select a.url, h.story_id from headlines h join articles a using (article_id) where h.role = 'title'"
    ).fetchall()
    pred = [story for url, story in found if url in labels]
    gold = [labels[url] for url, _ in found if url in labels]
    by_pred, by_gold, both = Counter(pred), Counter(gold), Counter(zip(pred, gold))
    precision = sum(both[(p, g)] / by_pred[p] for p, g in zip(pred, gold)) / len(pred)
    recall = sum(both[(p, g)] / by_gold[g] for p, g in zip(pred, gold)) / len(pred)
    f1 = 2 * precision * recall / (precision + recall)
    return (f"stories vs generated events ({len(by_gold):,} events, {len(pred):,} articles): B-cubed P {precision:.3f} "
            f"R {recall:.3f} F1 {f1:.3f}; largest story {max(by_pred.values())} (largest event {max(by_gold.values())})")


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
        labels = generate(inputs, args.articles, args.html_share, per_file=args.per_file)
    else:
        labels = {url: int(event) for url, event in json.loads((work / "events.json").read_text()).items()}
    size_mb = sum(p.stat().st_size for p in inputs.iterdir()) / 1e6
    print(f"generated {args.articles:,} articles in {len(list(inputs.iterdir()))} files ({size_mb:.0f} MB) "
          f"in {time.perf_counter() - t0:.1f}s")
    shutil.rmtree(lake, ignore_errors=True)

    from flows.nightly import nightly

    t0 = time.perf_counter()
    summary = nightly(inputs=[str(inputs)], lake=str(lake), run_date=date(2026, 11, 27), batch_files=args.batch_files,
                      task_runner=args.task_runner, workers=args.workers)
    wall = time.perf_counter() - t0
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"runner={args.task_runner} workers={args.workers} batch_files={args.batch_files}")
    print(f"wall {wall:.1f}s  ->  {summary['articles'] / wall:,.0f} articles/s "
          f"({summary['articles']:,} articles, {summary['headlines']:,} headlines, {summary['stories_new']:,} stories, "
          f"{summary['statements']:,} statements, {summary['quarantined']} quarantined)")
    print(f"peak RSS: flow process {own:,.0f} MB, largest child (Dask worker / server) {children:,.0f} MB")
    print(score_stories(lake, labels))
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
