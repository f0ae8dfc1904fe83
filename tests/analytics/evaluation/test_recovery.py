"""On simulated provinces, where plans are chosen on observable characteristics, the estimators' 95%
intervals cover the simulator's true effect (the mean individual effect over the rows each estimand is
about), and the naive difference of means does not.

The rule, fixed before looking at these seeds (docs/evaluation.md, "Quality"): three provinces (seeds 1, 2
and 3, the first three, not chosen) of 50,000 referred clients each, the five interventions and three
outcomes (job_12m, outcome_12m, earnings_12m), 100 bootstrap replicates. For each outcome, each adjusted
estimator (method and estimand) must cover the truth in at least 12 of the 15 seed × intervention cells
(exact 95% intervals miss 4 or more of 15 with probability 0.005 if the cells were independent); the naive
difference must miss it in every cell: the simulator selects into every intervention on characteristics
that also drive the outcomes (docs/synth.md, "Service episodes"), so that it is 4.5 standard errors or
more off in every cell of seeds 1-9 (the test asks for 3)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np
import pytest
from threadpoolctl import threadpool_limits

from careerlens.analytics.evaluation import EvaluationSettings, covariates_for, evaluation_table
from careerlens.analytics.evaluation.data import prepare
from careerlens.analytics.evaluation.engine import METHODS, estimate
from careerlens.analytics.evaluation.province import INTERVENTIONS
from careerlens.analytics.synth import simulate, writer
from tests.analytics.evaluation.earnings_truth import expected_earnings, true_earnings_effects

CLIENTS = 50_000
SEEDS = (1, 2, 3)
OUTCOMES = ("job_12m", "outcome_12m", "earnings_12m")
REPLICATES = 100
CELLS = len(SEEDS) * len(INTERVENTIONS)
MIN_COVERED = 12  # of the 15 cells, per outcome and adjusted estimator
NAIVE_MIN_Z = 3.0  # the naive difference is at least this many standard errors from the truth, every cell
ADJUSTED = [(m, e) for m, e in METHODS if m != "naive"]


@dataclass(frozen=True)
class Cell:
    seed: int
    outcome: str
    intervention: str
    method: str
    estimand: str
    estimate: float
    ci_low: float
    ci_high: float
    truth: float
    n_treated: int
    n_control: int

    @property
    def covered(self) -> bool:
        return self.ci_low <= self.truth <= self.ci_high

    @property
    def z(self) -> float:
        """The distance from the truth in standard errors (the interval's width over 2 × 1.96)."""
        return (self.estimate - self.truth) / ((self.ci_high - self.ci_low) / 3.92)

    def __str__(self) -> str:
        return (
            f"seed {self.seed} {self.intervention}: {self.estimate:+.4f} "
            f"[{self.ci_low:+.4f}, {self.ci_high:+.4f}], truth {self.truth:+.4f}, z {self.z:+.1f}"
        )


def _province_cells(seed: int) -> tuple[list[Cell], dict]:
    province = simulate(CLIENTS, seed)
    tables = writer.tables(province)
    table = evaluation_table(tables)
    ids = table.column("client_id").to_numpy()
    truth = tables["truth_clients"]
    position = np.searchsorted(truth.column("client_id").to_numpy(), ids)
    earnings = true_earnings_effects(province, ids)
    check = {
        "observed": float(np.mean(table.column("earnings_12m").to_numpy())),
        "expected": float(expected_earnings(province, ids).mean()),
    }
    settings = EvaluationSettings(bootstrap=REPLICATES, seed=seed)
    cells = []
    for name in INTERVENTIONS:
        first = prepare(table, name, OUTCOMES[0], covariates_for(name))
        for outcome in OUTCOMES:  # the same rows and design: only the outcome changes
            values = table.column(outcome).to_numpy(zero_copy_only=False).astype(np.float64)
            assert np.isfinite(values).all()
            dataset = dataclasses.replace(first, outcome=values)
            if outcome == "earnings_12m":
                effect = earnings[name]
            else:
                effect = truth.column(f"ite_{outcome}_{name}").to_numpy()[position].astype(np.float64)
            _, results = estimate(dataset, dataset.design, settings)
            for e in results[None]:
                rows = dataset.treated if e.method == "naive" else e.rows
                cells.append(
                    Cell(
                        seed,
                        outcome,
                        name,
                        e.method,
                        e.estimand,
                        e.estimate,
                        e.ci_low,
                        e.ci_high,
                        float(effect[rows].mean()),
                        e.n_treated,
                        e.n_control,
                    )
                )
    return cells, check


@pytest.fixture(scope="module")
def recovered():
    """Every cell of the three provinces (with one BLAS thread), and each province's earnings check."""
    cells, checks = [], {}
    with threadpool_limits(1):
        for seed in SEEDS:
            found, checks[seed] = _province_cells(seed)
            cells.extend(found)
    return cells, checks


def _cells(recovered, outcome, method, estimand):
    found = [
        c for c in recovered[0] if c.outcome == outcome and c.method == method and c.estimand == estimand
    ]
    assert len(found) == CELLS
    return found


def test_the_earnings_truth_agrees_with_the_simulated_earnings(recovered):
    """The true effects on earnings come from earnings_truth.py, not from the simulator's truth table: its
    expected earnings must match the simulated ones (standard error of the mean about 1%)."""
    for check in recovered[1].values():
        assert check["observed"] == pytest.approx(check["expected"], rel=0.04)


@pytest.mark.parametrize("outcome", OUTCOMES)
@pytest.mark.parametrize(("method", "estimand"), ADJUSTED)
def test_every_estimator_covers_the_true_effect_in_most_cells(recovered, outcome, method, estimand):
    cells = _cells(recovered, outcome, method, estimand)
    missed = [str(c) for c in cells if not c.covered]
    assert CELLS - len(missed) >= MIN_COVERED, missed
    assert all(c.n_treated > 500 and c.n_control > 500 for c in cells)


@pytest.mark.parametrize("outcome", OUTCOMES)
def test_the_naive_difference_misses_it_for_every_intervention(recovered, outcome):
    cells = _cells(recovered, outcome, "naive", "difference")
    assert {c.intervention for c in cells} == set(INTERVENTIONS)
    covered = [str(c) for c in cells if c.covered]
    assert not covered, covered
    near = [str(c) for c in cells if abs(c.z) < NAIVE_MIN_Z]
    assert not near, near


def test_intervals_are_the_same_for_the_same_seed(table):
    small = table.slice(0, 5000)
    dataset = prepare(small, "skills_training", "job_12m", covariates_for("skills_training"))
    settings = EvaluationSettings(bootstrap=20, seed=4)
    first = estimate(dataset, dataset.design, settings)[1][None]
    again = estimate(dataset, dataset.design, settings)[1][None]
    other = estimate(dataset, dataset.design, EvaluationSettings(bootstrap=20, seed=5))[1][None]
    assert [e.as_dict() for e in first] == [e.as_dict() for e in again]
    assert [e.ci_low for e in first] != [e.ci_low for e in other]
