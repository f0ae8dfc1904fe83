"""One simulated province for the evaluation tests (80,000 referred clients, about 68,000 with intake:
large enough that the naive difference is told apart from the true effect of every intervention), its
evaluation table, and each intervention evaluated once per session."""

from __future__ import annotations

import numpy as np
import pytest
from threadpoolctl import threadpool_limits

from careerlens.analytics.evaluation import EvaluationSettings, covariates_for, evaluation_table
from careerlens.analytics.evaluation.data import prepare
from careerlens.analytics.evaluation.engine import estimate
from careerlens.analytics.evaluation.province import INTERVENTIONS
from careerlens.analytics.synth import simulate, writer

CLIENTS = 80_000
SEED = 2
REPLICATES = 100


@pytest.fixture(autouse=True)
def one_blas_thread():
    """One BLAS thread during each test (restored after it): the machine's cores are shared, and BLAS
    threads waiting on each other slow every matrix product tenfold."""
    with threadpool_limits(1):
        yield


@pytest.fixture(scope="session")
def province_tables():
    return writer.tables(simulate(CLIENTS, SEED))


@pytest.fixture(scope="session")
def table(province_tables):
    return evaluation_table(province_tables)


@pytest.fixture(scope="session")
def truth(province_tables, table):
    """The truth table's rows in the evaluation table's order."""
    truth = province_tables["truth_clients"]
    position = np.searchsorted(truth.column("client_id").to_numpy(), table.column("client_id").to_numpy())
    return truth.take(position)


@pytest.fixture(scope="session")
def recovered(table):
    """intervention -> (dataset, estimates for the whole table), for the 12-month job outcome (with one
    BLAS thread, as in every test)."""
    settings = EvaluationSettings(bootstrap=REPLICATES, seed=SEED)
    found = {}
    with threadpool_limits(1):
        for name in INTERVENTIONS:
            dataset = prepare(table, name, "job_12m", covariates_for(name))
            _, results = estimate(dataset, dataset.design, settings)
            found[name] = (dataset, results[None])
    return found
