"""Benchmark of tasks/statements: scores against a gold JSONL with the shared scorer, and measures speed.

Usage:
    .venv/bin/python bench/statements.py [GOLD.jsonl ...] [--subset speech] [--pred-out DIR] [--no-speed]

Defaults to ../shared/eval/statements/polnear_dev.jsonl and polnear_train_sample.jsonl, each scored
separately, whole and in two halves (articles split by a hash of doc_id, so the halves never change).
Prints, per set and half, attribution-level scores (PolNeAR: one gold statement, one prediction; a quote
continued in a new paragraph counted as fragments of the statement it continues, as PolNeAR does; and
"unfolded", each such paragraph a statement of its own) and per-fragment scores (--per-fragment: every contiguous quote span on its own, the Gender Gap Tracker's way)
at overlap 0.3 and 0.8, with speaker and cue accuracy; then articles per CPU-second on the gold articles
(all of them, and the median-length ones: within 25% of the set's median length) and on synthetic
median-length (~3,500 chars) text, naming the build measured: "compiled" (mypyc, what `make setup` builds)
or "python" (NEWSLAKE_STATEMENTS_BUILD=python runs the sources). Predictions carry one `quote_spans` entry
per fragment.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

from loading import script_module  # bench/loading.py

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tasks.statements import Statement, extract_statements, native  # noqa: E402

SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval" / "statements"
DEFAULT_GOLD = [EVAL / "polnear_dev.jsonl", EVAL / "polnear_train_sample.jsonl"]
# How far from the median length an article may be to count as median-length in the speed figure.
NEAR_MEDIAN = 0.25

# Synthetic article text written for this benchmark (no evaluation text): reported speech, quotes, filler.
_SYNTH_PARAGRAPHS = [
    (
        "The city council voted on Tuesday to expand the bus network, a decision that officials said would cost "
        "about $40 million over five years."
    ),
    (
        "\u201cWe have waited long enough for this,\u201d said Maria Lopez, a spokeswoman for the transit agency. "
        "\u201cRiders deserve better service.\u201d"
    ),
    (
        "Mayor Tom Becker told reporters that the plan would be reviewed again next spring, according to the "
        "Daily Ledger."
    ),
    (
        "Critics of the plan have argued that the money should go to road repairs instead, and several residents "
        "complained about the noise of the new depots."
    ),
    "The proposal was first drafted in 2019 and has gone through three rounds of public hearings since then.",
    "He added that the agency had not yet chosen a contractor.",
]


def synthetic_article(target_chars: int = 3500) -> str:
    """Build a median-length article body by repeating the synthetic paragraphs."""
    paras: list[str] = []
    i = 0
    while sum(len(p) + 2 for p in paras) < target_chars:
        paras.append(_SYNTH_PARAGRAPHS[i % len(_SYNTH_PARAGRAPHS)])
        i += 1
    return "\n\n".join(paras)


def _load_scorer() -> ModuleType:
    return script_module(EVAL / "score.py")


def half_of(doc_id: str) -> str:
    """"A" or "B": a fixed half of the articles, from a hash of the document id."""
    return "AB"[hashlib.sha256(doc_id.encode("utf-8")).digest()[0] % 2]


def prediction(statement: Statement) -> dict:
    """The scorer's form of one statement: one quote span per fragment."""
    return {
        "quote_spans": [list(fragment) for fragment in statement.fragments],
        "speaker_spans": [[statement.speaker_start, statement.speaker_end]] if statement.speaker_start is not None else [],
        "cue_spans": [[statement.cue_start, statement.cue_end]] if statement.cue_start is not None else [],
        "kind": statement.kind,
        "rule": statement.rule,
    }


def fold_continued(statements: list[dict]) -> list[dict]:
    """PolNeAR's way of counting a quote continued in a new paragraph: as more fragments of the statement it
    continues (the one before it with the same cue), not as a statement of its own."""
    folded: list[dict] = []
    for st in statements:
        if st["rule"] == "continued_paragraph" and folded and folded[-1]["cue_spans"] == st["cue_spans"]:
            folded[-1] = {**folded[-1], "quote_spans": folded[-1]["quote_spans"] + st["quote_spans"]}
        else:
            folded.append(st)
    return folded


def predict(docs: list[dict]) -> dict[str, list[dict]]:
    """Run the extractor over every document: predictions by doc_id."""
    return {d["doc_id"]: [prediction(s) for s in extract_statements(d["text"])] for d in docs}


def near_median(texts: list[str]) -> list[str]:
    """The texts whose length is within NEAR_MEDIAN of the median length: the median-length articles."""
    median = statistics.median(map(len, texts))
    return [t for t in texts if abs(len(t) - median) <= NEAR_MEDIAN * median]


def speed(texts: list[str], repeat: int = 3) -> float:
    """Articles per CPU-second over `texts` (best of `repeat` passes, one core).

    CPU time of this process (time.process_time) rather than wall time, so that other jobs sharing the
    machine do not count against the extractor.
    """
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        for t in texts:
            extract_statements(t)
        best = min(best, time.process_time() - t0)
    return len(texts) / best


def _line(label: str, r: dict) -> str:
    return (f"  {label:<36} P {r['P']:5.1f} R {r['R']:5.1f} F1 {r['F1']:5.1f}  speaker {r['speaker_acc']}  "
            f"cue {r['cue_acc']}  (gold {r['gold']}, pred {r['pred']}, tp {r['tp']})")


def score_set(scorer, docs: list[dict], preds: dict[str, list[dict]], subset: str | None) -> None:
    """Print attribution-level and per-fragment scores for the whole set and each half."""
    parts = {"all": docs, "half A": [d for d in docs if half_of(d["doc_id"]) == "A"],
             "half B": [d for d in docs if half_of(d["doc_id"]) == "B"]}
    folded = {doc_id: fold_continued(sts) for doc_id, sts in preds.items()}
    modes = [("attribution", folded, False), ("attribution unfolded", preds, False), ("per-fragment", preds, True)]
    for mode, predictions, per_fragment in modes:
        for thr in (0.3, 0.8):
            for name, part in parts.items():
                r = scorer.score(part, predictions, thr, subset, per_fragment)
                print(_line(f"{mode} {thr} {name} ({len(part)})", r))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="*", type=Path)
    ap.add_argument("--subset", choices=["all", "speech", "quoted"], default="speech")
    ap.add_argument("--pred-out", type=Path, default=None, help="directory for the prediction JSONL files")
    ap.add_argument("--no-speed", action="store_true", help="skip the speed measurement")
    args = ap.parse_args(argv)
    if not (EVAL / "score.py").exists():
        print(f"bench/statements.py: {EVAL} is absent (the shared evaluation data sits beside the repo, in "
              "../shared); nothing to score.", file=sys.stderr)
        return 2
    scorer = _load_scorer()
    subset = None if args.subset == "all" else args.subset
    out_dir = args.pred_out or Path(tempfile.mkdtemp(prefix="statements_bench_"))
    out_dir.mkdir(parents=True, exist_ok=True)
    for gold in args.gold or DEFAULT_GOLD:
        docs = [json.loads(line) for line in gold.open(encoding="utf-8")]
        preds = predict(docs)
        pred_path = out_dir / f"{gold.stem}.pred.jsonl"
        with pred_path.open("w", encoding="utf-8") as fh:
            for doc_id, sts in preds.items():
                fh.write(json.dumps({"doc_id": doc_id, "statements": sts}) + "\n")
        print(f"== {gold.name} ({len(docs)} articles, subset={args.subset}, predictions in {pred_path})")
        score_set(scorer, docs, preds, subset)
        if not args.no_speed:
            texts = [d["text"] for d in docs]
            median = statistics.median(map(len, texts))
            near = near_median(texts)
            print(f"  speed ({native.build()} build): {speed(texts):.0f} articles per CPU-second over all "
                  f"(median length {median:.0f} chars); {speed(near):.0f} over the {len(near)} articles within "
                  f"{NEAR_MEDIAN:.0%} of the median length")
    if not args.no_speed:
        synth = [synthetic_article()] * 200
        print(f"== synthetic median-length text ({len(synth[0])} chars): {speed(synth):.0f} articles per CPU-second "
              f"({native.build()} build)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
