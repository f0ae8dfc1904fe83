"""One simulated province shared by the synth tests (40,000 referred clients: large enough for the
calibration tolerances, small enough to build in about a second), and its written output."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest

from careerlens.analytics.synth import simulate, writer

CLIENTS = 40_000
SEED = 11


@pytest.fixture(scope="session")
def province():
    return simulate(CLIENTS, SEED)


@pytest.fixture(scope="session")
def output(province, tmp_path_factory):
    directory = tmp_path_factory.mktemp("synth")
    writer.write(province, directory)
    return directory


@pytest.fixture(scope="session")
def tables(output):
    return {path.stem: pq.read_table(path) for path in sorted(output.glob("*.parquet"))}


@pytest.fixture(scope="session")
def calibration_report(output):
    return json.loads((output / "calibration.json").read_text())


@pytest.fixture(scope="session")
def truth_json(output):
    return json.loads((output / "truth.json").read_text())


def column(table, name):
    """A column as a NumPy array (nulls become NaN for numbers, None for objects)."""
    return table.column(name).to_numpy(zero_copy_only=False)
