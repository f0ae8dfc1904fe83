"""The generic trainer on small tables with a known answer, and its errors."""

import json

import numpy as np
import pyarrow as pa
import pytest

from careerlens.analytics.segmentation import Model, SegmentationDataError, TrainingSettings, train


def toy(n=20_000, seed=3):
    rng = np.random.default_rng(seed)
    level = rng.choice(["low", "mid", "high", "prefer_not_to_answer"], n)
    x = rng.normal(size=n)
    logit = -0.5 + np.select([level == "high", level == "low"], [1.0, -1.0], 0.0) + 0.8 * (x > 0)
    y = rng.random(n) < 1 / (1 + np.exp(-logit))
    x_with_nulls = pa.array(np.where(rng.random(n) < 0.05, np.nan, x), from_pandas=True)
    return pa.table(
        {"id": np.arange(n), "level": level, "x": x_with_nulls, "age": rng.integers(16, 70, n), "y": y}
    )


def test_recovers_the_true_effects_and_is_calibrated():
    result = train(toy(), "y")
    model = result.model
    assert model.feature_names == ["level", "x"]  # id skipped, age protected
    level = model.features[0]
    w = dict(zip(level.levels, model.weights[0], strict=True))
    assert w["high"] - w["low"] == pytest.approx(2.0, abs=0.25)
    assert "prefer_not_to_answer" in level.levels and "missing" in model.features[1].levels
    assert result.evaluation["ece"] < 0.03 and result.evaluation["auc"] > 0.65
    assert result.evaluation["weighing_most"][0]["feature"] == "level"


def test_plain_json_round_trip_scores_the_same():
    table = toy(5_000)
    result = train(table, "y")
    again = Model.from_dict(json.loads(json.dumps(result.model.as_dict())))
    assert np.allclose(again.predict(table), result.model.predict(table))
    row = table.slice(7, 1).to_pylist()[0]
    assert again.probability(row) == pytest.approx(float(result.model.predict(table.slice(7, 1))[0]))
    assert again.probability({}) > 0  # everything missing still scores


def test_the_split_and_fit_are_deterministic():
    a, b = train(toy(3_000), "y"), train(toy(3_000), "y")
    assert (a.holdout == b.holdout).all() and a.model.as_dict() == b.model.as_dict()


def test_protected_columns_only_when_allowed():
    table = toy(3_000)
    with pytest.raises(SegmentationDataError, match="protected characteristic"):
        train(table, "y", ["level", "age"])
    result = train(table, "y", ["level", "age"], allow_protected=("age",))
    assert "age" in result.model.feature_names and result.model.metadata["protected_allowed"] == ["age"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: ("nope", None), "outcome column 'nope' is not in the data"),
        (lambda t: ("level", None), "not binary"),
        (lambda t: ("y", ["missing_col"]), "not in the data: missing_col"),
        (lambda t: ("y", ["constant"]), "single value"),
    ],
)
def test_unusable_input_is_named(change, message):
    table = toy(2_000).append_column("constant", pa.array(["same"] * 2_000))
    outcome, features = change(table)
    with pytest.raises(SegmentationDataError, match=message):
        train(table, outcome, features)


def test_one_class_and_too_few_rows():
    table = toy(2_000)
    with pytest.raises(SegmentationDataError, match="one class"):
        train(table.set_column(4, "y", pa.array([True] * 2_000)), "y")
    with pytest.raises(SegmentationDataError, match="too few rows"):
        train(table.slice(0, 50), "y")
    with pytest.raises(SegmentationDataError, match="bins"):
        TrainingSettings(bins=1)


def test_outcome_as_text_or_numbers():
    table = toy(3_000)
    y = table.column("y").to_pylist()
    as_text = table.set_column(4, "y", pa.array(["yes" if v else "no" for v in y]))
    as_int = table.set_column(4, "y", pa.array([int(v) for v in y]))
    assert train(as_text, "y").model.as_dict() == train(as_int, "y").model.as_dict()
