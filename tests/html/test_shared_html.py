"""Body extraction scored on the shared real pages against pinned floors (a little below the measured scores).

Measured with extract_page (see bench/extraction.py for the side-by-side with trafilatura):
html set (91 pages): F1 0.981, P 0.979, R 0.984; metadata set bodies (129 pages, 41 countries): F1 0.942,
P 0.935, R 0.951.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from types import ModuleType

import pytest

from tasks.html.page import ExtractionError, extract_page
from tests.paths import SHARED, shared_script

EVAL = SHARED / "eval"

FLOORS = [
    # (set, truth file, body field, floor F1, floor precision)
    ("html", "ground-truth.json", "articleBody", 0.97, 0.965),
    ("metadata", "truth.json", "body", 0.93, 0.92),
]


def scorer() -> ModuleType:
    return shared_script(EVAL / "html" / "score.py")


def body_of(path: Path) -> str:
    try:
        return extract_page(gzip.decompress(path.read_bytes())).body
    except ExtractionError:
        return ""


@pytest.mark.shared
@pytest.mark.parametrize(("name", "truth_file", "field", "floor_f1", "floor_p"), FLOORS, ids=[f[0] for f in FLOORS])
def test_body_scores_stay_above_floor(name: str, truth_file: str, field: str, floor_f1: float, floor_p: float) -> None:
    base = EVAL / name
    if not (base / truth_file).exists() or not (EVAL / "html" / "score.py").exists():
        pytest.skip(f"{base} is absent: the evaluation pages live in ../shared, outside the repository")
    truth = json.loads((base / truth_file).read_text(encoding="utf-8"))
    predictions = {key: body_of(base / "pages" / f"{key}.html.gz") for key in truth}
    result = scorer().score({k: {"articleBody": v[field] or ""} for k, v in truth.items()}, predictions)
    assert result["f1"] >= floor_f1, result
    assert result["precision"] >= floor_p, result
