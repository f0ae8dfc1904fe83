"""Vega-Lite specifications of the dashboards' charts (the tables on the page carry the same data)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from careerlens.dashboards.report import indicator_names, rows

SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"
TRENDS = ("job_12m", "outcome_3m", "outcome_12m")


def quarters(indicators, breakdown: str, group: str) -> dict:
    names = indicator_names()
    values = [
        {"quarter": r["quarter"], "indicator": names[r["indicator"]], "share": round(r["value"] * 100, 1)}
        for r in rows(indicators, breakdown=breakdown, group=group)
        if r["quarter"] != "all"
        and r["indicator"] in TRENDS
        and not r["suppressed"]
        and r["value"] is not None
    ]
    return {
        "$schema": SCHEMA,
        "description": _("Job and funded-outcome rates by quarter of referral"),
        "height": 220,
        "data": {"values": values},
        "mark": {"type": "line", "point": True, "tooltip": True},
        "encoding": {
            "x": {"field": "quarter", "type": "ordinal", "title": _("Quarter")},
            "y": {"field": "share", "type": "quantitative", "title": _("Share of clients (%)")},
            "color": {"field": "indicator", "type": "nominal", "title": None, "legend": {"orient": "bottom"}},
        },
    }


def adjusted(adjustment, level: str, units: set[str] | None, labels: dict) -> dict:
    select = {"level": level, "outcome": "job_12m"}
    if units is not None:
        select["unit"] = units
    values = []
    for r in rows(adjustment, **select):
        if r["suppressed"]:
            continue
        name = labels.get(r["unit"], r["unit"])
        values.append({"unit": name, "rate": _("Actual"), "share": round(r["actual_rate"] * 100, 1)})
        values.append(
            {"unit": name, "rate": _("Adjusted for client mix"), "share": round(r["adjusted_rate"] * 100, 1)}
        )
    return {
        "$schema": SCHEMA,
        "description": _("Actual and client-mix-adjusted rates of a job within 12 months"),
        "data": {"values": values},
        "mark": {"type": "bar", "tooltip": True},
        "encoding": {
            "y": {"field": "unit", "type": "nominal", "title": None, "axis": {"labelLimit": 260}},
            "yOffset": {"field": "rate", "type": "nominal"},
            "x": {"field": "share", "type": "quantitative", "title": _("Share of clients (%)")},
            "color": {
                "field": "rate",
                "type": "nominal",
                "title": None,
                "legend": {"orient": "bottom"},
                "scale": {"range": ["#4d4d4d", "#1a5a96"]},
            },
        },
    }
