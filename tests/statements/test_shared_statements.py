"""Scores the statement extractor on the shared PolNeAR evaluation sets against pinned floors.

The floors sit slightly below the measured scores (bench/statements.py prints them), so a change that
lowers quality fails here. Speech subset (gold statements with a speech cue), overlap 0.3, as in issue 5.
"""

from __future__ import annotations

import json

import pytest

from tasks.statements import extract_statements
from tests.paths import SHARED, shared_script

EVAL = SHARED / "eval" / "statements"

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not (EVAL / "score.py").is_file(),
                       reason=f"{EVAL} is absent: the PolNeAR evaluation data lives in ../shared beside the repository"),
]

# (file, F1 floor, speaker-accuracy floor); measured 2026-12-01 (attribution level): dev F1 88.8 / speaker 97.6,
# train F1 87.2 / 96.6.
FLOORS = [
    ("polnear_dev.jsonl", 85.0, 96.0),
    ("polnear_train_sample.jsonl", 84.0, 95.0),
]


def _scorer():
    return shared_script(EVAL / "score.py")


@pytest.mark.parametrize(("name", "f1_floor", "speaker_floor"), FLOORS)
def test_speech_subset_floor(name: str, f1_floor: float, speaker_floor: float) -> None:
    scorer = _scorer()
    docs = [json.loads(line) for line in (EVAL / name).open(encoding="utf-8")]
    preds = {}
    for d in docs:
        preds[d["doc_id"]] = [
            {
                "quote_spans": [[s.content_start, s.content_end]],
                "speaker_spans": [[s.speaker_start, s.speaker_end]] if s.speaker_start is not None else [],
                "cue_spans": [[s.cue_start, s.cue_end]] if s.cue_start is not None else [],
            }
            for s in extract_statements(d["text"])
        ]
    result = scorer.score(docs, preds, 0.3, "speech")
    assert result["F1"] >= f1_floor, result
    assert result["speaker_acc"] >= speaker_floor, result
