"""Breakdowns add up, quarters cover the year, and no visible cell is about fewer than 10 people."""

import numpy as np
import pyarrow.compute as pc
import pytest

from careerlens.analytics.performance import PerformanceSettings, report
from careerlens.analytics.performance.breakdowns import BREAKDOWNS, PRIORITY_GROUPS
from careerlens.analytics.performance.report import suppress_report

from .conftest import cell, column


def rows(table, **where):
    mask = None
    for key, value in where.items():
        test = pc.equal(table[key], value)
        mask = test if mask is None else pc.and_(mask, test)
    return table.filter(mask)


@pytest.mark.parametrize("breakdown", ["catchment", "ssm", "provider", "stream", "program", "age_band"])
def test_groups_add_up_to_the_province(raw_report, breakdown):
    total = cell(raw_report, breakdown="province", quarter="all", indicator="referred")["value"]
    assert (
        pc.sum(rows(raw_report, breakdown=breakdown, quarter="all", indicator="referred")["value"]).as_py()
        == total
    )


def test_quarters_of_referral_add_up_and_every_breakdown_is_there(raw_report):
    quarters = rows(raw_report, breakdown="province", indicator="referred")
    assert sorted(column(quarters, "quarter")) == ["2025Q1", "2025Q2", "2025Q3", "2025Q4", "all"]
    values = dict(zip(column(quarters, "quarter"), column(quarters, "value"), strict=True))
    assert sum(v for q, v in values.items() if q != "all") == values["all"]
    assert set(column(raw_report, "breakdown")) == {b.id for b in BREAKDOWNS}


def test_priority_groups_include_older_workers(raw_report, arrow_tables):
    groups = rows(raw_report, breakdown="priority_group", quarter="all", indicator="referred")
    assert set(column(groups, "group")) == set(PRIORITY_GROUPS)
    older = cell(
        raw_report, breakdown="priority_group", group="older_worker", quarter="all", indicator="referred"
    )
    assert older["value"] == (column(arrow_tables["clients"], "age") >= 55).sum()


def test_no_visible_cell_is_about_fewer_than_ten_people(full_report):
    table = full_report.tables["indicators"]
    shown = table.filter(pc.invert(table["suppressed"]))
    for name in ("numerator", "denominator"):
        values = np.nan_to_num(column(shown, name).astype(float), nan=10)
        assert not np.any((values > 0) & (values < 10)), name
    assert pc.sum(table["suppressed"]).as_py() > 0


def test_a_lone_small_group_hides_a_second_one(raw_report):
    small = (
        raw_report.slice(0, 3)
        .set_column(raw_report.schema.get_field_index("numerator"), "numerator", [[5, 400, 500]])
        .set_column(raw_report.schema.get_field_index("denominator"), "denominator", [[1000, 800, 900]])
    )
    small = small.set_column(0, "breakdown", [["x"] * 3]).set_column(2, "quarter", [["all"] * 3])
    small = small.set_column(3, "indicator", [["outcome_3m"] * 3])
    assert column(suppress_report(small), "suppressed").tolist() == [True, True, False]


def test_the_report_times_each_stage(full_report):
    assert list(full_report.seconds) == [
        "facts",
        "indicators",
        "funding_counts",
        "adjustment_fit",
        "adjustment_predict",
        "adjustment_compare",
        "creaming_counts",
        "funding_rules",
    ]
    assert all(seconds >= 0 for seconds in full_report.seconds.values())


def test_the_portable_temporary_facts_give_the_same_report(snapshot, raw_report):
    """On DuckDB the facts go into a compressed in-memory database; the temporary table every other
    backend gets (snapshot.store(compress=False)) gives the same report."""
    temporary = report.compute(report.materialise(snapshot, PerformanceSettings(), compress=False))
    assert temporary.num_rows == raw_report.num_rows
    for name in ("breakdown", "group", "quarter", "indicator", "numerator", "denominator"):
        assert temporary[name].equals(raw_report[name]), name
    # sums of floating-point values (the means) may add up in another order
    assert np.allclose(column(temporary, "value"), column(raw_report, "value"), rtol=1e-12, equal_nan=True)
