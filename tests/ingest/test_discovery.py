"""Discovery: directories walked, hidden entries skipped, missing paths reported."""

from __future__ import annotations

import os
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


def _rejections(found) -> list[tuple[str, str]]:  # noqa: ANN001 - a Discovery
    return sorted((Path(r.source_uri).name, r.error_kind) for r in found.rejected)


def test_every_path_the_walk_meets_is_a_file_or_a_rejection(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A")
    (tmp_path / "empty.txt").write_bytes(b"")
    os.symlink(".", tmp_path / "loop")
    os.symlink(tmp_path / "gone.txt", tmp_path / "dangling.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "sub").mkdir()
    os.symlink(tmp_path / "a.txt", tmp_path / "sub" / "link-to-a.txt")  # a symlink to a file is read as that file
    found = discover([tmp_path])
    assert sorted(Path(f.path).name for f in found.files) == ["a.txt", "link-to-a.txt"]
    assert _rejections(found) == [("dangling.txt", "broken_symlink"), ("empty.txt", "empty_file"),
                                  ("loop", "symlink_loop"), ("pipe.txt", "special_file")]
    assert all(r.stage == "discover" and r.error for r in found.rejected)


def test_a_symlinked_directory_is_walked_once(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text("A")
    os.symlink(tmp_path / "real", tmp_path / "alias")
    found = discover([tmp_path])
    assert sorted(str(Path(f.path).relative_to(tmp_path)) for f in found.files) == ["alias/a.txt", "real/a.txt"]
    assert found.rejected == []


def test_names_that_are_not_utf8_are_recorded_with_escapes(tmp_path: Path) -> None:
    name = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(name, "wb") as handle:
        handle.write(b"Caf\xc3\xa9 reopens")
    [file] = discover([tmp_path]).files
    assert file.uri.endswith("caf\\xe9.txt") and file.uri.encode("utf-8")  # storable in Parquet
    assert open(file.path, "rb").read() == b"Caf\xc3\xa9 reopens"  # and the real path still opens
