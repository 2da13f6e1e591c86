"""Per-run overhead of Prefect: the nightly flow against the same stage functions called directly, on the same inputs.

Writes N synthetic .txt articles per size (a headline, paragraphs, a direct quote and reported speech; no
evaluation text), then for each size runs, in this one process and each into a fresh lake:

- "plain": the night without Prefect (tasks/run/night.py:run_night with the plain step functions, which the
  flow runs with each step as a Prefect task), shards one after another;
- "prefect": `flows.nightly.nightly(...)` against a `prefect server start` on 127.0.0.1 (started once
  here with `flows.serve.local_prefect_server`, SQLite in a temporary PREFECT_HOME; its start-up is not
  counted, as a nightly deployment talks to a long-running server).

"in stages" is measured inside the Prefect run itself: the function of every task is wrapped with a clock,
and the time in which at least one stage function ran (shards overlap on the thread runner) is summed.
"outside" = prefect wall - in stages: flow and task run bookkeeping, state API calls, the shard subflow,
logging to the API, the run artifact (and the flow body's own few milliseconds: lock, orphan sweep,
manifest lookup). It misses one cost: Prefect's background threads (logs, events) take the GIL from the
shard threads, which stretches the stages themselves. "plain" is a separate run of the same inputs without
Prefect, and "prefect-plain" includes that cost, but it is the noisier figure on a shared machine.
Medians are taken per column, and of the per-run differences. A warm-up pair of runs over one file goes first, so imports and lexicon loading are
paid before anything is timed.

    .venv/bin/python bench/overhead.py                    # 10 and 10,000 files, 3 runs each (about 5 minutes)
    .venv/bin/python bench/overhead.py --sizes 10 1000 --repeat 1
"""

from __future__ import annotations

import argparse
import functools
import os
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

RUN_DATE = date(2026, 11, 27)
PLACES = ["Kessel", "Sorno", "Port Alder", "Valdera", "Brenna", "Talmund", "Ravelin", "Ulmark"]
SUBJECTS = ["the ferry timetable", "a new school roof", "the tram extension", "winter road salt", "the harbour fees",
            "library opening hours", "a flood barrier", "the night bus"]
PEOPLE = ["Mara Voss", "Teodor Lind", "Ayla Brenner", "Jonas Pike", "Selin Aras", "Otto Faber", "Nina Kral"]
ROLES = ["the mayor", "a council spokeswoman", "the transport director", "a residents' group leader"]


def article_text(rng: random.Random, index: int) -> str:
    """One synthetic plain-text article: headline line, blank line, paragraphs; unique per index."""
    place, subject = rng.choice(PLACES), rng.choice(SUBJECTS)
    speaker, other, role = rng.choice(PEOPLE), rng.choice(PEOPLE), rng.choice(ROLES)
    amount = rng.randint(2, 90)
    paragraphs = [
        f"{place} council backs plan {index} for {subject}",
        (f"The council of {place} voted on Tuesday to spend {amount} million on {subject}, item {index} on a long "
         "agenda that also covered parking and park maintenance."),
        (f"\u201cWe have listened to residents for two years, and this is what they asked for,\u201d {speaker}, "
         f"{role}, said after the vote."),
        f"{other} told reporters the cost had risen by a third since the first estimate in the spring.",
        "Work is expected to start next year and take about eighteen months, according to the city's planning office.",
        f"Opponents said the money for plan {index} would be better spent on repairing existing streets.",
    ]
    return "\n\n".join(paragraphs) + "\n"


def write_inputs(folder: Path, count: int, seed: int) -> Path:
    """Write `count` distinct article files under folder (100 per subdirectory, like a landing zone)."""
    rng = random.Random(seed)
    for index in range(count):
        path = folder / f"batch-{index // 100:04d}" / f"article-{seed}-{index:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article_text(rng, seed * 1_000_000 + index), encoding="utf-8")
    return folder


def plain_nightly(inputs: list[str], lake_path: str, batch_files: int) -> dict[str, int]:
    """The night without Prefect: tasks/run/night.py:run_night with the plain step functions (the flow runs the
    same function with each step as a Prefect task); returns the run's counts."""
    from tasks.lake import Lake
    from tasks.run import new_run, run_night

    night = run_night(inputs, Lake(lake_path), new_run(RUN_DATE), batch_files=batch_files)
    return {**{k: night.summary[k] for k in ("articles", "headlines", "statements", "quarantined")},
            "shards": -(-night.summary["files_new"] // batch_files)}


@dataclass
class Measured:
    """One size's result (medians over its repeats); prefect_s is None when the Prefect run failed."""

    files: int
    shards: int
    articles: int
    plain_s: float
    prefect_s: float | None = None
    in_stages_s: float | None = None
    outside_s: float | None = None  # prefect_s - in_stages_s of the same run (median of those differences)
    over_plain_s: float | None = None  # prefect_s - plain_s of the same inputs (median of those differences)
    error: str | None = None


class StageClock:
    """Records the wall-clock intervals in which stage functions run, from any thread."""

    def __init__(self) -> None:
        self.intervals: list[tuple[float, float]] = []
        self._lock = threading.Lock()

    def wrap(self, fn: Callable[..., object]) -> Callable[..., object]:
        @functools.wraps(fn)  # keeps the signature Prefect binds parameters against
        def timed_stage(*args: object, **kwargs: object) -> object:
            started = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                with self._lock:
                    self.intervals.append((started, time.perf_counter()))

        return timed_stage

    def covered_s(self) -> float:
        """Seconds in which at least one stage function ran (shards overlap on the thread runner)."""
        total, reach = 0.0, float("-inf")
        for start, end in sorted(self.intervals):
            if end > reach:
                total += end - max(start, reach)
                reach = end
        return total


def clock_stage_tasks() -> StageClock:
    """Time the function inside every Prefect task of the flow, so a run reports its own stage time."""
    from flows import steps

    clock = StageClock()
    for name in ("discover_task", "plan_shards_task", "process_shard_task", "merge_task", "place_task", "commit_task",
                 "run_report_task"):
        task = getattr(steps, name)
        task.fn = clock.wrap(task.fn)
    return clock


def timed(call: Callable[..., object], *args: object, **kwargs: object) -> tuple[float, object]:
    started = time.perf_counter()
    result = call(*args, **kwargs)
    return time.perf_counter() - started, result


def measure(work: Path, sizes: list[int], batch_files: int, repeat: int) -> list[Measured]:
    """Warm up, then time the plain and the Prefect run for every size, repeat times (new inputs each time).

    The Prefect API must already be set. Returns one row per size with the median times.
    """
    clock = clock_stage_tasks()
    from flows.nightly import nightly

    def both(files: int, seed: int) -> Measured:
        inputs = [str(write_inputs(work / f"in-{files}-{seed}", files, seed))]
        plain_s, counts = timed(plain_nightly, inputs, str(work / f"lake-plain-{files}-{seed}"), batch_files)
        row = Measured(files, counts["shards"], counts["articles"], plain_s)
        clock.intervals.clear()
        try:
            # Threads: the wrapped task functions must run in this process for their clock to see them.
            row.prefect_s, summary = timed(nightly, inputs=inputs, lake=str(work / f"lake-prefect-{files}-{seed}"),
                                           run_date=RUN_DATE, batch_files=batch_files, task_runner="thread")
        except Exception as error:  # noqa: BLE001 - a failed run is a result to report, not a reason to stop
            row.prefect_s, row.error = None, f"{type(error).__name__}: {error}"
            return row
        row.in_stages_s = clock.covered_s()
        row.outside_s = row.prefect_s - row.in_stages_s
        row.over_plain_s = row.prefect_s - row.plain_s
        assert summary["articles"] == counts["articles"], (summary, counts)
        return row

    warm = both(1, seed=1)
    print(f"warm-up over 1 file: {warm} (first flow run in the process)", file=sys.stderr)
    rows = []
    for index, files in enumerate(sizes):
        runs: list[Measured] = []
        for attempt in range(repeat):
            runs.append(both(files, seed=100 * (index + 1) + attempt))
            print(f"{files} files, run {attempt + 1}: {runs[-1]}", file=sys.stderr)
            if runs[-1].error:  # a deterministic failure (e.g. a size limit): repeating it only costs time
                break
        row = Measured(files, runs[0].shards, runs[0].articles, statistics.median(r.plain_s for r in runs),
                       error=runs[-1].error)
        if not row.error:
            row.prefect_s = statistics.median(r.prefect_s for r in runs)
            row.in_stages_s = statistics.median(r.in_stages_s for r in runs)
            row.outside_s = statistics.median(r.outside_s for r in runs)
            row.over_plain_s = statistics.median(r.over_plain_s for r in runs)
        rows.append(row)
    return rows


def table(rows: list[Measured]) -> str:
    header = ("files", "shards", "articles", "prefect s", "in stages s", "outside s", "outside %", "plain s",
              "prefect-plain s")
    lines, failures = [header], []
    for r in rows:
        if r.prefect_s is None or r.in_stages_s is None or r.outside_s is None or r.over_plain_s is None:
            lines.append((f"{r.files:,}", str(r.shards), f"{r.articles:,}", "failed", "-", "-", "-", f"{r.plain_s:.2f}", "-"))
            failures.append(f"{r.files:,} files: the Prefect run failed: {(r.error or '')[:400]}")
            continue
        lines.append((f"{r.files:,}", str(r.shards), f"{r.articles:,}", f"{r.prefect_s:.2f}", f"{r.in_stages_s:.2f}",
                      f"{r.outside_s:.2f}", f"{100 * r.outside_s / r.prefect_s:.0f}%", f"{r.plain_s:.2f}",
                      f"{r.over_plain_s:.2f}"))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = [" | ".join(v.rjust(w) for v, w in zip(line, widths)) for line in lines]
    out.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(out + failures)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 10_000], help="files per run (default: 10 10000)")
    parser.add_argument("--batch-files", type=int, default=200, help="files per shard, as in prefect.yaml (default: 200)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size, medians reported (default: 3)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (inputs, lakes, server log)")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="newslake-overhead-"))
    # Prefect reads its settings when first imported: configure it before anything imports it.
    for key in [k for k in os.environ if k.startswith("PREFECT_")]:
        del os.environ[key]
    os.environ["PREFECT_HOME"] = str(work / "prefect-home")
    from flows.prefect_env import configure_local_prefect, free_port
    from flows.serve import local_prefect_server

    configure_local_prefect()

    try:
        started = time.perf_counter()
        with local_prefect_server(free_port(), log_path=work / "server.log") as api_url:
            os.environ["PREFECT_API_URL"] = api_url
            print(f"prefect server at {api_url} up in {time.perf_counter() - started:.1f}s (not counted)", file=sys.stderr)
            rows = measure(work, args.sizes, args.batch_files, args.repeat)
            # Send the last queued run logs while the server still listens (else they retry against a closed port).
            from prefect.logging.handlers import APILogWorker

            APILogWorker.drain_all(timeout=10)
            stopping = time.perf_counter()
        print(f"prefect server stopped in {time.perf_counter() - stopping:.1f}s", file=sys.stderr)
    finally:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f"nightly flow, {os.cpu_count()} cores, batch_files={args.batch_files}, thread task runner, median of "
          f"{args.repeat}; plain = the same stage functions without Prefect")
    print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
