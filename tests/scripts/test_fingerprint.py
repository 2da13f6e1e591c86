"""scripts/fingerprint.py's comparison: a refactor passes only when every item of every section fingerprinted now
has the baseline's hash."""

from __future__ import annotations

from tests.paths import REPO, script_module

fingerprint = script_module(REPO / "scripts" / "fingerprint.py")

BASELINE = {"lake": {"articles": "a1", "runs": "r1"}, "headlines": {"uci_dev": "u1"}}


def test_the_same_hashes_are_no_change_and_a_section_left_out_now_is_not_compared() -> None:
    assert fingerprint.compare(BASELINE, {"lake": {"articles": "a1", "runs": "r1"}}) == []


def test_a_changed_a_new_and_a_lost_item_are_each_a_change() -> None:
    now = {"lake": {"articles": "a2", "inputs": "i1"}}
    assert fingerprint.compare(BASELINE, now) == ["lake/articles", "lake/inputs", "lake/runs"]


def test_a_section_the_baseline_lacks_is_a_change() -> None:
    assert fingerprint.compare(BASELINE, {"statements": {"doc": "s1"}}) == ["statements/(absent from the baseline)"]
