"""The whole evaluation: JSON shape, the recommendation rule and its statements, subgroups with small-cell
suppression, and the specification checks."""

import dataclasses
import json

import numpy as np
import pyarrow as pa
import pytest

from careerlens.analytics.evaluation import EvaluationSettings, evaluate
from careerlens.analytics.evaluation.diagnostics import Balance, Overlap
from careerlens.analytics.evaluation.recommend import recommend

from .toy import EFFECT, confounded

FAST = EvaluationSettings(bootstrap=40, seed=1)


@pytest.fixture(scope="module")
def result():
    table = confounded(3000)
    region = np.array(table.column("region").to_pylist(), dtype=object)
    region[:12] = "tiny"  # a small cell, to be suppressed
    table = table.set_column(2, "region", pa.array(region.astype(str)))
    return evaluate(table, "treated", "outcome", ["score"], by="region", settings=FAST)


def test_json_has_one_object_per_method_and_names_the_recommended_one(result):
    data = result.as_dict()
    assert list(data)[:2] == ["methods", "recommended"]
    assert data["recommended"] == {"method": "doubly_robust", "estimand": "ATT"}
    assert data["supported"] and data["statements"] == []
    keys = ["method", "estimand", "estimate", "ci_low", "ci_high", "n_treated", "n_control", "n_trimmed"]
    assert [list(row) for row in data["methods"]] == [keys] * len(result.estimates)
    assert [(m["method"], m["estimand"]) for m in data["methods"]] == [
        (e.method, e.estimand) for e in result.estimates
    ]
    assert ("doubly_robust", "ATT") in {(m["method"], m["estimand"]) for m in data["methods"]}
    # the report's richer rows (with labels and a recommended flag) are kept under "estimates"
    assert all(set(keys) <= set(row) for row in data["estimates"])
    assert sum(row["recommended"] for row in data["estimates"]) == 1
    chosen = result.recommended
    assert chosen.ci_low <= EFFECT <= chosen.ci_high
    assert all(set(c) == {"code", "en", "fr"} for c in data["caveats"])
    balance = data["diagnostics"]["balance"]
    assert balance["largest"]["before"] > 0.2 and balance["largest"]["weighting"] < 0.1
    overlap = data["diagnostics"]["overlap"]
    assert len(overlap["treated"]) == FAST.histogram_bins and sum(overlap["treated"]) == chosen.n_treated
    assert overlap["propensity_model_converged"] and 0 < overlap["caliper"] < 1


def test_small_subgroups_are_suppressed(result):
    groups = {g.value: g for g in result.subgroups}
    assert set(groups) == {"a", "b", "c", "tiny"}
    assert groups["tiny"].suppressed and groups["tiny"].estimates == ()
    assert groups["tiny"].as_dict()["n_treated"] is None
    # complementary suppression hides more cells, so the tiny one cannot be recovered from the total
    hidden = [value for value, g in groups.items() if g.suppressed and value != "tiny"]
    shown = [g for g in groups.values() if not g.suppressed]
    assert hidden and shown
    for group in shown:
        found = group.find("doubly_robust", "ATT")
        assert found.ci_low <= EFFECT <= found.ci_high


def test_too_few_treated_says_so_in_both_languages():
    table = confounded(2000)
    treated = np.zeros(2000, dtype=bool)
    treated[:12] = True
    table = table.set_column(0, "treated", pa.array(treated))
    found = evaluate(table, "treated", "outcome", ["score", "region"], settings=FAST)
    assert found.recommendation.method is None and not found.as_dict()["supported"]
    (said,) = found.statements
    assert said["code"] == "too_few" and "12" in said["en"] and "12" in said["fr"]


def test_no_overlap_says_so():
    rng = np.random.default_rng(3)
    score = rng.standard_normal(3000)
    treated = rng.random(3000) < 1 / (1 + np.exp(-12 * score))
    table = pa.table({"t": treated, "score": score, "y": score + treated + rng.standard_normal(3000)})
    found = evaluate(table, "t", "y", ["score"], settings=FAST)
    assert found.recommendation.reason == "no_overlap"
    assert found.statements[0]["code"] == "no_overlap"


def test_leaving_out_a_confounder_is_flagged():
    table = confounded(3000)
    found = evaluate(table, "treated", "outcome", ["score", "region"], settings=FAST)
    dropped = {row["dropped"]: row["estimates"] for row in found.specification}
    assert dropped["score"]["doubly_robust"] > EFFECT + 0.3  # without the confounder, the bias comes back
    assert abs(dropped["region"]["doubly_robust"] - EFFECT) < 0.2
    codes = [s["code"] for s in found.statements]
    assert codes == ["specification_sensitive"] and "'score'" in found.statements[0]["en"]
    assert "«\u00a0score\u00a0»" in found.statements[0]["fr"]


def _diagnostics(weighting, matching, before, effective=0.5, matched=1.0):
    after = {
        "weighting": np.array([weighting]),
        "matching_replacement": np.array([matching]),
        "matching_no_replacement": np.array([matching]),
    }
    balance = Balance(("x",), np.array([before]), after)
    overlap = Overlap(
        np.linspace(0, 1, 3),
        np.array([50, 50]),
        np.array([50, 50]),
        0,
        0,
        (0.1, 0.9),
        (0.1, 0.9),
        effective,
        {"matching_replacement": matched, "matching_no_replacement": matched},
        caliper=0.1,
        converged=True,
    )
    return balance, overlap


@pytest.mark.parametrize(
    ("diagnostics", "method"),
    [
        ({"weighting": 0.05, "matching": 0.05, "before": 0.5}, "doubly_robust"),
        ({"weighting": 0.05, "matching": 0.05, "before": 0.5, "effective": 0.05}, "matching_replacement"),
        ({"weighting": 0.2, "matching": 0.05, "before": 0.2, "matched": 0.5}, "regression"),
        ({"weighting": 0.2, "matching": 0.2, "before": 0.2}, "regression"),
        ({"weighting": 0.2, "matching": 0.2, "before": 0.5}, None),
    ],
)
def test_the_recommendation_rule(diagnostics, method):
    balance, overlap = _diagnostics(**diagnostics)
    found = recommend(balance, overlap, 100, 100, EvaluationSettings())
    assert found.method == method
    if method is None:
        assert found.statements[0]["code"] == "imbalance"


def test_settings_are_checked():
    with pytest.raises(ValueError, match="confidence"):
        EvaluationSettings(confidence=1.5)
    assert dataclasses.asdict(EvaluationSettings()) == EvaluationSettings().as_dict()


def test_the_result_is_strict_json_even_with_a_constant_covariate():
    table = confounded(1000)
    table = table.append_column("constant", pa.array([1.0] * 1000))
    found = evaluate(table, "treated", "outcome", ["score", "constant"], by="region", settings=FAST)
    text = json.dumps(found.as_dict(), allow_nan=False)
    assert '"covariate": "constant"' in text
