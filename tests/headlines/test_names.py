"""Names of the night (tasks/headlines/names.py)."""

from __future__ import annotations

from tasks.headlines.names import name_tokens


def test_name_tokens_are_never_written_in_lowercase() -> None:
    texts = [
        "Ferry strike in Lowmoor enters third day",
        "Talks in Lowmoor stall as ferry strike goes on",
        "New ferry for the Strait route",  # "strait" capitalized once, never lowercase
        "Ferries return to the strait",  # ...and here lowercase: not a name
        "Gulls Return To The Harbour",  # Title Case: no evidence either way
    ]
    assert name_tokens(texts, 4.0) == {"lowmoor"}


def test_case_ratio_tolerates_a_rare_lowercase_use() -> None:
    texts = [f"Storm {i} hits Lowmoor coast" for i in range(4)] + ["Talk of lowmoor cheese"]
    assert "lowmoor" in name_tokens(texts, 4.0)
    assert "lowmoor" not in name_tokens(texts, 5.0)
