"""Nearest-neighbour matching: ties shared, the caliper respected, each control used once without
replacement."""

import numpy as np

from careerlens.analytics.evaluation.matching import with_replacement, without_replacement


def test_ties_are_all_used_and_share_one_match():
    score = np.array([0.0, 1.0, 1.0, 1.0, 5.0])
    treated = np.array([True, False, False, False, True])
    kept = np.ones(5, dtype=bool)
    matches = with_replacement(score, treated, kept, caliper=1.5)
    y = np.array([0.0, 1.0, 2.0, 6.0, 0.0])
    assert matches.counterpart(y)[0] == 3.0  # the mean of the three tied controls
    assert np.isnan(matches.counterpart(y)[4])  # 5.0 is beyond the caliper
    np.testing.assert_allclose(matches.uses(treated), [0, 1 / 3, 1 / 3, 1 / 3, 0])
    assert matches.matched(treated).tolist() == [True, False, False, False, False]


def test_without_replacement_uses_each_control_once_within_the_caliper():
    rng = np.random.default_rng(1)
    score = rng.standard_normal(400)
    treated = rng.random(400) < 0.4
    kept = np.ones(400, dtype=bool)
    matches = without_replacement(score, treated, kept, caliper=0.05)
    side = matches.sides[0]
    found = side.high > side.low
    partners = side.pool[side.low[found]]
    assert len(set(partners.tolist())) == len(partners)
    assert not treated[partners].any()
    assert np.all(np.abs(score[side.rows[found]] - score[partners]) <= 0.05)
    assert matches.uses(treated).max() == 1.0
    # a wider caliper matches at least as many
    wider = without_replacement(score, treated, kept, caliper=0.5).sides[0]
    assert (wider.high > wider.low).sum() >= found.sum()


def test_rows_outside_common_support_are_never_matched():
    score = np.array([0.0, 0.1, 0.2, 0.3])
    treated = np.array([True, False, True, False])
    kept = np.array([True, False, True, True])
    matches = with_replacement(score, treated, kept, caliper=1.0)
    assert matches.uses(treated)[1] == 0 and matches.uses(treated)[3] == 2
