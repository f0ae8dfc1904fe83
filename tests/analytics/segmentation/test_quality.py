"""Quality on the simulated province against the simulator's true probabilities (docs/segmentation.md)."""

import numpy as np
import pytest

from careerlens.analytics.segmentation import metrics, province, streams, train
from careerlens.analytics.segmentation.audit import audit_held_out

from .conftest import QUALITY_ALLOWED

MIN_GROUP = 5_000  # held-out people a group needs for the 0.03 calibration tolerance to be meaningful


def held_out(tables, table, result, kind):
    truth = province.oracle(tables, table, province.LONG_TERM, kind)[result.rows][result.holdout]
    return result.outcome[result.holdout], truth


def test_the_career_measures_reveal_what_no_characteristic_can(tables, long_term, quality_model):
    """The observable oracle knows every recorded characteristic's true effect but nothing of the unobserved
    employability; the model beats it only through the intake assessment's career measures."""
    y, oracle = held_out(tables, long_term, quality_model, "observable")
    assert quality_model.evaluation["auc"] > metrics.auc(y, oracle) + 0.015


def test_auc_within_0_02_of_the_oracle_at_intake(tables, long_term, quality_model, default_model):
    """The issue's target, against the simulator's true probability at the moment the model is used: at
    intake, before the plan and the provider's services it decides (docs/segmentation.md, "Quality")."""
    for model in (quality_model, default_model):
        y, oracle = held_out(tables, long_term, model, "intake")
        assert metrics.auc(y, oracle) - model.evaluation["auc"] < 0.02


def test_the_oracle_at_intake_knows_less_than_the_full_one(tables, long_term, default_model):
    y, at_intake = held_out(tables, long_term, default_model, "intake")
    _, full = held_out(tables, long_term, default_model, "full")
    assert metrics.auc(y, at_intake) < metrics.auc(y, full)


def test_auc_close_to_the_full_oracle(tables, long_term, quality_model, default_model):
    """The full oracle also knows the plan and the provider, which come after the model is used: the measured
    gap is 0.023 (0.026 for the default; docs/segmentation.md). Held here so it cannot regress."""
    y, oracle = held_out(tables, long_term, quality_model, "full")
    assert metrics.auc(y, oracle) - quality_model.evaluation["auc"] < 0.03
    y, oracle = held_out(tables, long_term, default_model, "full")
    assert metrics.auc(y, oracle) - default_model.evaluation["auc"] < 0.035


def test_without_the_career_measures_the_model_loses_most_of_its_reach(long_term, default_model):
    features = [f for f in province.INTAKE_FEATURES if f not in province.ASSESSMENT_FEATURES]
    without = train(long_term, province.LONG_TERM, features)
    assert default_model.evaluation["auc"] - without.evaluation["auc"] > 0.05


def test_calibration_overall_and_in_every_group(long_term, quality_model):
    assert quality_model.evaluation["ece"] <= 0.02
    found = audit_held_out(long_term, quality_model)
    checked = 0
    for name, characteristic in found["characteristics"].items():
        for group, row in characteristic["groups"].items():
            if not row["suppressed"] and (row["people"] or 0) >= MIN_GROUP:
                assert row["ece"] <= 0.03, (name, group, row["ece"])
                checked += 1
    assert checked >= 15


def test_without_protected_inputs_older_clients_are_under_predicted_and_flagged(long_term, default_model):
    found = audit_held_out(long_term, default_model)
    older = found["characteristics"]["age_55_plus"]["groups"]["yes"]
    assert older["observed_rate"] > older["mean_predicted"] + 0.02
    assert {"characteristic": "age_55_plus", "group": "yes", "measure": "ece"} in [
        {k: f[k] for k in ("characteristic", "group", "measure")} for f in found["flags"]
    ]
    assert "age" in default_model.model.metadata["protected_left_out"]
    assert not set(QUALITY_ALLOWED) & set(default_model.model.feature_names)


def test_default_stream_cut_offs_give_about_22_31_47(default_model):
    shares = streams.shares(default_model.probability)
    assert shares == pytest.approx({"A": 0.22, "B": 0.31, "C": 0.47}, abs=0.04)


def test_ow_return_model(tables):
    table = province.ow_return_table(tables)
    result = train(table, province.OW_RETURN, list(province.OW_RETURN_FEATURES))
    y = result.outcome[result.holdout]
    observable = province.oracle(tables, table, province.OW_RETURN, "observable")[result.rows][result.holdout]
    full = province.oracle(tables, table, province.OW_RETURN, "full")[result.rows][result.holdout]
    assert np.isfinite(observable).all() and np.isfinite(full).all()
    # a weak signal: with the career measures the model comes within 0.02 of the full oracle
    assert result.evaluation["auc"] > metrics.auc(y, observable)
    assert metrics.auc(y, full) - 0.02 <= result.evaluation["auc"] < metrics.auc(y, full)
    assert result.evaluation["ece"] <= 0.03
