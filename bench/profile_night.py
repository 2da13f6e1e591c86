"""Where a night's time goes: one night of N generated articles, run in this process (plain steps, shards one
after another) under pyinstrument, its call tree saved as text under bench/profiles/.

    .venv/bin/python bench/profile_night.py --format jsonl --size 2000
    .venv/bin/python bench/profile_night.py --format warc --size 1000

The inputs are bench/pipeline.py's (real-length bodies, varied copies). The profile is a statistical sampler's
(1 ms interval), so the shares are stable to a few percent from run to run; the seconds depend on the machine.
bench/profiles/README.md reads the saved profiles.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from pyinstrument import Profiler

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.pipeline import RUN_DATE, write_inputs  # noqa: E402
from tasks.lake import Lake  # noqa: E402
from tasks.run import new_run, run_night  # noqa: E402

PROFILES = ROOT / "bench" / "profiles"
FLAT_LINES = 30


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--format", choices=("jsonl", "txt", "warc"), default="jsonl")
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--out", type=Path, help=f"default: {PROFILES.relative_to(ROOT)}/night-FORMAT-SIZE.txt")
    args = parser.parse_args(argv)
    out = args.out or PROFILES / f"night-{args.format}-{args.size}.txt"

    with tempfile.TemporaryDirectory(prefix="newslake-profile-") as tmp:
        inputs = write_inputs(args.format, args.size, Path(tmp) / "inputs")
        lake = Lake(Path(tmp) / "lake")
        profiler = Profiler(interval=0.001)
        started = time.perf_counter()
        with profiler:
            night = run_night([str(inputs)], lake, new_run(date.fromisoformat(RUN_DATE)), batch_files=200)
        seconds = time.perf_counter() - started
    summary = night.summary
    stages = ", ".join(f"{k} {v:.1f} s" for k, v in dict(summary["stage_seconds"]).items())
    header = (f"# newslake night, {args.format}, {args.size} articles, one process: {seconds:.1f} s "
              f"({summary['articles'] / seconds:.0f} articles/s); {stages}\n"
              f"# python bench/profile_night.py --format {args.format} --size {args.size}\n\n")
    out.parent.mkdir(parents=True, exist_ok=True)
    tree = profiler.output_text(unicode=True, time="percent_of_total")
    flat = profiler.output_text(unicode=True, flat=True, flat_time="self").strip().splitlines()
    flat = [line for line in flat[next(i for i, line in enumerate(flat) if line.startswith("Profile at")) + 1:] if line]
    # The tree says which stage a cost belongs to; the flat list, by self time, says which function to make
    # faster (a recursive walk spreads its time over many levels of the tree).
    out.write_text(header + tree + f"\n\n# Top {FLAT_LINES} functions by self time\n" + "\n".join(flat[:FLAT_LINES]) + "\n")
    print(header.splitlines()[0])
    print(f"profile written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
