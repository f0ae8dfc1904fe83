"""Rows to Arrow tables with the simulator's column names and types (``analytics.synth.schema``), and the
check that a table, or a written Parquet file, has them. Every column may hold nulls: the app does not
record everything the simulator knows (docs/export.md, "What is null")."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from careerlens.analytics.synth.schema import arrow_schema
from careerlens.snapshots.mapping import NOT_RECORDED

TABLES = (
    "clients", "episodes", "assessments", "interventions", "jobs", "checkpoints", "ow_spells", "providers",
    "sites", "practitioners",
)  # fmt: skip


class SchemaMismatch(ValueError):
    """A table whose columns are not those of the schema: the message names the table and column."""


def schema(name: str) -> pa.Schema:
    """The schema's fields, each nullable, with their meanings."""
    base = arrow_schema(name)
    return pa.schema([field.with_nullable(True) for field in base], metadata=base.metadata)


def _array(values: list, kind: pa.DataType) -> pa.Array:
    if pa.types.is_dictionary(kind):
        return pa.array(values, type=kind.value_type).dictionary_encode()
    return pa.array(values, type=kind)


def table(name: str, rows: list[dict]) -> pa.Table:
    """``rows`` (dicts with every column of ``name`` the app records) as an Arrow table of the schema's
    types; the columns it does not record (``mapping.NOT_RECORDED``) are null."""
    target = schema(name)
    absent = NOT_RECORDED.get(name, ())
    built = set(rows[0]) if rows else set(target.names)
    if missing := [c for c in target.names if c not in built and c not in absent]:
        raise SchemaMismatch(f"table {name}: the export does not build column(s) {', '.join(missing)}")
    arrays = [
        pa.nulls(len(rows), field.type)
        if field.name in absent
        else _array([r[field.name] for r in rows], field.type)
        for field in target
    ]
    return pa.Table.from_arrays(arrays, schema=target)


def check(name: str, found: pa.Schema) -> None:
    """Refuse a schema whose column names, order or types differ from those of table ``name``."""
    expected = arrow_schema(name)
    if found.names != expected.names:
        missing = [c for c in expected.names if c not in found.names]
        extra = [c for c in found.names if c not in expected.names]
        raise SchemaMismatch(
            f"table {name}: columns differ from the schema (missing: {', '.join(missing) or 'none'}; "
            f"unexpected: {', '.join(extra) or 'none'})"
        )
    for field in expected:
        if not found.field(field.name).type.equals(field.type):
            raise SchemaMismatch(
                f"table {name}: column {field.name} is {found.field(field.name).type}, not {field.type}"
            )


def check_file(name: str, path: Path) -> None:
    check(name, pq.read_schema(path))
