"""The statement record (tasks/statements/statement.py): a plain frozen dataclass in either build of the extractor,
read with `vars`, pickled and compared like any record; its fields are staged columns, its spans offsets into the body."""

from __future__ import annotations

import dataclasses
import pickle

import pyarrow as pa
import pytest

import tasks.statements.statement as statement_module
from tasks.lake.schemas import STAGED_STATEMENTS
from tasks.statements import extract_statements
from tasks.statements.statement import Statement
from tests.paths import SAMPLES

BODY = (SAMPLES / "txt" / "harbor_bridge.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def found() -> list[Statement]:
    statements = extract_statements(BODY)
    assert len(statements) >= 3
    return statements


def test_the_extractor_returns_plain_records_that_pickle_compare_and_stay_frozen(found: list[Statement]) -> None:
    # Compiled with mypyc, a dataclass would lose its __dict__ and stop unpickling: this module is never compiled.
    assert statement_module.__file__.endswith("statement.py")
    first = found[0]
    assert type(first) is Statement
    assert list(vars(first)) == [f.name for f in dataclasses.fields(Statement)]
    assert pickle.loads(pickle.dumps(found)) == found
    assert dataclasses.replace(first) == first and hash(dataclasses.replace(first)) == hash(first)
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.kind = "direct"  # type: ignore[misc]


def test_every_field_fills_the_staged_column_of_its_name(found: list[Statement]) -> None:
    # tasks/run/rows.py spreads vars(statement) into a STAGED_STATEMENTS row.
    names = [f.name for f in dataclasses.fields(Statement)]
    assert set(names) <= set(STAGED_STATEMENTS.names)
    schema = pa.schema([STAGED_STATEMENTS.field(name) for name in names])
    rows = [{**vars(s), "fragments": [{"start": a, "end": b} for a, b in s.fragments]} for s in found]
    assert pa.Table.from_pylist(rows, schema=schema).num_rows == len(found)


def test_every_span_is_a_start_end_offset_into_the_body(found: list[Statement]) -> None:
    for s in found:
        assert (s.content_start, s.content_end) == (s.fragments[0][0], s.fragments[-1][1])
        assert all(0 <= a < b <= len(BODY) for a, b in s.fragments)
        assert s.content == " … ".join(BODY[a:b] for a, b in s.fragments)
        assert s.cue_start is None or BODY[s.cue_start : s.cue_end] == s.cue
        assert s.speaker_start is None or BODY[s.speaker_start : s.speaker_end] == s.speaker
