"""The evaluation API's content: a run on the analytics snapshot returns the result careerlens evaluate
--format json prints (one object per method, the recommended method, subgroups with small cells
suppressed), and reading it back gives the same."""

from __future__ import annotations

import json

KEYS = ["method", "estimand", "estimate", "ci_low", "ci_high", "n_treated", "n_control", "n_trimmed"]


def test_an_evaluation_through_the_api(world, client_for, settings):
    settings.EVALUATION_BOOTSTRAP = 20
    browser = client_for("analyst")
    payload = {"treatment": "skills_training", "outcome": "earnings_12m", "by": "indigenous"}
    response = browser.post("/api/v1/evaluations", json.dumps(payload), content_type="application/json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["treatment"], body["outcome"], body["by"]) == (
        "skills_training",
        "earnings_12m",
        "indigenous",
    )
    assert body["source"] == "snapshot" and "rest_of_plan_skills_training" in body["covariates"]
    result = body["result"]
    assert result["outcome"] == "earnings_12m" and result["rows"] > 1000
    assert [list(row) for row in result["methods"]] == [KEYS] * len(result["methods"])
    by_method = {(row["method"], row["estimand"]): row for row in result["methods"]}
    assert {("naive", "difference"), ("doubly_robust", "ATT"), ("matching_no_replacement", "ATT")} <= set(
        by_method
    )
    for row in result["methods"]:
        assert row["ci_low"] <= row["ci_high"] and row["n_treated"] > 0 and row["n_control"] > 0
    chosen = result["recommended"]
    if chosen is not None:
        assert (chosen["method"], chosen["estimand"]) in by_method
    assert result["supported"] is (chosen is not None)
    groups = {g["value"]: g for g in result["subgroups"]}
    assert set(groups) == {"true", "false"}
    for group in groups.values():
        if group["suppressed"]:
            assert group["n_treated"] is None and group["estimates"] == []
        else:
            assert group["n_treated"] >= settings.SMALL_CELL_THRESHOLD
    assert set(result["diagnostics"]) == {"balance", "overlap", "methods", "specification"}
    again = browser.get(f"/api/v1/evaluations/{body['id']}").json()
    assert again["result"] == result
    listed = browser.get("/api/v1/evaluations").json()
    assert body["id"] in {run["id"] for run in listed}


def test_the_api_refuses_an_unknown_grouping_with_a_reason(world, client_for):
    payload = {"treatment": "skills_training", "outcome": "earnings_12m", "by": "star_sign"}
    response = client_for("analyst").post(
        "/api/v1/evaluations", json.dumps(payload), content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"][-1] == "by"
