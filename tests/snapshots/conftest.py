"""A small simulated province loaded into the operational database by the demo loader, and its export."""

from __future__ import annotations

import datetime as dt

import pyarrow.parquet as pq
import pytest

from careerlens.audit.context import acting_as
from careerlens.demo import province, services
from careerlens.snapshots import arrow
from careerlens.snapshots.services import export

N, SEED = 300, 5
AS_OF = dt.date(2026, 6, 30)


@pytest.fixture
def loaded(db):
    """The demo network and a province of ``N`` clients with their casework, as of ``AS_OF``."""
    services.create_network()
    with acting_as(None, source="demo"):
        return province.load(N, SEED, as_of=AS_OF)


def read(directory) -> dict:
    return {name: pq.read_table(directory / f"{name}.parquet") for name in arrow.TABLES}


@pytest.fixture
def exported(loaded, tmp_path):
    """The province exported as of ``AS_OF``: (directory, tables)."""
    target = tmp_path / "snapshot"
    with acting_as(None, source="command"):
        export(target, AS_OF)
    return target, read(target)
