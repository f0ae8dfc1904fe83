"""The same engine code gives the same report (every table) on PostgreSQL, through Ibis, as on
DuckDB. Runs when DATABASE_URL is a PostgreSQL URL (the CI's second pass); the tables go into a schema
of the test's own, dropped afterwards."""

import os
import uuid
from urllib.parse import urlsplit, urlunsplit

import ibis
import numpy as np
import pytest

from careerlens.analytics.performance import PerformanceSettings, load_arrow, run
from careerlens.analytics.synth import simulate, writer

URL = os.environ.get("DATABASE_URL", "")
pytestmark = pytest.mark.skipif(
    not URL.startswith(("postgres://", "postgresql://")), reason="needs DATABASE_URL pointing at PostgreSQL"
)


@pytest.fixture(scope="module")
def small_tables():
    return writer.tables(simulate(3_000, 5))


def server_url() -> str:
    """The server of DATABASE_URL, on its ``postgres`` database: the URL's own database may not exist (the
    test run's Django database is created under another name)."""
    parts = urlsplit(URL.replace("postgresql://", "postgres://", 1))
    return urlunsplit(parts._replace(path="/postgres"))


@pytest.fixture(scope="module")
def postgres():
    con = ibis.connect(server_url())
    schema = f"perf_test_{uuid.uuid4().hex[:8]}"
    con.raw_sql(f'CREATE SCHEMA "{schema}"')
    try:
        yield con, schema
    finally:
        con.raw_sql(f'DROP SCHEMA "{schema}" CASCADE')
        con.disconnect()


def rows(table):
    """A table's rows in a fixed order (by its text and integer key columns)."""
    keys = [(c, "ascending") for c in table.column_names if str(table[c].type) == "string"]
    keys += [("segment", "ascending")] if "segment" in table.column_names else []
    return table.sort_by(keys).to_pylist()


def test_postgresql_and_duckdb_give_the_same_report(small_tables, postgres):
    con, schema = postgres
    settings = PerformanceSettings()
    on_duckdb = run(load_arrow(ibis.duckdb.connect(), small_tables), settings)
    on_postgres = run(load_arrow(con, small_tables, database=schema), settings)
    assert set(on_duckdb.tables) == set(on_postgres.tables)
    for name, table in on_duckdb.tables.items():
        other = on_postgres.tables[name]
        assert table.column_names == other.column_names, name
        for mine, theirs in zip(rows(table), rows(other), strict=True):
            for column, value in mine.items():
                if isinstance(value, float):
                    assert np.isclose(value, theirs[column], rtol=1e-9, atol=1e-12), (
                        name,
                        column,
                        mine,
                        theirs,
                    )
                else:
                    assert value == theirs[column], (name, column, mine, theirs)
