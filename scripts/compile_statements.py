"""Compile the statement extractor (tasks/statements) with mypyc, in place; `make setup` runs this.

The extractor is pure, typed Python that walks every sentence of every article, the pipeline's most
CPU-bound stage; compiled, the same code runs about 1.5x faster (bench/statements.py prints which build it
measured). The extensions land beside their sources and `tasks/statements/native.json` records the source
hashes they were built from and the interpreter they were built for, so that a later edit, or a virtualenv
remade on another interpreter, makes the package import its sources again (tasks/statements/native.py)
instead of stale code. Without a C compiler or Python's headers the build
fails, this script says why, and the extractor runs as Python: slower, the same results.

    .venv/bin/python scripts/compile_statements.py          # build (or rebuild)
    .venv/bin/python scripts/compile_statements.py --clean  # remove the extensions: run the sources
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# This script replaces the build, so it reads the sources (and says nothing of a stale build it replaces).
os.environ["NEWSLAKE_STATEMENTS_BUILD"] = "python"

from tasks.statements import native  # noqa: E402

GROUP = "tasks.statements.compiled"


def clean() -> None:
    """Remove every extension and the manifest: the package runs from its sources. Unlinked, not overwritten: a
    process that has an extension loaded keeps its copy."""
    for path in native.extensions().values():
        path.unlink()
    native.MANIFEST.unlink(missing_ok=True)


def compile_in_place() -> None:
    """Build the extensions with mypyc and setuptools into the package directory, then record the hashes."""
    from mypyc.build import mypycify
    from setuptools import setup

    sources = [str(p.relative_to(ROOT)) for p in native.compiled_sources()]
    built_from = native.source_hashes()  # before the build: a source edited meanwhile must read as stale
    build_dir = Path(tempfile.mkdtemp(prefix="newslake_mypyc_"))
    try:
        ext_modules = mypycify(sources, opt_level="3", group_name=GROUP, target_dir=str(build_dir / "c"))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # setuptools' notes on reading pyproject.toml, not about this build
            setup(name="newslake-statements", ext_modules=ext_modules, script_name="compile_statements.py",
                  script_args=["-q", "build_ext", "--inplace", "--build-temp", str(build_dir / "temp")])
    finally:
        shutil.rmtree(build_dir, ignore_errors=True)
    native.MANIFEST.write_text(native.manifest(built_from), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clean", action="store_true", help="remove the extensions and run the Python sources")
    args = ap.parse_args(argv)
    os.chdir(ROOT)  # mypycify takes paths relative to the working directory
    clean()
    if args.clean:
        print("compile_statements: removed the compiled extractor; it runs from its Python sources")
        return 0
    try:
        compile_in_place()
    except (SystemExit, Exception) as exc:  # noqa: BLE001 (any build failure, setuptools' exits too, leaves Python)
        clean()
        print(f"compile_statements: not compiled ({type(exc).__name__}: {exc}); the statement extractor runs "
              "from its Python sources, slower, with the same results", file=sys.stderr)
        return 0
    print(f"compile_statements: compiled {len(native.compiled_sources())} modules of tasks/statements with mypyc")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
