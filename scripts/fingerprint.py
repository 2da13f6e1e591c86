#!/usr/bin/env python3
"""Behaviour fingerprint: what every stage produces on the bundled samples and the shared evaluation data.

A refactor must not change behaviour. This script runs each stage over fixed inputs and records one hash per
item (a page, an article, a headline night, a lake table), so two trees can be compared item by item:

    .venv/bin/python scripts/fingerprint.py save bench/out/fingerprint-before.json
    ... refactor ...
    .venv/bin/python scripts/fingerprint.py compare bench/out/fingerprint-before.json

What is covered (the figures the README quotes are functions of exactly these outputs):
- extraction: body and metadata of every page of ../shared/eval/{html,metadata,metadata_postlight};
- statements: every statement of every PolNeAR dev and train-sample text and of the seed article;
- headlines: dup groups and stories of UCI dev and of each stories set, whole and per half, dated and not\n  (the nights bench/headlines.py scores);
- lake: every table of `newslake run` over samples/ (run ids, wall-clock times and file paths masked).
Only hashes are stored: no evaluation text leaves ../shared.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
csv.field_size_limit(1 << 30)

RUN_DATE = "2026-11-27"
# Columns that differ between two runs of the same inputs by design.
VOLATILE = {"run_id", "flow_run_id", "started_at", "finished_at", "quarantined_at", "stage_seconds", "startup_seconds"}


def _digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str, ensure_ascii=False).encode()).hexdigest()[:16]


def _pages(folder: Path) -> Iterator[tuple[str, bytes]]:
    for path in sorted(folder.glob("*.html.gz")):
        yield path.name, gzip.decompress(path.read_bytes())


def extraction() -> dict[str, str]:
    from tasks.html import ExtractionError, extract_page

    out = {}
    for eval_set in ("html", "metadata", "metadata_postlight"):
        for name, raw in _pages(SHARED / "eval" / eval_set / "pages"):
            try:
                page = extract_page(raw)
                value: Any = [page.body, {k: v for k, v in vars(page.meta).items()}]
            except ExtractionError as error:
                value = ["error", error.kind, str(error)]
            except Exception as error:  # noqa: BLE001 - a crash is behaviour too, and must stay the same
                value = ["crash", type(error).__name__]
            out[f"{eval_set}/{name}"] = _digest(value)
    return out


def statements() -> dict[str, str]:
    from tasks.statements import extract_statements

    texts: dict[str, str] = {}
    for name in ("polnear_dev.jsonl", "polnear_train_sample.jsonl"):
        for line in (SHARED / "eval" / "statements" / name).read_text().splitlines():
            record = json.loads(line)
            texts[record["doc_id"]] = record["text"]
    for seed in sorted((SHARED / "seeds").glob("*.txt")):
        texts[f"seed/{seed.name}"] = seed.read_text()
    return {doc: _digest([vars(s) for s in extract_statements(text)]) for doc, text in texts.items()}


def headlines() -> dict[str, str]:
    """The nights bench/headlines.py scores (its loaders: opaque ids, leads, publication dates), whole and per
    half, with their dates and without."""
    sys.path.insert(0, str(ROOT / "bench"))
    from headlines import labelled_sets  # bench/headlines.py

    from tasks.headlines import cluster_headlines

    out = {}
    for dates in (True, False):
        for name, table, _ in labelled_sets(dates):
            clustered = cluster_headlines(table.drop_columns(["story"]), None)
            cols = {c: clustered.column(c).to_pylist() for c in ("headline_id", "dup_group_id", "story_id", "text_norm")}
            out[f"{name}{'' if dates else '/undated'}"] = _digest(cols)
    return out


def lake() -> dict[str, str]:
    import duckdb

    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "lake"
        subprocess.run(
            [str(ROOT / ".venv" / "bin" / "newslake"), "run", "--input", str(ROOT / "samples"), "--lake", str(target),
             "--date", RUN_DATE],
            check=True, cwd=ROOT, stdout=subprocess.DEVNULL,
        )
        out = {}
        con = duckdb.connect()
        for table_dir in sorted((target / "tables").iterdir()):
            files = sorted(str(p) for p in table_dir.rglob("*.parquet"))
            rel = con.sql(f"select * from read_parquet({files!r}, union_by_name = true)")
            columns = [c for c in rel.columns if c not in VOLATILE]
            rows = sorted(
                json.dumps(dict(zip(columns, row)), default=str, sort_keys=True, ensure_ascii=False)
                for row in rel.select(*[f'"{c}"' for c in columns]).fetchall()
            )
            # Paths of the bundled samples are absolute: make them relative to the repository.
            rows = [r.replace(str(ROOT) + "/", "") for r in rows]
            out[table_dir.name] = _digest(rows)
        return out


SECTIONS: dict[str, Callable[[], dict[str, str]]] = {
    "extraction": extraction, "statements": statements, "headlines": headlines, "lake": lake,
}


def fingerprint(sections: list[str]) -> dict[str, dict[str, str]]:
    return {name: SECTIONS[name]() for name in sections}


def compare(before: dict[str, dict[str, str]], after: dict[str, dict[str, str]]) -> list[str]:
    """Items whose hash differs, or that one side lacks, in every section fingerprinted now (`after`; a section
    the baseline lacks is one change): empty when behaviour is unchanged."""
    changed = []
    for section in after:
        if section not in before:
            changed.append(f"{section}/(absent from the baseline)")
            continue
        for item in sorted(before[section].keys() | after[section].keys()):
            if before[section].get(item) != after[section].get(item):
                changed.append(f"{section}/{item}")
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mode", choices=("save", "compare"))
    parser.add_argument("path", type=Path)
    parser.add_argument("--only", nargs="+", choices=list(SECTIONS), default=list(SECTIONS))
    args = parser.parse_args(argv)
    if not SHARED.is_dir():
        print(f"fingerprint: {SHARED} is absent; the evaluation data is needed", file=sys.stderr)
        return 2
    now = fingerprint(args.only)
    if args.mode == "save":
        args.path.parent.mkdir(parents=True, exist_ok=True)
        args.path.write_text(json.dumps(now, indent=1, sort_keys=True))
        print(f"saved {sum(map(len, now.values()))} item hashes to {args.path}")
        return 0
    before = json.loads(args.path.read_text())
    changed = compare(before, now)
    for section in now:
        n_changed = sum(c.startswith(section + "/") for c in changed)
        print(f"{section}: {len(now[section])} items, {n_changed} changed")
    for item in changed[:50]:
        print("  changed:", item)
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
