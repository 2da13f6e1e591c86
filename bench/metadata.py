"""Score newslake's page metadata against trafilatura's on the shared real-page set, side by side.

    .venv/bin/python bench/metadata.py [--split all|dev|holdout] [--only newslake|trafilatura] [--misses FIELD]

Reads ../shared/eval/metadata (pages/*.html.gz, truth.json) and reuses its score.py, so both tools are
judged by the same rules. Prints one row per field (title, date, authors P/R/F1, body F1) and pages/s.
"""

from __future__ import annotations

import argparse
import codecs
import gzip
import importlib.util
import json
import re
import sys
import time
import zlib
from collections.abc import Callable
from datetime import timedelta, timezone
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "eval" / "metadata"
sys.path.insert(0, str(REPO))

Prediction = dict[str, Any]


def load_scorer(shared: Path = SHARED) -> ModuleType:
    """Import the shared score.py as a module (it is not a package)."""
    spec = importlib.util.spec_from_file_location("metadata_score", shared / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def in_holdout(key: str) -> bool:
    """A fixed quarter of the pages, chosen by a hash of the key, kept out of development."""
    return zlib.crc32(key.encode()) % 4 == 0


def load_pages(shared: Path = SHARED, split: str = "all") -> tuple[dict[str, bytes], dict[str, Any]]:
    """Raw page bytes and truth for the pages of a split ("all", "dev" or "holdout")."""
    truth = json.loads((shared / "truth.json").read_text(encoding="utf-8"))
    keep = {k for k in truth if split == "all" or in_holdout(k) == (split == "holdout")}
    pages = {k: gzip.decompress((shared / "pages" / f"{k}.html.gz").read_bytes()) for k in sorted(keep)}
    return pages, {k: truth[k] for k in pages}


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)


def _parse(raw: bytes) -> Any:
    """Parse a page as the pipeline does, or the simple way when tasks.html.page is not there."""
    from lxml import html as lxml_html

    try:
        from tasks.ingest.decode import decode_html
        from tasks.html.page import parse_html

        return parse_html(decode_html(raw, None))
    except ImportError:
        pass

    declared = _META_CHARSET.search(raw[:4096])
    text = None
    if declared:
        try:
            text = raw.decode(codecs.lookup(declared.group(1).decode("ascii")).name, "replace")
        except LookupError:
            pass
    if text is None:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            from charset_normalizer import from_bytes

            text = str(from_bytes(raw).best())
    return lxml_html.document_fromstring(text)


def predict_newslake(raw: bytes) -> Prediction:
    """newslake's prediction: extract_page when the body extractor exists, else metadata alone."""
    try:
        from tasks.html.page import extract_page  # owned by another helper; may not exist yet
    except ImportError:
        extract_page = None
    from tasks.html.meta import extract_metadata

    if extract_page is not None:
        try:
            page = extract_page(raw, None)
        except ValueError:  # ExtractionError: no body and no title; score the page as empty
            return {"title": None, "published": None, "authors": [], "body": ""}
        meta, body = page.meta, page.body or ""
    else:
        meta, body = extract_metadata(_parse(raw), None), ""
    published = None
    if meta.published_at is not None:
        offset = timezone(timedelta(minutes=meta.published_utc_offset_minutes or 0))
        published = meta.published_at.astimezone(offset).isoformat()
    return {"title": meta.title, "published": published, "authors": meta.authors, "body": body}


def predict_trafilatura(raw: bytes) -> Prediction:
    """trafilatura's prediction with metadata, its authors split on its "; " separator."""
    import trafilatura

    result = trafilatura.bare_extraction(raw, with_metadata=True)
    doc = result.as_dict() if result is not None else {}
    authors = [a.strip() for a in (doc.get("author") or "").split(";") if a.strip()]
    return {"title": doc.get("title"), "published": doc.get("date"), "authors": authors, "body": doc.get("text") or ""}


def run(predict: Callable[[bytes], Prediction], pages: dict[str, bytes]) -> tuple[dict[str, Prediction], float]:
    """Predictions for every page and the pages/s rate."""
    start = time.perf_counter()
    preds = {key: predict(raw) for key, raw in pages.items()}
    return preds, len(pages) / (time.perf_counter() - start)


def score_all(scorer: ModuleType, truth: dict[str, Any], preds: dict[str, Prediction]) -> dict[str, float]:
    """score.py's figures; body F1 is NaN when no page has a body (the body extractor is not there yet)."""
    if any(p.get("body") for p in preds.values()):
        return scorer.score(truth, preds)
    # score.py averages body F1 over pages and fails when there is none: give both sides a one-word body.
    figures = scorer.score(
        {k: {**v, "body": "x"} for k, v in truth.items()}, {k: {**p, "body": "x"} for k, p in preds.items()}
    )
    return {**figures, "body_f1": float("nan")}


def metadata_rate(pages: dict[str, bytes]) -> float:
    """Pages/s of extract_metadata alone, on pages parsed beforehand (decoding and parsing not counted)."""
    from tasks.html.meta import extract_metadata

    docs = [_parse(raw) for raw in pages.values()]
    start = time.perf_counter()
    for doc in docs:
        extract_metadata(doc, None)
    return len(docs) / (time.perf_counter() - start)


def print_misses(field: str, truth: dict[str, Any], preds: dict[str, Prediction], scorer: ModuleType) -> None:
    """One line per page whose field is wrong (for development; prints evaluation text to the terminal only)."""
    for key, gold in truth.items():
        pred = preds.get(key, {})
        if field == "title" and not scorer.title_right(pred.get("title"), gold["title"]):
            print(f"{key}\n  pred: {pred.get('title')!r}\n  gold: {gold['title']!r}")
        elif (
            field == "date"
            and gold.get("published")
            and not scorer.date_right(pred.get("published"), gold["published"])
        ):
            print(f"{key}\n  pred: {pred.get('published')!r}\n  gold: {gold['published']!r}")
        elif field == "authors":
            p = {scorer.norm(a) for a in pred.get("authors") or []}
            g = {scorer.norm(a) for a in gold.get("authors") or []}
            if p != g:
                print(f"{key}\n  pred: {sorted(p)}\n  gold: {sorted(g)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("all", "dev", "holdout"), default="all")
    parser.add_argument("--only", choices=("newslake", "trafilatura"))
    parser.add_argument("--misses", choices=("title", "date", "authors"), help="list newslake's wrong pages")
    args = parser.parse_args(argv)
    if not (SHARED / "truth.json").exists():
        print(
            f"bench/metadata.py: evaluation data not found at {SHARED} (the ../shared checkout is absent)",
            file=sys.stderr,
        )
        return 2
    scorer = load_scorer()
    pages, truth = load_pages(split=args.split)
    tools = {"newslake": predict_newslake, "trafilatura": predict_trafilatura}
    if args.only:
        tools = {args.only: tools[args.only]}
    results = {}
    for name, predict in tools.items():
        preds, rate = run(predict, pages)
        results[name] = (score_all(scorer, truth, preds), rate)
        if args.misses and name == "newslake":
            print_misses(args.misses, truth, preds, scorer)
    print(f"split={args.split} pages={len(pages)}")
    print(f"{'field':<12}" + "".join(f"{name:>14}" for name in results))
    for field in ("title", "date", "authors_p", "authors_r", "authors_f1", "body_f1"):
        print(f"{field:<12}" + "".join(f"{res[field]:>14.3f}" for res, _ in results.values()))
    print(f"{'pages/s':<12}" + "".join(f"{rate:>14.1f}" for _, rate in results.values()))
    if "newslake" in results:
        print(f"newslake extract_metadata alone: {metadata_rate(pages):.0f} pages/s (parsing excluded)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
