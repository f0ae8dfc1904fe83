"""One simulated province for the segmentation tests (400,000 referred clients, about 340,000 intakes:
enough held-out people per group for the per-group calibration tolerance), and the models trained on it."""

from __future__ import annotations

import pytest

from careerlens.analytics.segmentation import province, train
from careerlens.analytics.synth import simulate, writer

CLIENTS = 400_000
SEED = 11
# the protected characteristics the simulator's hazard uses (docs/segmentation.md, "Quality")
QUALITY_ALLOWED = ("age", "disability", "newcomer", "racialized", "indigenous")


@pytest.fixture(scope="session")
def tables():
    return writer.tables(simulate(CLIENTS, SEED))


@pytest.fixture(scope="session")
def long_term(tables):
    return province.long_term_table(tables)


@pytest.fixture(scope="session")
def default_model(long_term):
    return train(long_term, province.LONG_TERM, list(province.INTAKE_FEATURES))


@pytest.fixture(scope="session")
def quality_model(tables):
    _, training = province.train_model(tables, province.LONG_TERM, allow_protected=QUALITY_ALLOWED)
    return training
