"""The compiled statement extractor: the same statements as its Python sources, and never stale code."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tasks.statements import native
from tests.statements.test_canonical_speakers import PASSAGES

ROOT = Path(__file__).resolve().parents[2]
POLNEAR_DEV = ROOT.parent / "shared" / "eval" / "statements" / "polnear_dev.jsonl"
EXTENSION = ".cpython-311-x86_64-linux-gnu.so"

# Prints, for the texts given on stdin (one JSON string a line), the build that ran and every statement.
_EXTRACT = """
import json, sys
from tasks.statements import extract_statements, native
texts = [json.loads(line) for line in sys.stdin]
rows = [[vars(s) for s in extract_statements(t)] for t in texts]
print(json.dumps({"build": native.build(), "rows": rows}))
"""


def _texts() -> list[str]:
    """The bundled samples' bodies, the canonical-speaker passages and, when present, PolNeAR's dev texts."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples" / "txt").glob("*.txt"))]
    for feed in sorted((ROOT / "samples" / "jsonl").glob("*.jsonl")):
        for line in feed.read_text(encoding="utf-8").splitlines():
            try:
                record = json.loads(line)
            except ValueError:
                continue  # the samples hold a broken line on purpose (the quarantine shows it)
            texts.append(record.get("text") or record.get("body") or "")
    texts += [passage for passage, *_ in PASSAGES]
    if POLNEAR_DEV.exists():
        texts += [json.loads(line)["text"] for line in POLNEAR_DEV.read_text(encoding="utf-8").splitlines()]
    return texts


def _extract(build: str | None, texts: list[str]) -> dict:
    env = {k: v for k, v in os.environ.items() if k != native.BUILD_VARIABLE}
    if build:
        env[native.BUILD_VARIABLE] = build
    done = subprocess.run([sys.executable, "-W", "error::RuntimeWarning", "-c", _EXTRACT], cwd=ROOT, env=env,
                          input="\n".join(json.dumps(t) for t in texts), capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_compiled_and_python_builds_give_the_same_statements() -> None:
    if native.build() != "compiled":
        pytest.skip("the statement extractor is not compiled here (`make setup` compiles it; it needs a C compiler)")
    texts = _texts()
    compiled, python = _extract(None, texts), _extract("python", texts)
    assert (compiled["build"], python["build"]) == ("compiled", "python")
    assert sum(map(len, compiled["rows"])) > 100
    assert compiled["rows"] == python["rows"]


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in package directory with one compiled module, `cues`, built from its source."""
    (tmp_path / "cues.py").write_text("FORMS = ['said']\n", encoding="utf-8")
    (tmp_path / "native.py").write_text("# never compiled\n", encoding="utf-8")
    (tmp_path / f"cues{EXTENSION}").write_bytes(b"")
    (tmp_path / f"compiled__mypyc{EXTENSION}").write_bytes(b"")
    monkeypatch.setattr(native, "PACKAGE_DIR", tmp_path)
    monkeypatch.setattr(native, "MANIFEST", tmp_path / "native.json")
    digest = hashlib.sha256((tmp_path / "cues.py").read_bytes()).hexdigest()
    (tmp_path / "native.json").write_text(native.manifest({"cues": digest}), encoding="utf-8")
    return tmp_path


def test_an_extension_built_from_its_source_is_fresh(package: Path) -> None:
    assert set(native.extensions()) == {"cues", "compiled__mypyc"}
    assert native.stale_modules() == []


def test_an_edited_source_makes_its_extension_stale(package: Path) -> None:
    (package / "cues.py").write_text("FORMS = ['said', 'quipped']\n", encoding="utf-8")
    assert native.stale_modules() == ["cues"]


def test_an_extension_built_by_another_interpreter_is_stale(package: Path) -> None:
    record = json.loads((package / "native.json").read_text(encoding="utf-8"))
    record["interpreter"] = "cpython-311 3.11.7 (main, May  9 2026, 07:34:55) [GCC 12.2.0]"
    (package / "native.json").write_text(json.dumps(record), encoding="utf-8")
    assert native.stale_modules() == ["cues"]


@pytest.mark.parametrize("manifest", [None, "not json", '{"sources": []}', '{"sources": {"cues": ""}}'])
def test_an_extension_with_no_readable_record_is_stale(package: Path, manifest: str | None) -> None:
    if manifest is None:
        (package / "native.json").unlink()
    else:
        (package / "native.json").write_text(manifest, encoding="utf-8")
    assert native.stale_modules() == ["cues"]


def test_no_extensions_is_the_python_build(package: Path) -> None:
    for path in package.glob(f"*{EXTENSION}"):
        path.unlink()
    assert native.extensions() == {} and native.stale_modules() == []


def test_a_stale_build_runs_the_sources_with_a_warning(tmp_path: Path) -> None:
    """In a copy of the package whose extension no longer matches an edited source, the package warns and
    imports the sources (the edit takes effect) instead of the old extension."""
    if native.build() != "compiled":
        pytest.skip("the statement extractor is not compiled here (`make setup` compiles it; it needs a C compiler)")
    copy = tmp_path / "tasks"
    copy.mkdir()
    (copy / "__init__.py").write_text("", encoding="utf-8")
    subprocess.run(["cp", "-r", str(native.PACKAGE_DIR), str(copy / "statements")], check=True)
    (copy / "lexicon.py").write_bytes((ROOT / "tasks" / "lexicon.py").read_bytes())
    with (copy / "statements" / "structure.py").open("a", encoding="utf-8") as fh:
        fh.write("\nEDITED_AFTER_THE_BUILD = True\n")
    probe = ("import warnings; warnings.simplefilter('always')\n"
             "from tasks.statements import native, structure\n"
             "print(native.build(), getattr(structure, 'EDITED_AFTER_THE_BUILD', False))")
    done = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONPATH": str(tmp_path)})
    assert done.stdout.split() == ["python", "True"]
    assert "by this interpreter (structure)" in done.stderr
