"""Snapshots (the files of every table at one committed version) and commits (what one run changes)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Snapshot:
    """The set of files that make up every table at one committed version."""

    version: int
    tables: Mapping[str, tuple[str, ...]]
    run_id: str | None = None
    committed_at: str | None = None

    def to_json(self) -> str:
        return json.dumps(
            {"version": self.version, "run_id": self.run_id, "committed_at": self.committed_at,
             "tables": {name: list(files) for name, files in self.tables.items()}},
            indent=1,
        )

    @classmethod
    def from_json(cls, text: str, table_names: list[str]) -> Snapshot:
        data = json.loads(text)
        tables = {name: tuple(data["tables"].get(name, ())) for name in table_names}
        return cls(data["version"], tables, data.get("run_id"), data.get("committed_at"))


@dataclass
class Commit:
    """What a run changes: new files per table, and committed files it supersedes (copy-on-write)."""

    added: dict[str, list[Path]] = field(default_factory=dict)
    removed: dict[str, list[str]] = field(default_factory=dict)
