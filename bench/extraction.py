"""Article-body extraction, newslake against trafilatura, on the shared real pages in one process.

    .venv/bin/python bench/extraction.py [--eval html|metadata] [--split all|dev|holdout] [--repeat N]
                                         [--only newslake|trafilatura] [--misses K]

Both tools get the same raw bytes, one page at a time, read and gunzipped as the run goes (no page is held
after it is extracted), single core, interleaved page by page so that other load on the machine slows both
alike.  Scores reuse the shared score.py (word 4-gram shingles, P and R averaged
over pages).  Prints F1, P, R, the first-words rate (bench/metadata.py: the true body's opening words occur
in the extracted body) and pages/s per tool, the speed ratio, newslake's milliseconds per page in
each stage (decode, parse, metadata, body), and its memory: the process's
peak RSS after the scored pass and after --repeat more, plus the traced Python heap peak of one pass and of
--repeat passes, so a leak shows as growth with the page count.

--eval html is the acceptance set (../shared/eval/html); --eval metadata scores the "body" field of the
multilingual metadata set (../shared/eval/metadata), which no rule here was tuned on.  --split holdout is the
third of the html pages (first hex digit of the page id divisible by 3) kept out of development.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

from loading import script_module  # bench/loading.py

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "eval"
sys.path.insert(0, str(REPO))


def first_words_rule() -> Callable[[dict, str], bool]:
    """bench/metadata.py's first-words test (the true opening words occur in the extracted body)."""
    return script_module(Path(__file__).with_name("metadata.py")).first_words_found


def load_scorer() -> ModuleType:
    """The shared html/score.py as a module (it is a script, not a package)."""
    return script_module(SHARED / "html" / "score.py")


def in_holdout(page_id: str) -> bool:
    """The third of the html pages kept out of development (page ids are hex digests)."""
    return page_id[0] in "0369cf"


def load_truth(eval_set: str, split: str) -> tuple[Path, dict[str, str]]:
    """Page directory and {page id: true body} for the chosen set and split."""
    if eval_set == "html":
        base = SHARED / "html"
        raw = json.loads((base / "ground-truth.json").read_text(encoding="utf-8"))
        truth = {k: v["articleBody"] for k, v in raw.items()}
    else:
        base = SHARED / "metadata"
        raw = json.loads((base / "truth.json").read_text(encoding="utf-8"))
        truth = {k: v.get("body") or "" for k, v in raw.items()}
    if split != "all":
        truth = {k: v for k, v in truth.items() if in_holdout(k) == (split == "holdout")}
    return base / "pages", truth


def stream_pages(pages_dir: Path, ids: list[str]) -> Iterator[tuple[str, bytes]]:
    """(page id, raw bytes), one page in memory at a time."""
    for page_id in ids:
        yield page_id, gzip.decompress((pages_dir / f"{page_id}.html.gz").read_bytes())


def newslake_extractor() -> Callable[[bytes], str]:
    from tasks.html import ExtractionError, extract_page

    def run(raw: bytes) -> str:
        try:
            return extract_page(raw).body
        except ExtractionError:
            return ""

    return run


def trafilatura_extractor() -> Callable[[bytes], str]:
    import trafilatura

    return lambda raw: trafilatura.extract(raw) or ""


def run_pass(extract: Callable[[bytes], str], pages_dir: Path, ids: list[str]) -> tuple[dict[str, str], float]:
    """Predictions of one pass over the pages, and the seconds spent inside the extractor."""
    predictions: dict[str, str] = {}
    spent = 0.0
    for page_id, raw in stream_pages(pages_dir, ids):
        start = time.perf_counter()
        predictions[page_id] = extract(raw)
        spent += time.perf_counter() - start
    return predictions, spent


def stage_times(pages_dir: Path, ids: list[str]) -> dict[str, float]:
    """CPU milliseconds per page spent in each stage of extract_page (decode, parse, metadata, body)."""
    from tasks.html.body import extract_body
    from tasks.html.meta import extract_metadata
    from tasks.html.page import parse_html
    from tasks.ingest.decode import decode_html

    spent = {"decode": 0.0, "parse": 0.0, "metadata": 0.0, "body": 0.0}
    for _, raw in stream_pages(pages_dir, ids):
        t0 = time.process_time()
        text = decode_html(raw)
        t1 = time.process_time()
        doc = parse_html(text)
        t2 = time.process_time()
        extract_metadata(doc, None)
        t3 = time.process_time()
        extract_body(doc)
        t4 = time.process_time()
        for stage, seconds in zip(spent, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
            spent[stage] += seconds
    return {stage: 1000 * seconds / len(ids) for stage, seconds in spent.items()}


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def traced_peak_mib(extract: Callable[[bytes], str], pages_dir: Path, ids: list[str], passes: int) -> float:
    """Peak traced Python heap over `passes` passes (predictions of earlier passes are dropped, as a stream would)."""
    gc.collect()
    tracemalloc.start()
    try:
        for _ in range(passes):
            run_pass(extract, pages_dir, ids)
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def misses(scorer: ModuleType, truth: dict[str, str], predictions: dict[str, str], count: int) -> None:
    rows = []
    for page_id, body in truth.items():
        scores = scorer.page_scores(body, predictions.get(page_id, ""))
        if scores is not None:
            rows.append((min(scores[0], scores[1]), scores[0], scores[1], page_id))
    for _, p, r, page_id in sorted(rows)[:count]:
        print(f"    P {p:.3f} R {r:.3f}  {page_id}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval", choices=("html", "metadata"), default="html")
    parser.add_argument("--split", choices=("all", "dev", "holdout"), default="all")
    parser.add_argument("--repeat", type=int, default=5, help="passes for the memory check (default 5)")
    parser.add_argument("--only", choices=("newslake", "trafilatura"))
    parser.add_argument("--misses", type=int, default=0, help="list the K worst pages per tool")
    args = parser.parse_args(argv)

    if not (SHARED / "html" / "score.py").exists():
        print(f"bench/extraction.py: shared evaluation data not found at {SHARED} (expected ../shared beside the "
              "repository); nothing to measure.", file=sys.stderr)
        return 2
    scorer = load_scorer()
    pages_dir, truth = load_truth(args.eval, args.split)
    ids = sorted(truth)
    scoring_truth = {k: {"articleBody": v} for k, v in truth.items()}
    print(f"{args.eval} set, split {args.split}: {len(ids)} pages")

    tools = {"newslake": newslake_extractor, "trafilatura": trafilatura_extractor}
    chosen = {name: make() for name, make in tools.items() if not args.only or args.only == name}
    # Warm-up pass, untimed: one-time costs (imports, lexicons, compiled patterns, the language-identification
    # model tasks/html/meta/language.py loads on the first page that declares no language: about 1 s) are amortised over a
    # nightly batch and would otherwise land on whichever page triggers them.
    for extract in chosen.values():
        run_pass(extract, pages_dir, ids)
    # Interleaved: each page goes through every tool in turn, so load from other processes on this shared
    # machine slows both alike and the ratio stays meaningful.
    # CPU time is reported beside wall time: on a shared machine it is the steadier of the two.
    predictions: dict[str, dict[str, str]] = {name: {} for name in chosen}
    wall = dict.fromkeys(chosen, 0.0)
    cpu = dict.fromkeys(chosen, 0.0)
    for page_id, raw in stream_pages(pages_dir, ids):
        for name, extract in chosen.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            predictions[name][page_id] = extract(raw)
            wall[name] += time.perf_counter() - start
            cpu[name] += time.process_time() - start_cpu
    speeds = {name: len(ids) / wall[name] for name in chosen}
    cpu_speeds = {name: len(ids) / cpu[name] for name in chosen}
    found = first_words_rule()
    for name in chosen:
        result = scorer.score(scoring_truth, predictions[name])
        opened = sum(found({"body": truth[k]}, predictions[name][k]) for k in ids) / len(ids)
        print(f"{name:12s} F1 {result['f1']:.3f}  P {result['precision']:.3f}  R {result['recall']:.3f}  "
              f"first words {opened:.3f}  {speeds[name]:6.1f} pages/s wall, {cpu_speeds[name]:6.1f} pages/s CPU")
        if args.misses:
            misses(scorer, truth, predictions[name], args.misses)
    if len(speeds) == 2:
        print(f"speed ratio newslake/trafilatura: {speeds['newslake'] / speeds['trafilatura']:.2f}x wall, "
              f"{cpu_speeds['newslake'] / cpu_speeds['trafilatura']:.2f}x CPU")
    del predictions
    if "newslake" in chosen:
        stages = stage_times(pages_dir, ids)
        print("newslake CPU ms/page by stage: " + ", ".join(f"{k} {v:.1f}" for k, v in stages.items()))
        extract = chosen["newslake"]
        rss_one = peak_rss_mib()
        for _ in range(args.repeat):
            run_pass(extract, pages_dir, ids)
        rss_many = peak_rss_mib()
        heap_one = traced_peak_mib(extract, pages_dir, ids, 1)
        heap_many = traced_peak_mib(extract, pages_dir, ids, args.repeat)
        print(f"newslake memory: peak RSS {rss_one:.0f} MiB after the scored pass, {rss_many:.0f} MiB after "
              f"{args.repeat} more; traced Python heap peak {heap_one:.1f} MiB for 1 pass, {heap_many:.1f} MiB "
              f"for {args.repeat} passes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
