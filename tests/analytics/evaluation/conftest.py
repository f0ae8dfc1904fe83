"""One simulated province for the evaluation tests (80,000 referred clients, about 68,000 with intake),
its tables, its evaluation table and its truth in the evaluation table's order. (The recovery tests
simulate their own provinces: test_recovery.py.)"""

from __future__ import annotations

import numpy as np
import pytest
from threadpoolctl import threadpool_limits

from careerlens.analytics.evaluation import evaluation_table
from careerlens.analytics.synth import simulate, writer

CLIENTS = 80_000
SEED = 2


@pytest.fixture(autouse=True)
def one_blas_thread():
    """One BLAS thread during each test (restored after it): the machine's cores are shared, and BLAS
    threads waiting on each other slow every matrix product tenfold."""
    with threadpool_limits(1):
        yield


@pytest.fixture(scope="session")
def province():
    return simulate(CLIENTS, SEED)


@pytest.fixture(scope="session")
def province_tables(province):
    return writer.tables(province)


@pytest.fixture(scope="session")
def table(province_tables):
    return evaluation_table(province_tables)


@pytest.fixture(scope="session")
def truth(province_tables, table):
    """The truth table's rows in the evaluation table's order."""
    truth = province_tables["truth_clients"]
    position = np.searchsorted(truth.column("client_id").to_numpy(), table.column("client_id").to_numpy())
    return truth.take(position)
