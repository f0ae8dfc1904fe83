from statistics import NormalDist

import numpy as np

from careerlens.analytics.synth.numeric import (
    categorical,
    gauss_hermite,
    generator,
    logistic,
    logit,
    norm_cdf,
    weighted_choice,
)


def test_streams_are_reproducible_and_independent_by_purpose():
    assert np.array_equal(generator(5, "a").random(10), generator(5, "a").random(10))
    assert not np.array_equal(generator(5, "a").random(10), generator(5, "b").random(10))
    assert not np.array_equal(generator(5, "a").random(10), generator(6, "a").random(10))


def test_categorical_follows_the_probabilities():
    codes = categorical(generator(1, "t"), [0.2, 0.5, 0.3], 100_000)
    assert codes.dtype == np.int8
    assert np.allclose(np.bincount(codes) / len(codes), [0.2, 0.5, 0.3], atol=0.01)


def test_categorical_with_one_row_per_draw():
    rows = np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]] * 1000)
    assert np.array_equal(categorical(generator(1, "t"), rows), np.tile([0, 2], 1000))


def test_weighted_choice():
    picks = weighted_choice(generator(1, "w"), np.array([1.0, 3.0]), 40_000)
    assert abs(picks.mean() - 0.75) < 0.01


def test_logistic_and_logit_are_inverse():
    x = np.linspace(-5, 5, 11)
    assert np.allclose(logit(logistic(x)), x)


def test_norm_cdf_matches_the_standard_library():
    x = np.linspace(-4, 4, 81)
    assert np.max(np.abs(norm_cdf(x) - np.array([NormalDist().cdf(v) for v in x]))) < 2e-7


def test_gauss_hermite_integrates_normal_moments():
    nodes, weights = gauss_hermite(9)
    assert np.isclose((weights * nodes**2).sum(), 1.0)
    assert np.isclose((weights * nodes**4).sum(), 3.0)
