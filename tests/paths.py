"""Where the suite finds the repository, its samples, and ../shared (seeds and evaluation data, absent in a user's clone)."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLES = REPO / "samples"
