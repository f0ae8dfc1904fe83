"""The propensity and outcome models: the logistic fit finds known coefficients, and the one-step refit
under bootstrap weights is close to an exact weighted refit."""

import numpy as np

from careerlens.analytics.evaluation.models import fit_linear, fit_logit, logistic


def test_logistic_regression_recovers_its_coefficients():
    rng = np.random.default_rng(0)
    x = np.column_stack([np.ones(50_000), rng.standard_normal((50_000, 2))])
    truth = np.array([-0.5, 1.0, -0.7])
    t = (rng.random(50_000) < logistic(x @ truth)).astype(float)
    model = fit_logit(x, t, ridge=0.0, steps=25)
    assert model.converged
    np.testing.assert_allclose(model.coef, truth, atol=0.05)


def test_separation_pushes_the_score_to_one_instead_of_failing():
    x = np.column_stack([np.ones(200), np.r_[np.ones(50), np.zeros(150)]])
    t = np.r_[np.ones(50), np.random.default_rng(1).random(150) < 0.3].astype(float)
    model = fit_logit(x, t, ridge=1e-6, steps=25)
    assert logistic(model.logit(x))[:50].min() > 0.99


def test_one_step_refits_are_close_to_exact_weighted_refits():
    rng = np.random.default_rng(2)
    n = 20_000
    x = np.column_stack([np.ones(n), rng.standard_normal((n, 3))])
    y = x @ np.array([1.0, 0.5, -0.2, 0.3]) + rng.standard_normal(n)
    t = (rng.random(n) < logistic(x[:, 1])).astype(float)
    weights = rng.poisson(1.0, size=(2, n)).astype(float)
    linear = fit_linear(x, y, np.ones(n, dtype=bool), ridge=0.0)
    logit = fit_logit(x, t, ridge=0.0, steps=25)
    for b in range(2):
        drawn = np.repeat(np.arange(n), weights[b].astype(int))  # the bootstrap sample itself
        exact = np.linalg.lstsq(x[drawn], y[drawn], rcond=None)[0]
        np.testing.assert_allclose(linear.replicates(x, y, weights)[b], x @ exact, atol=0.01)
        refit = fit_logit(x[drawn], t[drawn], ridge=0.0, steps=25)
        one_step = logit.replicates(x, t, weights)[b]
        np.testing.assert_allclose(one_step, logistic(refit.logit(x)), atol=0.005)
        assert np.abs(one_step - logistic(logit.logit(x))).max() > 0.001  # the replicate did move
