"""A snapshot of the service tables as Ibis tables: Parquet files read by DuckDB (`careerlens export` or
the simulator's output), or Arrow tables loaded into any Ibis backend (PostgreSQL in the tests)."""

from __future__ import annotations

import shutil
import tempfile
import weakref
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import ibis
import pyarrow as pa
import pyarrow.parquet as pq

from careerlens.analytics.performance.settings import PerformanceError

REQUIRED: dict[str, tuple[str, ...]] = {
    "clients": (
        "client_id",
        "catchment",
        "program",
        "employed_at_referral",
        "age",
        "gender",
        "indigenous",
        "francophone",
        "racialized",
        "disability",
        "criminal_record",
        "newcomer",
        "education",
        "language_barrier",
        "housing_unstable",
        "youth_high_needs",
        "women_high_needs",
        "months_out_of_work",
        "prior_ow_spells",
        "prior_noc",
        "prior_teer",
        "prior_outlook",
        "goal_hourly_wage",
        "dependants",
    ),
    "episodes": (
        "client_id",
        "provider_id",
        "referral_date",
        "intake_completed",
        "intake_date",
        "practitioner_id",
        "stream",
        "exit_date",
        "exit_reason",
    ),
    "jobs": (
        "job_id",
        "client_id",
        "start_date",
        "months_after_intake",
        "teer",
        "hours_per_week",
        "hourly_wage",
    ),
    "checkpoints": (
        "client_id",
        "months",
        "due_date",
        "employed",
        "hours_per_week",
        "hourly_wage",
        "evidence",
    ),
    "ow_spells": ("client_id", "exit_date", "return_date", "months_to_return"),
    "assessments": ("client_id", "occasion", "career_index", "self_efficacy"),
    "interventions": ("client_id", "intervention", "start_date", "status"),
    "providers": ("provider_id", "catchment"),
    "practitioners": ("practitioner_id", "provider_id", "ccdp_certified"),
}


@dataclass
class Snapshot:
    """The tables of one snapshot on one Ibis backend."""

    con: ibis.BaseBackend
    tables: dict[str, ibis.Table]

    def __getitem__(self, name: str) -> ibis.Table:
        return self.tables[name]


def _check_columns(name: str, columns: list[str]) -> None:
    missing = [c for c in REQUIRED[name] if c not in columns]
    if missing:
        raise PerformanceError(f"table {name} lacks column(s): {', '.join(missing)}")


def open_parquet(directory: str | Path, **duckdb_config) -> Snapshot:
    """Read every required table from ``directory/<table>.parquet`` with DuckDB (lazily); keyword
    arguments are DuckDB settings (e.g. ``threads=2, memory_limit="5GB"``)."""
    root = Path(directory)
    if not root.is_dir():
        raise PerformanceError(f"--data {root}: not a directory")
    con = ibis.duckdb.connect(**duckdb_config)
    tables = {}
    for name in REQUIRED:
        path = root / f"{name}.parquet"
        if not path.is_file():
            raise PerformanceError(f"snapshot {root} lacks {name}.parquet")
        try:
            columns = pq.read_schema(path).names
        except (pa.ArrowInvalid, OSError) as error:
            raise PerformanceError(f"{path}: not a readable Parquet file ({error})") from error
        _check_columns(name, columns)
        tables[name] = con.read_parquet(path, table_name=name)
    return Snapshot(con, tables)


def drop_table(con: ibis.BaseBackend, name: str, database: str | tuple[str, ...] | None = None) -> None:
    """DROP TABLE IF EXISTS, in plain SQL (Ibis 12's drop_table writes no table name with this sqlglot);
    ``database`` is a schema, or (catalog, schema)."""
    parts = (database,) if isinstance(database, str) else tuple(database or ())
    qualified = ".".join(f'"{part}"' for part in (*parts, name))
    con.raw_sql(f"DROP TABLE IF EXISTS {qualified}")


COMPRESSED = "careerlens_compressed"  # DuckDB: the database store() writes into


def _attach_compressed(con: ibis.BaseBackend) -> None:
    """Attach (once per connection) a DuckDB database file in a temporary directory of its own, removed
    when the connection is collected or the process ends."""
    attached = con.raw_sql(
        f"SELECT 1 FROM duckdb_databases() WHERE database_name = '{COMPRESSED}'"
    ).fetchall()
    if attached:
        return
    directory = tempfile.mkdtemp(prefix="careerlens-performance-")
    weakref.finalize(con, shutil.rmtree, directory, ignore_errors=True)
    con.raw_sql(f"ATTACH '{Path(directory) / 'report.duckdb'}' AS \"{COMPRESSED}\"")


def store(con: ibis.BaseBackend, name: str, expression: ibis.Table, compress: bool = True) -> ibis.Table:
    """Materialise ``expression`` as the table ``name`` for this session. On DuckDB (with ``compress``)
    the table goes into a database file of its own (a temporary one): DuckDB writes a large table's row
    groups there compressed as they fill, and keeps them in its buffer pool. A temporary table stays
    uncompressed, in blocks a boolean column fills by half: the facts took 350 bytes a client, about
    3.5 GB at 10,000,000 clients, so building them spilled 1.7 GB to disk and the later stages spilled
    too; in the file, about 50 bytes a client. Elsewhere (or without ``compress``) a temporary table: the
    portable path, the one the second-backend test and a DuckDB test take."""
    if compress and con.name == "duckdb":
        _attach_compressed(con)
        drop_table(con, name, (COMPRESSED, "main"))
        return con.create_table(name, obj=expression, database=f"{COMPRESSED}.main")
    drop_table(con, name)
    return con.create_table(name, obj=expression, temp=True)


def load_arrow(con: ibis.BaseBackend, arrow: Mapping[str, pa.Table], database: str | None = None) -> Snapshot:
    """Copy Arrow tables (e.g. ``synth.writer.tables(province)``) into ``con`` (in schema ``database``)."""
    tables = {}
    for name in REQUIRED:
        if name not in arrow:
            raise PerformanceError(f"snapshot lacks table {name}")
        table = arrow[name]
        _check_columns(name, table.column_names)
        plain = pa.table(
            {
                c: table[c].cast(table[c].type.value_type)
                if pa.types.is_dictionary(table[c].type)
                else table[c]
                for c in table.column_names
            }
        )
        drop_table(con, name, database)
        con.create_table(name, schema=ibis.Schema.from_pyarrow(plain.schema), database=database)
        con.insert(name, plain, database=database)
        tables[name] = con.table(name, database=database)
    return Snapshot(con, tables)
