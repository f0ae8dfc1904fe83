"""Funding rules: the rule file's checks, payments against a hand computation, two rule files side by
side, and the creaming check."""

import numpy as np
import pyarrow.compute as pc
import pytest

from careerlens.analytics.performance import PerformanceError, funding, rules

from .conftest import column

GOOD = (rules.shipped("default")).read_text()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("share = 0.70", "share = 1.5"), "operational.share must be between 0 and 1"),
        (("share = 0.70", ""), "missing key operational.share"),
        (("12 = 900.0", "12 = -1"), "outcomes.C.12 must be zero or more"),
        (("12 = 900.0", "24 = 900.0"), "unknown key outcomes.C.24"),
        (("ow_return_12m = 300.0", 'ow_return_12m = "high"'), "penalties.ow_return_12m must be a number"),
        (("[costs]", "[cost]"), "unknown key cost"),
        (("name_en = ", "title = "), "unknown key title"),
        (("[incentives]", "[incentives"), "not valid TOML"),
    ],
)
def test_a_bad_rule_file_is_refused_naming_the_key(tmp_path, change, message):
    path = tmp_path / "rules.toml"
    path.write_text(GOOD.replace(*change))
    with pytest.raises(PerformanceError, match=message):
        rules.load(path)


def test_a_missing_rule_file_is_refused(tmp_path):
    with pytest.raises(PerformanceError, match="cannot read"):
        rules.load(tmp_path / "none.toml")


def test_payments_match_a_hand_computation(snapshot, facts, arrow_tables):
    default = rules.load()
    lines = funding.payment_lines(snapshot, facts, default)
    by_component = lines.group_by("component").aggregate(amount=lines.amount.sum()).to_pyarrow().to_pylist()
    amounts = {r["component"]: r["amount"] for r in by_component}
    intakes = column(arrow_tables["episodes"], "intake_completed").sum()
    assert amounts["operational"] == pytest.approx(intakes * 2500 * 0.70)
    returns = np.nan_to_num(column(arrow_tables["ow_spells"], "months_to_return").astype(float), nan=99) <= 12
    assert amounts["penalties"] == pytest.approx(-300.0 * returns.sum())
    assert 0 < amounts["incentives"] < 0.25 * amounts["outcomes"]


def test_payments_per_quarter_add_up_and_small_cells_are_hidden(full_report):
    table = full_report.tables["payments_ssm"]
    assert set(column(table, "unit")) and len(set(column(table, "unit"))) == 15
    people = column(table, "penalties_people").astype(float)
    assert not np.any((people > 0) & (people < 10))
    shown = table.filter(pc.is_valid(table["total_amount"]))
    parts = sum(np.nan_to_num(column(shown, f"{c}_amount").astype(float)) for c in funding.COMPONENTS)
    assert np.allclose(parts, column(shown, "total_amount"))


def test_two_rule_files_side_by_side(full_report):
    table = full_report.tables["comparison"]
    assert set(column(table, "level")) == {"provider", "ssm"}
    assert np.allclose(column(table, "difference"), column(table, "amount_b") - column(table, "amount_a"))
    assert column(table, "rules_b")[0].endswith("alternative.toml")


def test_creaming_check_shows_margins_rising_with_ease_of_placement(full_report):
    table = full_report.tables["creaming"]
    assert column(table, "segment").tolist() == [1, 2, 3, 4, 5]
    expected = column(table, "expected_outcome")
    assert np.all(np.diff(expected) > 0)
    assert funding.creaming_gap(table) > 0
    assert funding.creaming_gap(full_report.tables["creaming_compare"]) > 0
