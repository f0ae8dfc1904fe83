"""On the simulated province, where plans are chosen on observable characteristics, every estimator's 95%
interval covers the simulator's true effect on the treated (the mean individual effect over the rows the
estimand is about), and the naive difference of means does not."""

import pytest

from careerlens.analytics.evaluation.engine import METHODS
from careerlens.analytics.evaluation.province import INTERVENTIONS

ADJUSTED = [(m, e) for m, e in METHODS if m != "naive"]


def _find(estimates, method, estimand):
    return next(e for e in estimates if e.method == method and e.estimand == estimand)


@pytest.mark.parametrize("intervention", INTERVENTIONS)
@pytest.mark.parametrize(("method", "estimand"), ADJUSTED)
def test_every_estimator_covers_the_true_effect(recovered, truth, intervention, method, estimand):
    _, estimates = recovered[intervention]
    found = _find(estimates, method, estimand)
    true_effect = float(truth.column(f"ite_job_12m_{intervention}").to_numpy()[found.rows].mean())
    assert found.ci_low <= true_effect <= found.ci_high, (found, true_effect)
    assert found.n_treated > 1000 and found.n_control > 1000


@pytest.mark.parametrize("intervention", INTERVENTIONS)
def test_the_naive_difference_misses_it(recovered, truth, intervention):
    dataset, estimates = recovered[intervention]
    naive = _find(estimates, "naive", "difference")
    true_effect = float(truth.column(f"ite_job_12m_{intervention}").to_numpy()[dataset.treated].mean())
    assert not naive.ci_low <= true_effect <= naive.ci_high, (naive, true_effect)


def test_intervals_are_the_same_for_the_same_seed(table):
    from careerlens.analytics.evaluation import EvaluationSettings, covariates_for
    from careerlens.analytics.evaluation.data import prepare
    from careerlens.analytics.evaluation.engine import estimate

    small = table.slice(0, 5000)
    dataset = prepare(small, "skills_training", "job_12m", covariates_for("skills_training"))
    settings = EvaluationSettings(bootstrap=20, seed=4)
    first = estimate(dataset, dataset.design, settings)[1][None]
    again = estimate(dataset, dataset.design, settings)[1][None]
    other = estimate(dataset, dataset.design, EvaluationSettings(bootstrap=20, seed=5))[1][None]
    assert [e.as_dict() for e in first] == [e.as_dict() for e in again]
    assert [e.ci_low for e in first] != [e.ci_low for e in other]
