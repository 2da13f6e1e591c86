"""Discovery: directories walked, hidden entries skipped, missing paths reported."""

from __future__ import annotations

from pathlib import Path

from tasks.ingest import discover


def test_discover_walks_directories_skips_hidden_and_reports_missing(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("B")
    (tmp_path / "a.txt").write_text("A")
    (tmp_path / ".hidden.txt").write_text("H")
    found = discover([tmp_path, tmp_path / "a.txt", tmp_path / "missing.txt"])
    assert [Path(f.path).name for f in found.files] == ["a.txt", "b.txt"]  # sorted, de-duplicated
    assert [(r.error_kind, Path(r.source_uri).name) for r in found.rejected] == [("missing_path", "missing.txt")]
