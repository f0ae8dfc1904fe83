"""The diagnostic charts: Vega-Lite specifications with the result's numbers, titled in either language."""

import json

import pytest

from careerlens.analytics.evaluation import EvaluationSettings, balance_chart, evaluate, overlap_chart

from .toy import confounded


@pytest.fixture(scope="module")
def result():
    return evaluate(
        confounded(1500), "treated", "outcome", ["score", "region"], settings=EvaluationSettings(bootstrap=0)
    )


def test_balance_chart_has_every_covariate_and_moment(result):
    spec = balance_chart(result, "fr")
    points = spec["data"]["values"]
    assert len(points) == len(result.balance.labels) * 4
    assert spec["title"].startswith("Écarts") and "Avant l'ajustement" in {v["when"] for v in points}
    rules = spec["layer"][1]["data"]["values"]
    assert [r["x"] for r in rules] == [-0.1, 0.1]
    json.dumps(spec)  # embeddable as it is


def test_overlap_chart_counts_everyone(result):
    spec = overlap_chart(result, "en")
    values = spec["data"]["values"]
    treated = sum(v["people"] for v in values if v["group"] == "Received the service")
    assert treated == int(result.overlap.treated_counts.sum())
    assert sum(v["people"] for v in values) == result.rows
