"""End-to-end throughput: generate a night of N articles in one input format, run `newslake run` on it against a warm
Prefect server, and report articles/s, the seconds of each stage and the peak memory of the whole process tree.

    .venv/bin/python bench/pipeline.py --format jsonl --sizes 1000 10000 100000
    .venv/bin/python bench/pipeline.py --format warc --sizes 10000            # real pages, varied, in WARC records
    .venv/bin/python bench/pipeline.py --format warc --sizes 5400 --compare-trafilatura
    .venv/bin/python bench/pipeline.py --format txt --sizes 1000 --task-runner thread

Articles are built from real-length texts: the bodies of ../shared/eval/statements (PolNeAR, evaluation only: the
generated files live in a temporary directory and are deleted) when present, else the bundled samples; pages from
../shared/eval/{html,metadata,metadata_postlight} when present, else samples/html. Each copy is varied (its own URL,
a title and first sentence with distinct words and numbers) so that neither article identity nor headline
folding collapses the copies. jsonl writes one file (one big feed); txt writes one file per article; warc writes
CC-NEWS-style record-compressed WARCs of 10,000 pages each.

With --compare-trafilatura, trafilatura 2.3.1's `extract` runs over the same pages in this process, after the
newslake run, and the ratio of newslake end to end over trafilatura's extraction alone is printed.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from process_tree import TreeMemory  # bench/process_tree.py

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

RUN_DATE = "2026-11-27"
WORDS = ("harbor council budget ferry bridge market rail strike frost school library tram airport flood clinic "
         "union tariff court election museum stadium port river hospital housing water").split()
PLACES = ["Kessel", "Sorno", "Port Alder", "Valdera", "Brenna", "Talmund", "Ravelin", "Ulmark", "Ostrin", "Maribel"]


def _texts() -> list[tuple[str, str]]:
    """(title, body) pairs of real length."""
    statements = SHARED / "eval" / "statements"
    if statements.is_dir():
        rows = [json.loads(line) for name in ("polnear_dev.jsonl", "polnear_train_sample.jsonl")
                for line in (statements / name).read_text().splitlines()]
        return [(r["title"], r["text"]) for r in rows]
    samples = [(p.read_text().split("\n", 1)[0], p.read_text()) for p in (ROOT / "samples" / "txt").glob("*.txt")]
    return samples


def _pages() -> list[bytes]:
    pages = [gzip.decompress(p.read_bytes()) for name in ("html", "metadata", "metadata_postlight")
             for p in sorted((SHARED / "eval" / name / "pages").glob("*.html.gz"))]
    return pages or [p.read_bytes() for p in (ROOT / "samples" / "html").glob("*.htm*")]


def _variant(rng: random.Random, n: int) -> str:
    return f"{rng.choice(PLACES)} {rng.choice(WORDS)} {rng.choice(WORDS)} {n}"


def articles(count: int, seed: int = 11) -> Iterator[dict[str, str]]:
    rng, texts = random.Random(seed), _texts()
    for n in range(count):
        title, body = texts[n % len(texts)]
        variant = _variant(rng, n)
        yield {"id": f"b{n}", "url": f"https://bench.example/{n}", "source": f"Outlet {n % 37}",
               "published": f"2026-11-26T{n % 24:02d}:{n % 60:02d}:00Z", "title": f"{title} ({variant})",
               "text": f"{variant.capitalize()} was reported on day {n}.\n\n{body}"}


_TITLE = re.compile(rb"(<title[^>]*>)(.*?)(</title>)", re.I | re.S)
_H1 = re.compile(rb"(<h1[^>]*>)(.*?)(</h1>)", re.I | re.S)


def varied_pages(count: int, seed: int = 12) -> Iterator[tuple[str, bytes]]:
    rng, pages = random.Random(seed), _pages()
    for n in range(count):
        page = pages[n % len(pages)]
        tag = _variant(rng, n).encode()
        page = _TITLE.sub(lambda m, t=tag: m.group(1) + m.group(2) + b" " + t + m.group(3), page, count=1)
        page = _H1.sub(lambda m, t=tag: m.group(1) + m.group(2) + b" " + t + m.group(3), page, count=1)
        yield f"https://bench.example/page/{n}", page


def write_inputs(fmt: str, count: int, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    if fmt == "jsonl":
        with open(folder / "feed.jsonl", "w", encoding="utf-8") as handle:
            for article in articles(count):
                handle.write(json.dumps(article) + "\n")
    elif fmt == "txt":
        for n, article in enumerate(articles(count)):
            sub = folder / f"batch-{n // 1000:04d}"
            sub.mkdir(exist_ok=True)
            (sub / f"{n:07d}.txt").write_text(f"{article['title']}\n\n{article['text']}\n", encoding="utf-8")
    elif fmt == "warc":
        _write_warcs(folder, varied_pages(count))
    else:
        raise ValueError(fmt)
    return folder


def _write_warcs(folder: Path, pages: Iterator[tuple[str, bytes]], per_file: int = 10_000) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    handle, writer = None, None
    for n, (uri, page) in enumerate(pages):
        if n % per_file == 0:
            if handle:
                handle.close()
            handle = open(folder / f"CC-NEWS-{n // per_file:05d}.warc.gz", "wb")
            writer = WARCWriter(handle, gzip=True)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(page), http_headers=http,
                                                      warc_headers_dict={"WARC-Date": "2026-11-27T01:00:00Z"}))
    if handle:
        handle.close()


def run_newslake(inputs: Path, lake: Path, args: argparse.Namespace) -> dict[str, object]:
    command = [str(ROOT / ".venv" / "bin" / "newslake"), "run", "--input", str(inputs), "--lake", str(lake),
               "--date", RUN_DATE, "--task-runner", args.task_runner]
    if args.workers:
        command += ["--workers", str(args.workers)]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    memory = TreeMemory(process.pid)
    out, err = process.communicate()
    wall = time.perf_counter() - start
    peak_total, peak_single = memory.stop()
    if process.returncode != 0:
        raise RuntimeError(f"newslake run failed:\n{err[-3000:]}")
    from tasks.lake import Lake

    with Lake(lake).connect() as con:
        row = con.execute(
            "select articles, statements, stage_seconds, startup_seconds, epoch(finished_at - started_at) from runs"
        ).fetchone()
    return {"wall": wall, "articles": row[0], "statements": row[1], "stages": row[2], "startup": row[3],
            "run": row[4], "peak_total": peak_total, "peak_single": peak_single}


def trafilatura_seconds(count: int) -> float:
    import trafilatura

    pages = list(varied_pages(count))
    start = time.process_time()
    for _, page in pages:
        trafilatura.extract(page, include_comments=False)
    return time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--format", choices=("jsonl", "txt", "warc"), default="jsonl")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--task-runner", default="auto", choices=("auto", "process", "thread", "dask"))
    parser.add_argument("--workers", type=int)
    parser.add_argument("--compare-trafilatura", action="store_true")
    args = parser.parse_args(argv)
    from flows.prefect_env import configure_local_prefect, free_port
    from flows.serve import local_prefect_server

    configure_local_prefect()
    with tempfile.TemporaryDirectory() as tmp, local_prefect_server(free_port()) as api_url:
        os.environ["PREFECT_API_URL"] = api_url
        for size in args.sizes:
            inputs = write_inputs(args.format, size, Path(tmp) / f"in-{size}")
            result = run_newslake(inputs, Path(tmp) / f"lake-{size}", args)
            stages = ", ".join(f"{k} {v:.1f}" for k, v in result["stages"].items())
            print(f"{args.format} {size:>7} articles: {result['articles']} kept, {result['statements']} statements; "
                  f"run {result['run']:.1f} s = {result['articles'] / result['run']:.0f} articles/s "
                  f"(whole process {result['wall']:.1f} s, Prefect start-up {result['startup']:.1f} s); "
                  f"stages: {stages}; peak RSS {result['peak_total']:.0f} MiB for the process tree, "
                  f"{result['peak_single']:.0f} MiB for its largest process", flush=True)
            if args.compare_trafilatura and args.format == "warc":
                seconds = trafilatura_seconds(size)
                print(f"  trafilatura extract alone, one process: {seconds:.1f} s = {size / seconds:.0f} pages/s; "
                      f"newslake end to end is {seconds / result['wall']:.2f}x that (whole process)", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
