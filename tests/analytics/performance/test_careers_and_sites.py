"""Permanence, a job in the field of the career goal, credentials and the site breakdown: against the
simulator's truth, adding up to providers, suppressed like every breakdown, and empty (not failing) on a
snapshot written before their columns existed."""

import ibis
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pytest

from careerlens.analytics.performance import PerformanceSettings, report
from careerlens.analytics.performance.snapshot import load_arrow
from careerlens.analytics.synth import simulate, writer

from .conftest import cell

NEW_COLUMNS = {
    "episodes": ("site_id", "goal_noc"),
    "jobs": ("contract_type", "goal_field"),
    "interventions": ("credential",),
}
CAREER_INDICATORS = ("permanent_job", "job_in_goal_field", "credential_earned")


def _sigma(p: float, n: int) -> float:
    return float(np.sqrt(p * (1 - p) / n))


def test_permanent_jobs_recover_the_simulators_rate(raw_report, truth):
    row = province_cell(raw_report, "permanent_job")
    expected = truth["careers"]["permanent_job"]["expected"]
    assert abs(row["value"] - expected) < 4 * _sigma(expected, row["denominator"])


def test_credentials_recover_the_simulators_rate(raw_report, truth, province):
    row = province_cell(raw_report, "credential_earned")
    careers = province.careers
    completed = careers.training_completed & province.referrals.intake
    assert row["denominator"] == completed.sum()
    assert row["numerator"] == (careers.credential[completed] >= 0).sum()
    expected = truth["careers"]["credential_earned"]["expected"]
    assert abs(row["value"] - expected) < 4 * _sigma(expected, row["denominator"])


def province_cell(raw, indicator):
    return cell(raw, breakdown="province", quarter="all", indicator=indicator)


def test_jobs_in_the_goals_field_are_the_simulators(raw_report, province):
    jobs, careers = province.jobs, province.careers
    counted = (province.job_month[jobs.client] <= 12) & (careers.goal[jobs.client] >= 0)
    row = province_cell(raw_report, "job_in_goal_field")
    assert row["denominator"] == counted.sum()
    assert row["numerator"] == careers.goal_field[counted].sum()


def _whole(raw, breakdown, indicator):
    rows = raw.filter(
        pc.and_(
            pc.and_(pc.equal(raw["breakdown"], breakdown), pc.equal(raw["quarter"], "all")),
            pc.equal(raw["indicator"], indicator),
        )
    )
    return rows.to_pylist()


@pytest.mark.parametrize(
    "indicator", ["referred", "served", "outcome_12m", "permanent_job", "credential_earned"]
)
def test_site_totals_add_up_to_provider_totals(raw_report, arrow_tables, indicator):
    sites = arrow_tables["sites"]
    provider_of = dict(
        zip(sites["site_id"].to_pylist(), sites["provider_id"].cast(pa.string()).to_pylist(), strict=True)
    )
    summed: dict[str, list[int]] = {}
    for row in _whole(raw_report, "site", indicator):
        totals = summed.setdefault(provider_of[row["group"]], [0, 0])
        totals[0] += row["numerator"] or 0
        totals[1] += row["denominator"] or 0
    providers = _whole(raw_report, "provider", indicator)
    assert len(providers) == len(summed)
    for row in providers:
        assert summed[row["group"]] == [row["numerator"] or 0, row["denominator"] or 0], row["group"]


def test_suppression_applies_to_sites(raw_report):
    """No visible site cell is about 1 to 9 people, and no line of sites hides a single cell alone."""
    table = report.suppress_report(raw_report)
    sites = table.filter(pc.equal(table["breakdown"], "site"))
    hidden = sites["suppressed"].to_numpy(zero_copy_only=False)
    assert hidden.any()
    for name in ("numerator", "denominator"):
        values = np.nan_to_num(sites[name].to_numpy(zero_copy_only=False).astype(float), nan=10)
        assert not np.any((values > 0) & (values < 10) & ~hidden), name
    lines = pc.binary_join_element_wise(sites["quarter"], sites["indicator"], "|").to_pylist()
    per_line: dict[str, int] = {}
    for line, hide in zip(lines, hidden, strict=True):
        per_line[line] = per_line.get(line, 0) + int(hide)
    assert 1 not in per_line.values()


@pytest.fixture(scope="module")
def older_snapshot_report():
    """A small province written without the columns the simulator gained for these indicators."""
    tables = writer.tables(simulate(4000, 5))
    older = {
        name: table.drop_columns(list(NEW_COLUMNS.get(name, ())))
        for name, table in tables.items()
        if name != "sites"
    }
    snapshot = load_arrow(ibis.duckdb.connect(), older)
    return report.compute(report.materialise(snapshot, PerformanceSettings()), by_quarter=False)


def test_an_older_snapshot_yields_empty_career_indicators(older_snapshot_report):
    for indicator in CAREER_INDICATORS:
        row = province_cell(older_snapshot_report, indicator)
        assert row["denominator"] == 0 and row["value"] is None, indicator
    assert province_cell(older_snapshot_report, "referred")["value"] == 4000


def test_an_older_snapshot_counts_each_provider_as_one_site(older_snapshot_report):
    by_site = {r["group"]: r["value"] for r in _whole(older_snapshot_report, "site", "referred")}
    by_provider = {r["group"]: r["value"] for r in _whole(older_snapshot_report, "provider", "referred")}
    assert by_site == by_provider
