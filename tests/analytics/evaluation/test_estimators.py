"""Every estimator on a small confounded table with a constant effect of 2: the adjusted methods find it,
the naive difference does not."""

import numpy as np
import pytest

from careerlens.analytics.evaluation import EvaluationSettings
from careerlens.analytics.evaluation.data import prepare
from careerlens.analytics.evaluation.engine import estimate
from careerlens.analytics.evaluation.estimators import ipw_att, naive

from .toy import EFFECT, confounded


@pytest.fixture(scope="module")
def results():
    dataset = prepare(confounded(), "treated", "outcome", ["score", "region"], pre_outcome="before")
    return estimate(dataset, dataset.design, EvaluationSettings(bootstrap=80, seed=2))[1][None]


def test_every_adjusted_method_covers_the_effect(results):
    for e in results:
        if e.method == "naive":
            assert not e.ci_low <= EFFECT <= e.ci_high
            assert e.estimate > EFFECT + 0.3
        else:
            assert e.ci_low <= EFFECT <= e.ci_high, e
            assert abs(e.estimate - EFFECT) < 0.15, e


def test_difference_in_differences_is_there_with_a_pre_outcome(results):
    methods = {(e.method, e.estimand) for e in results}
    assert ("did", "ATT") in methods and ("did_weighted", "ATT") in methods
    dataset = prepare(confounded(), "treated", "outcome", ["score"])
    plain = estimate(dataset, dataset.design, EvaluationSettings(bootstrap=0))[1][None]
    assert not any(e.method.startswith("did") for e in plain)
    assert all(e.ci_low is None for e in plain)


def test_weights_are_normalised_and_the_naive_difference_is_a_difference_of_means():
    t = np.array([1.0, 1.0, 0.0, 0.0])
    y = np.array([3.0, 5.0, 1.0, 2.0])
    ones = np.ones((1, 4))
    assert naive(ones, t, y)[0] == pytest.approx(4.0 - 1.5)
    e = np.array([0.5, 0.5, 0.5, 0.8])  # odds 1 and 4: controls weighted 1:4
    assert ipw_att(ones, t, y, e)[0] == pytest.approx(4.0 - (1.0 + 4 * 2.0) / 5)


def test_estimates_carry_their_counts(results):
    by_name = {(e.method, e.estimand): e for e in results}
    naive_row = by_name[("naive", "difference")]
    assert naive_row.n_trimmed == 0 and naive_row.n_treated + naive_row.n_control == 4000
    matched = by_name[("matching_no_replacement", "ATT")]
    assert matched.n_treated == matched.n_control  # one control per treated row
