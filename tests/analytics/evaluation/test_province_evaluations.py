"""Evaluations on the simulated province's table: earnings as an outcome, and effects by each priority
group (one yes/no subgroup column per group), with small cells suppressed."""

import math

import numpy as np
import pytest

from careerlens.analytics.evaluation import EvaluationSettings, covariates_for, evaluate
from careerlens.analytics.evaluation.province import PRIORITY_GROUPS

FAST = EvaluationSettings(bootstrap=30, seed=3)


def test_every_estimator_runs_on_earnings_with_intervals(table):
    found = evaluate(
        table.slice(0, 12_000),
        "skills_training",
        "earnings_12m",
        covariates_for("skills_training"),
        settings=FAST,
        specification_checks=False,
    )
    assert len(found.estimates) >= 9
    for e in found.estimates:
        assert all(math.isfinite(v) for v in (e.estimate, e.ci_low, e.ci_high)), e
        assert e.ci_low < e.ci_high and e.ci_high - e.ci_low < 200, e  # dollars a week
    assert found.recommended is not None
    assert found.as_dict()["outcome"] == "earnings_12m"


@pytest.mark.parametrize("group", PRIORITY_GROUPS)
def test_effects_by_each_priority_group(table, group):
    found = evaluate(
        table.slice(0, 30_000),
        "work_placement",
        "job_12m",
        covariates_for("work_placement"),
        by=group,
        settings=EvaluationSettings(bootstrap=0),
        specification_checks=False,
    )
    assert {s.value for s in found.subgroups} == {"true", "false"}
    members = next(s for s in found.subgroups if s.value == "true")
    if not members.suppressed:
        assert members.n_treated >= 10 and members.n_control >= 10


def test_a_small_priority_group_is_suppressed(table):
    """In 600 clients a handful of Indigenous clients had a work placement: their cell is hidden, and so
    is the complementary group's (the total would give it away)."""
    small = table.slice(0, 600)
    members = small.column("indigenous").to_numpy(zero_copy_only=False)
    placed = small.column("work_placement").to_numpy(zero_copy_only=False)
    assert 0 < (members & placed).sum() < 10
    found = evaluate(
        small, "work_placement", "job_12m", covariates_for("work_placement"), by="indigenous", settings=FAST
    )
    groups = {s.value: s for s in found.subgroups}
    assert groups["true"].suppressed and groups["false"].suppressed
    for row in found.as_dict()["subgroups"]:
        assert row["n_treated"] is None and row["n_control"] is None and row["estimates"] == []
    assert np.isfinite(found.find("doubly_robust", "ATT").estimate)
