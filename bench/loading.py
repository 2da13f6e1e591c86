"""Python files that are scripts, not packages, as modules: the shared sets' score.py and benches other benches reuse."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType


def script_module(path: Path, name: str | None = None) -> ModuleType:
    """Execute the file at `path` as a fresh module named `name` (default: its parent folder and stem, so two
    sets' score.py do not share a name) and return it."""
    spec = importlib.util.spec_from_file_location(name or f"{path.parent.name}_{path.stem}", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path} as a module")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
