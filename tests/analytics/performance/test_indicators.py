"""Indicators against the simulated tables computed directly (NumPy), and the IES rule's settings."""

import numpy as np
import pyarrow.compute as pc
import pytest

from careerlens.analytics.performance import INDICATORS, REGISTRY, PerformanceSettings, report
from careerlens.analytics.performance import facts as facts_module
from careerlens.analytics.performance.breakdowns import BREAKDOWNS
from careerlens.analytics.performance.indicators import KINDS

from .conftest import cell, column


def province(raw, indicator):
    return cell(raw, breakdown="province", quarter="all", indicator=indicator)


def test_the_registry_is_keyed_by_unique_ids_with_known_kinds():
    assert len(REGISTRY) == len(INDICATORS)
    assert all(i.kind in KINDS and i.name_en and i.name_fr for i in INDICATORS)


def test_volumes_and_conversion(raw_report, arrow_tables):
    intake = column(arrow_tables["episodes"], "intake_completed")
    assert province(raw_report, "referred")["value"] == len(intake)
    assert province(raw_report, "intake_completed")["value"] == intake.sum()
    assert province(raw_report, "referral_to_intake")["value"] == pytest.approx(intake.mean())
    interventions = arrow_tables["interventions"]
    started = set(
        column(interventions, "client_id")[pc.is_valid(interventions["start_date"]).to_numpy(False)]
    )
    assert province(raw_report, "served")["value"] == len(started)


@pytest.mark.parametrize("months", [1, 3, 6, 12])
def test_funded_outcomes_follow_the_simulators_ies_rule(raw_report, arrow_tables, months):
    jobs = arrow_tables["jobs"]
    early = set(column(jobs, "client_id")[column(jobs, "months_after_intake") <= 12])
    checkpoints = arrow_tables["checkpoints"]
    at = column(checkpoints, "months") == months
    met = column(checkpoints, "outcome_met")[at]
    ids = column(checkpoints, "client_id")[at]
    expected = sum(1 for i, m in zip(ids, met, strict=True) if m and i in early)
    row = province(raw_report, f"outcome_{months}m")
    assert row["numerator"] == expected
    assert row["denominator"] == column(arrow_tables["episodes"], "intake_completed").sum()


def test_spin_cycle_returns(raw_report, arrow_tables):
    months = column(arrow_tables["ow_spells"], "months_to_return")
    row = province(raw_report, "ow_return_12m")
    assert row["denominator"] == len(months)
    assert row["numerator"] == int(np.sum(np.nan_to_num(months.astype(float), nan=999) <= 12))


def test_median_earnings_and_time_to_job(raw_report, arrow_tables):
    jobs = arrow_tables["jobs"]
    months = column(jobs, "months_after_intake")
    assert province(raw_report, "months_to_job")["value"] == np.median(months[months <= 12])
    assert province(raw_report, "median_earnings_1m")["value"] > 300


def test_a_higher_minimum_wage_setting_funds_fewer_outcomes(snapshot, raw_report):
    strict = facts_module.build(snapshot, PerformanceSettings(min_wage=25.0))
    found = report.compute(strict, [REGISTRY["outcome_3m"]], [BREAKDOWNS[0]], by_quarter=False)
    fewer = cell(found, breakdown="province", indicator="outcome_3m")["numerator"]
    assert 0 < fewer < province(raw_report, "outcome_3m")["numerator"]


def test_bad_settings_are_refused_by_name():
    from careerlens.analytics.performance import PerformanceError

    with pytest.raises(PerformanceError, match="min_wage"):
        PerformanceSettings(min_wage=0)
    with pytest.raises(PerformanceError, match="star_cutoffs"):
        PerformanceSettings(star_cutoffs=(0.1, 0.0, 0.2, 0.3))
