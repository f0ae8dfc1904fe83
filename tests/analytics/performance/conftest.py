"""One simulated province for the performance tests, written as a Parquet snapshot: 100,000 referred
clients (about 37 providers of 200 to 5,000 clients), the size the provider-effect recovery needs; the
engine's report on it is built once."""

from __future__ import annotations

import json

import pytest

from careerlens.analytics.performance import PerformanceSettings, open_parquet, report, rules, run
from careerlens.analytics.synth import simulate, writer

CLIENTS = 100_000
SEED = 11


@pytest.fixture(scope="session")
def province():
    return simulate(CLIENTS, SEED)


@pytest.fixture(scope="session")
def arrow_tables(province):
    return writer.tables(province)


@pytest.fixture(scope="session")
def snapshot_dir(province, tmp_path_factory):
    directory = tmp_path_factory.mktemp("snapshot")
    writer.write(province, directory)
    return directory


@pytest.fixture(scope="session")
def truth(snapshot_dir):
    return json.loads((snapshot_dir / "truth.json").read_text())


@pytest.fixture(scope="session")
def snapshot(snapshot_dir):
    return open_parquet(snapshot_dir)


@pytest.fixture(scope="session")
def facts(snapshot):
    return report.materialise(snapshot, PerformanceSettings())


@pytest.fixture(scope="session")
def raw_report(facts):
    return report.compute(facts)


@pytest.fixture(scope="session")
def full_report(snapshot_dir):
    return run(open_parquet(snapshot_dir), compare=rules.load(rules.shipped("alternative")))


def column(table, name):
    """A column as a NumPy array (nulls become NaN for numbers, None for objects)."""
    return table.column(name).to_numpy(zero_copy_only=False)


def cell(table, **where):
    """The one row of a long table matching every column=value given."""
    import pyarrow.compute as pc

    mask = None
    for key, value in where.items():
        test = pc.equal(table[key], value)
        mask = test if mask is None else pc.and_(mask, test)
    rows = table.filter(mask).to_pylist()
    assert len(rows) == 1, (where, len(rows))
    return rows[0]
