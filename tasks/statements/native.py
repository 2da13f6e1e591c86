"""Which build of the statement extractor this process runs: compiled with mypyc, or the Python sources.

`scripts/compile_statements.py` compiles the extractor's modules into C extensions beside their sources
(`make setup` runs it) and records a hash of each source, and the interpreter it built for, in `native.json`.
Python imports an extension before a source of the same name, so an extension left from older sources would
run code that no longer exists in the tree, and one built for another interpreter of the same ABI tag (a
virtualenv remade on another python3.11) would run against headers it was not compiled with; `use_sources_if_stale` (run by the package's `__init__` before any other module loads) then routes
the package's imports to the sources and says so. This module and `__init__` are never compiled.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
import warnings
from pathlib import Path
from types import ModuleType

PACKAGE = "tasks.statements"
PACKAGE_DIR = Path(__file__).resolve().parent
MANIFEST = PACKAGE_DIR / "native.json"
# The modules that stay Python: the two that decide which build the others come from, and the record
# callers hold (a compiled dataclass has no `__dict__` and does not unpickle).
NEVER_COMPILED = frozenset({"__init__", "native", "statement"})
# Set to "python" to run the sources even when a fresh compiled build is there.
BUILD_VARIABLE = "NEWSLAKE_STATEMENTS_BUILD"


def compiled_sources() -> list[Path]:
    """The package's sources that the build compiles."""
    return sorted(p for p in PACKAGE_DIR.glob("*.py") if p.stem not in NEVER_COMPILED)


def source_hashes() -> dict[str, str]:
    """sha256 of each compiled module's source, by module name."""
    return {p.stem: hashlib.sha256(p.read_bytes()).hexdigest() for p in compiled_sources()}


def extensions() -> dict[str, Path]:
    """The compiled extension of each module that has one, by module name."""
    found: dict[str, Path] = {}
    for path in PACKAGE_DIR.iterdir():
        # The suffixes run from the most specific (".cpython-311-x86_64-linux-gnu.so") to the plainest (".so").
        suffix = next((s for s in importlib.machinery.EXTENSION_SUFFIXES if path.name.endswith(s)), None)
        if suffix is not None:
            found[path.name[: -len(suffix)]] = path
    return found


def interpreter() -> str:
    """The interpreter an extension is built for: its version and build (Debian's 3.11.2 and a pyenv 3.11.7
    share the ABI tag cpython-311)."""
    return f"{sys.implementation.cache_tag} {sys.version}"


def manifest(sources: dict[str, str]) -> str:
    """native.json for a build of `sources` (module -> sha256) by this interpreter."""
    return json.dumps({"interpreter": interpreter(), "sources": sources}, indent=1, sort_keys=True) + "\n"


def stale_modules() -> list[str]:
    """Modules whose extension was not built from the source now beside it, by this interpreter."""
    built = extensions()
    if not built:
        return []
    try:
        record = json.loads(MANIFEST.read_text(encoding="utf-8"))
        recorded = record["sources"] if record["interpreter"] == interpreter() else {}
    except (OSError, ValueError, KeyError, TypeError):
        recorded = {}
    if not isinstance(recorded, dict):
        recorded = {}
    current = source_hashes()
    return sorted(name for name in built if name in current and recorded.get(name) != current[name])


def build() -> str:
    """"compiled" when the extractor runs as C extensions, "python" when it runs from its sources."""
    module = sys.modules.get(f"{PACKAGE}.extract")
    if module is None:
        return "compiled" if extensions() and not stale_modules() else "python"
    return "python" if (module.__file__ or "").endswith(".py") else "compiled"


class _SourceFinder(importlib.abc.MetaPathFinder):
    """Finds the package's modules as their `.py` sources, ahead of the extensions built from older ones."""

    def find_spec(self, fullname: str, path: object = None, target: ModuleType | None = None
                  ) -> importlib.machinery.ModuleSpec | None:
        package, _, name = fullname.rpartition(".")
        source = PACKAGE_DIR / f"{name}.py"
        if package != PACKAGE or name in NEVER_COMPILED or not source.exists():
            return None
        return importlib.util.spec_from_file_location(fullname, source)


def use_sources_if_stale() -> None:
    """Import the Python sources instead of extensions compiled from other sources (with a warning), or
    whenever NEWSLAKE_STATEMENTS_BUILD=python asks for them (to compare the builds, or to debug)."""
    if any(isinstance(f, _SourceFinder) for f in sys.meta_path):
        return
    if os.environ.get(BUILD_VARIABLE) != "python":
        stale = stale_modules()
        if not stale:
            return
        warnings.warn(
            f"the compiled statement extractor was not built from these sources by this interpreter "
            f"({', '.join(stale)}); running the Python sources, slower: `make setup` recompiles", RuntimeWarning,
            stacklevel=2)
    sys.meta_path.insert(0, _SourceFinder())
