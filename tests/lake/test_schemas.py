"""Lake schemas (tasks/lake/schemas.py): every table and column declared once with its grain and description, every
table partitioned by ingest_date, and the staged tables exactly their tables' columns less what the merge assigns."""

from __future__ import annotations

import pyarrow as pa
import pytest

from tasks.lake.schemas import STAGED, TABLES, describe

# Columns of a table the merge computes, so a shard cannot stage them (tasks/run/merge.py).
MERGE_ASSIGNS = {"headlines": {"text_norm", "dup_group_id", "story_id", "is_canonical"}, "statements": {"quote_id"}}
EVERY_SCHEMA = [*((f"table {n}", s) for n, s in TABLES.items()), *((f"staged {n}", s) for n, s in STAGED.items())]


@pytest.mark.parametrize(("name", "schema"), EVERY_SCHEMA, ids=[n for n, _ in EVERY_SCHEMA])
def test_every_schema_has_a_grain_and_every_column_a_description(name: str, schema: pa.Schema) -> None:
    assert schema.metadata[b"grain"].decode().startswith("one row per")
    described = describe(schema)
    assert [column for column, _, _ in described] == schema.names
    assert len(set(schema.names)) == len(schema.names)
    assert all(doc.strip() for _, _, doc in described), [column for column, _, doc in described if not doc.strip()]
    assert [kind for _, kind, _ in described] == [str(f.type) for f in schema]


@pytest.mark.parametrize("table", sorted(TABLES))
def test_every_table_is_partitioned_by_a_required_ingest_date(table: str) -> None:
    field = TABLES[table].field("ingest_date")
    assert field.type == pa.date32() and not field.nullable


@pytest.mark.parametrize("table", sorted(STAGED))
def test_a_staged_table_is_its_table_less_the_merges_columns_plus_the_copy_it_came_from(table: str) -> None:
    staged, final = STAGED[table], TABLES[table]
    for field in staged:
        if field.name in final.names:  # same name, same type and nullability: the merge copies it as is
            assert field.equals(final.field(field.name)), field.name
    assert set(final.names) - set(staged.names) == MERGE_ASSIGNS.get(table, set())
    assert set(staged.names) - set(final.names) <= {"source_uri"}
    # The merge keeps the rows of the article copy that won by it: every staged row names its input.
    assert not staged.field("source_uri").nullable
