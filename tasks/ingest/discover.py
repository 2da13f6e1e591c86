"""Discovery: walk the input paths and hash every file, so later stages key on content, not on names."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tasks.ids import file_sha256
from tasks.records import InputFile, Rejected


@dataclass
class Discovery:
    """Result of walking the input paths: readable files, plus paths that could not even be hashed."""

    files: list[InputFile] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


def discover(inputs: Iterable[str | os.PathLike[str]]) -> Discovery:
    """Walk input files and directories (recursively, hidden entries skipped) and hash every file.

    Args:
        inputs: files or directories.

    Returns:
        Files in a stable (sorted, de-duplicated) order, and a rejection for each path that does
        not exist or cannot be read.
    """
    found = Discovery()
    paths: set[Path] = set()
    for entry in map(Path, inputs):
        if entry.is_dir():
            paths.update(
                p for p in entry.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.relative_to(entry).parts)
            )
        elif entry.is_file():
            paths.add(entry)
        else:
            found.rejected.append(Rejected(str(entry), None, "discover", "missing_path", f"{entry} does not exist"))
    for path in sorted(paths):
        try:
            found.files.append(InputFile(str(path), file_sha256(str(path)), path.stat().st_size))
        except OSError as error:
            found.rejected.append(Rejected(str(path), None, "discover", "unreadable_file", f"cannot read file: {error}"))
    return found
