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


@pytest.fixture(scope="module")
def counts(facts):
    return funding.counts(facts)


def by_component(book, name):
    rows = book.filter(pc.equal(book["component"], name))
    return pc.sum(rows["amount"]).as_py(), pc.sum(rows["people"]).as_py()


@pytest.mark.parametrize("name", ["default", "alternative"])
def test_payments_match_a_hand_computation(counts, arrow_tables, name):
    chosen = rules.load(rules.shipped(name))
    book = funding.ledger(counts, chosen)
    intakes = column(arrow_tables["episodes"], "intake_completed").sum()
    operational = (intakes * chosen.operational_per_intake, intakes)
    assert by_component(book, "operational") == pytest.approx(operational)
    returns = np.nan_to_num(column(arrow_tables["ow_spells"], "months_to_return").astype(float), nan=99) <= 12
    assert by_component(book, "penalties")[0] == pytest.approx(-chosen.ow_return_penalty * returns.sum())
    outcomes, incentives = by_component(book, "outcomes")[0], by_component(book, "incentives")[0]
    assert 0 <= incentives < 0.25 * outcomes
    assert (incentives > 0) == (chosen.priority_group_incentive > 0)


def test_outcome_payments_follow_the_checkpoints_funded(counts, facts):
    """$ per stream and checkpoint times the funded outcomes in the facts, for every rule file."""
    default = rules.load()
    people = facts.filter(facts.intake).to_pyarrow()
    due = 0.0
    for stream, by_month in default.outcome_payments.items():
        mine = people.filter(pc.equal(people["stream"], stream))
        for months, amount in by_month.items():
            due += amount * pc.sum(pc.cast(mine[f"outcome_{months}m"], "int64")).as_py()
    assert by_component(funding.ledger(counts, default), "outcomes")[0] == pytest.approx(due)


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
