"""Score newslake's page metadata against trafilatura's on the shared metadata sets, per set and per half.

    .venv/bin/python bench/metadata.py [--set metadata|metadata_postlight] [--only newslake|trafilatura]
                                       [--misses FIELD --half a|b]

Sets (../shared/eval): `metadata` (pages with full truth: title, date, authors, body) and `metadata_postlight`
(title, date, authors and the first words of the body, `body_prefix`; read its README).  Both tools get the same
raw bytes and, where the truth records one, the page's URL.  Title, date and authors are judged by
../shared/eval/metadata/score.py's rules; body F1 by ../shared/eval/html/score.py where the truth has a body.
"first words" is the share of pages whose true opening words (the set's `body_prefix`, else the first
FIRST_WORDS words of the true body) occur in the extracted body, compared on word characters only; a last
line says how the two tools' hits overlap (which of one tool's misses the other finds).

Every figure is printed for the whole set and for each half (a page's half is fixed by a hash of its key),
so a rule that helps one half and hurts the other shows.
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import re
import sys
import time
import unicodedata
import zlib
from collections.abc import Callable
from datetime import timedelta, timezone
from pathlib import Path
from types import ModuleType
from typing import Any

from loading import script_module  # bench/loading.py

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval"
SETS = ("metadata", "metadata_postlight")
sys.path.insert(0, str(REPO))

Prediction = dict[str, Any]
FIELDS = ("title", "date", "authors_p", "authors_r", "authors_f1", "body_f1", "first_words")
# Opening words compared when the truth has a full body (the postlight set gives 13).
FIRST_WORDS = 13
_NON_WORD = re.compile(r"\W+")


def load_scorer() -> ModuleType:
    """The shared metadata score.py as a module (it is a script, not a package)."""
    return script_module(EVAL / "metadata" / "score.py")


def half_of(key: str) -> str:
    """The fixed half ("a" or "b") a page belongs to, by a hash of its key."""
    return "ab"[zlib.crc32(key.encode()) % 2]


def load_set(name: str) -> tuple[dict[str, bytes], dict[str, Any]]:
    """Raw page bytes and truth of one set, keyed alike."""
    base = EVAL / name
    truth = json.loads((base / "truth.json").read_text(encoding="utf-8"))
    pages = {k: gzip.decompress((base / "pages" / f"{k}.html.gz").read_bytes()) for k in sorted(truth)}
    return pages, truth


def predict_newslake(raw: bytes, url: str | None) -> Prediction:
    """newslake's prediction through extract_page, as the pipeline calls it."""
    from tasks.html import ExtractionError, extract_page

    try:
        page = extract_page(raw, url)
    except ExtractionError:  # no body and no title: scored as an empty page
        return {"title": None, "published": None, "authors": [], "body": ""}
    meta = page.meta
    published = None
    if meta.published_at is not None:
        offset = timezone(timedelta(minutes=meta.published_utc_offset_minutes or 0))
        published = meta.published_at.astimezone(offset).isoformat()
    return {"title": meta.title, "published": published, "authors": meta.authors, "body": page.body}


def predict_trafilatura(raw: bytes, url: str | None) -> Prediction:
    """trafilatura's prediction with metadata, its authors split on its "; " separator."""
    import trafilatura

    result = trafilatura.bare_extraction(raw, url=url, with_metadata=True)
    doc = result.as_dict() if result is not None else {}
    authors = [a.strip() for a in (doc.get("author") or "").split(";") if a.strip()]
    return {"title": doc.get("title"), "published": doc.get("date"), "authors": authors, "body": doc.get("text") or ""}


def run(
    predict: Callable[[bytes, str | None], Prediction], pages: dict[str, bytes], truth: dict[str, Any]
) -> tuple[dict[str, Prediction], float]:
    """Predictions for every page and the pages/s rate (CPU time)."""
    start = time.process_time()
    preds = {key: predict(raw, truth[key].get("url")) for key, raw in pages.items()}
    return preds, len(pages) / max(time.process_time() - start, 1e-9)


def _word_chars(text: str) -> str:
    return _NON_WORD.sub("", unicodedata.normalize("NFKC", html.unescape(text or "")).casefold())


def opening_words(gold: dict[str, Any]) -> str | None:
    """The true opening words of a page's body (word characters only), or None when the truth has none."""
    prefix = gold.get("body_prefix") or " ".join((gold.get("body") or "").split()[:FIRST_WORDS])
    return _word_chars(prefix) or None


def first_words_found(gold: dict[str, Any], body: str) -> bool:
    """Whether the page's true opening words occur in an extracted body."""
    prefix = opening_words(gold)
    return prefix is not None and prefix in _word_chars(body)


def score_pages(scorer: ModuleType, truth: dict[str, Any], preds: dict[str, Prediction]) -> dict[str, float]:
    """Every field's figure over the given pages; NaN for a field the truth does not have."""
    n = len(truth)
    titles = sum(scorer.title_right(preds[k].get("title"), v["title"]) for k, v in truth.items())
    dated = [k for k, v in truth.items() if v.get("published")]
    dates = sum(scorer.date_right(preds[k].get("published"), truth[k]["published"]) for k in dated)
    tp = n_pred = n_gold = 0
    for k, v in truth.items():
        p = {scorer.norm(a) for a in preds[k].get("authors") or [] if a}
        g = {scorer.norm(a) for a in v.get("authors") or [] if a}
        tp, n_pred, n_gold = tp + len(p & g), n_pred + len(p), n_gold + len(g)
    ap, ar = tp / max(n_pred, 1), tp / max(n_gold, 1)
    bodied = {k: {"articleBody": v["body"]} for k, v in truth.items() if v.get("body")}
    body_f1 = scorer.body_score(bodied, {k: preds[k].get("body") or "" for k in bodied})["f1"] if bodied else None
    opened = [k for k, v in truth.items() if opening_words(v)]
    found = sum(first_words_found(truth[k], preds[k].get("body") or "") for k in opened)
    nan = float("nan")
    return {
        "title": titles / n,
        "date": dates / len(dated) if dated else nan,
        "authors_p": ap,
        "authors_r": ar,
        "authors_f1": 2 * ap * ar / (ap + ar) if ap + ar else 0.0,
        "body_f1": body_f1 if body_f1 is not None else nan,
        "first_words": found / len(opened) if opened else nan,
    }


def print_misses(field: str, truth: dict[str, Any], preds: dict[str, Prediction], scorer: ModuleType) -> None:
    """One line per page whose field is wrong (for development; prints evaluation text to the terminal only)."""
    for key, gold in truth.items():
        pred = preds[key]
        if field == "title" and not scorer.title_right(pred.get("title"), gold["title"]):
            print(f"{key}\n  pred: {pred.get('title')!r}\n  gold: {gold['title']!r}")
        elif field == "date" and gold.get("published") and not scorer.date_right(pred.get("published"),
                                                                                 gold["published"]):
            print(f"{key}\n  pred: {pred.get('published')!r}\n  gold: {gold['published']!r}")
        elif field == "authors":
            p = {scorer.norm(a) for a in pred.get("authors") or []}
            g = {scorer.norm(a) for a in gold.get("authors") or []}
            if p != g:
                print(f"{key}\n  pred: {sorted(p)}\n  gold: {sorted(g)}")
        elif field == "first_words" and opening_words(gold) and not first_words_found(gold, pred.get("body") or ""):
            print(f"{key}\n  gold: {opening_words(gold)[:80]!r}\n  pred: {_word_chars(pred.get('body'))[:160]!r}")


def report(name: str, truth: dict[str, Any], results: dict[str, tuple[dict[str, Prediction], float]],
           scorer: ModuleType) -> None:
    """The table of one set: each field for the whole set and each half, one column per tool."""
    halves = {"all": list(truth), **{h: [k for k in truth if half_of(k) == h] for h in "ab"}}
    print(f"set {name}: {len(truth)} pages (half a {len(halves['a'])}, half b {len(halves['b'])})")
    columns = [(part, tool) for part in halves for tool in results]
    print(f"{'field':<12}" + "".join(f"{part + ' ' + tool[:10]:>16}" for part, tool in columns))
    figures = {
        (part, tool): score_pages(scorer, {k: truth[k] for k in keys}, {k: results[tool][0][k] for k in keys})
        for part, keys in halves.items()
        for tool in results
    }
    for field in FIELDS:
        print(f"{field:<12}" + "".join(f"{figures[col][field]:>16.3f}" for col in columns))
    print(f"{'pages/s CPU':<12}" + "".join(f"{results[tool][1]:>16.1f}" for part, tool in columns if part == "all"))
    if len(results) == 2:
        print(first_words_overlap(truth, results["newslake"][0], results["trafilatura"][0]))


def first_words_overlap(truth: dict[str, Any], ours: dict[str, Prediction], theirs: dict[str, Prediction]) -> str:
    """How the two tools' first-words hits overlap: which misses of one the other finds."""
    counts = {"both": 0, "newslake only": 0, "trafilatura only": 0, "neither": 0}
    for key, gold in truth.items():
        if not opening_words(gold):
            continue
        a = first_words_found(gold, ours[key].get("body") or "")
        b = first_words_found(gold, theirs[key].get("body") or "")
        counts["both" if a and b else "newslake only" if a else "trafilatura only" if b else "neither"] += 1
    return "first words found by " + ", ".join(f"{name} {n}" for name, n in counts.items())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=SETS, action="append", help="a set to score (default: both)")
    parser.add_argument("--only", choices=("newslake", "trafilatura"))
    parser.add_argument("--misses", choices=("title", "date", "authors", "first_words"),
                        help="list newslake's wrong pages of --half")
    parser.add_argument("--half", choices=("a", "b"), default="a")
    args = parser.parse_args(argv)
    if not (EVAL / "metadata" / "score.py").exists():
        print(f"bench/metadata.py: evaluation data not found at {EVAL} (the ../shared checkout is absent)",
              file=sys.stderr)
        return 2
    scorer = load_scorer()
    tools = {"newslake": predict_newslake, "trafilatura": predict_trafilatura}
    if args.only:
        tools = {args.only: tools[args.only]}
    for name in args.set or SETS:
        pages, truth = load_set(name)
        results = {tool: run(predict, pages, truth) for tool, predict in tools.items()}
        if args.misses and "newslake" in results:
            chosen = {k: v for k, v in truth.items() if half_of(k) == args.half}
            print_misses(args.misses, chosen, results["newslake"][0], scorer)
        report(name, truth, results, scorer)
    return 0


if __name__ == "__main__":
    sys.exit(main())
