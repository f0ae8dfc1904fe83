"""The evaluation table of a simulated province: one row per client with intake, the plan as yes/no
columns, the rest of each plan, and outcomes that agree with the simulator's own tables."""

import numpy as np
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from careerlens.analytics.evaluation import EvaluationError, covariates_for, evaluation_table, read_directory
from careerlens.analytics.evaluation.province import GROUPINGS, INTERVENTIONS, OUTCOMES, PRIORITY_GROUPS


def test_one_row_per_client_with_intake(table, province_tables):
    episodes = province_tables["episodes"]
    assert table.num_rows == pc.sum(episodes.column("intake_completed")).as_py()
    ids = table.column("client_id").to_numpy()
    assert (np.diff(ids) > 0).all()
    for name in [*OUTCOMES, *GROUPINGS, *covariates_for("basic_skills")]:
        assert name in table.column_names


def test_the_plan_and_the_rest_of_it(table, province_tables):
    plans = province_tables["interventions"]
    assert sum(pc.sum(table.column(name)).as_py() for name in INTERVENTIONS) == plans.num_rows
    row = table.slice(0, 200).to_pylist()
    for client in row:
        others = [n for n in INTERVENTIONS if n != "skills_training" and client[n]]
        assert client["rest_of_plan_skills_training"] == ("+".join(others) or "none")


def test_outcomes_agree_with_the_simulator(table, truth):
    observed = table.column("job_12m").to_numpy().mean()
    expected = truth.column("p_job_12m").to_numpy().mean()
    assert observed == pytest.approx(expected, abs=0.01)
    outcome = table.column("outcome_12m").to_numpy().mean()
    assert outcome == pytest.approx(truth.column("p_outcome_12m").to_numpy().mean(), abs=0.01)
    assert (table.column("outcome_12m").to_numpy() <= table.column("job_12m").to_numpy()).all()
    ow = table.column("program").to_numpy(zero_copy_only=False) == "ontario_works"
    assert table.column("ow_return_12m").null_count >= (~ow).sum()
    bands = set(table.column("age_band").to_pylist())
    assert bands == {"16-29", "30-44", "45-54", "55+"}


def test_a_directory_that_is_not_a_province_is_refused(tmp_path, province_tables):
    with pytest.raises(EvaluationError, match="missing clients.parquet"):
        read_directory(tmp_path)
    with pytest.raises(EvaluationError, match="lacks the table"):
        evaluation_table({"clients": province_tables["clients"]})
    for name in ("clients", "episodes", "interventions", "jobs", "checkpoints", "ow_spells", "assessments"):
        pq.write_table(province_tables[name].slice(0, 3000), tmp_path / f"{name}.parquet")
    assert evaluation_table(read_directory(tmp_path)).num_rows > 2000


def test_earnings_at_the_12_month_checkpoint(table, province_tables):
    """earnings_12m: hours a week times hourly wage at the 12-month checkpoint of the job started within 12
    months of intake, 0 without one or once left; the simulator records every checkpoint, so no nulls."""
    earnings = table.column("earnings_12m")
    assert earnings.null_count == 0
    values = earnings.to_numpy()
    job = table.column("job_12m").to_numpy(zero_copy_only=False)
    outcome = table.column("outcome_12m").to_numpy(zero_copy_only=False)
    assert (values[~job] == 0).all() and (values[outcome] > 0).all() and (values >= 0).all()
    jobs = province_tables["jobs"].to_pandas().set_index("client_id")
    checks = province_tables["checkpoints"].to_pandas()
    at_12 = checks[checks["months"] == 12].set_index("job_id")
    ids = table.column("client_id").to_numpy()
    for row in np.flatnonzero(job)[:300]:
        found = at_12.loc[jobs.loc[ids[row], "job_id"]]
        expected = found["hours_per_week"] * found["hourly_wage"] if found["employed"] else 0.0
        assert values[row] == pytest.approx(expected, abs=0.01)
    assert 0 < (values > 0).mean() < job.mean()


def test_earnings_missing_when_the_checkpoint_is_not_recorded(province_tables):
    """From an export: a job within 12 months whose 12-month checkpoint is not (yet) recorded has unknown
    earnings, not zero."""
    checks = province_tables["checkpoints"]
    partial = {**province_tables, "checkpoints": checks.filter(pc.not_equal(checks.column("months"), 12))}
    found = evaluation_table(partial)
    job = found.column("job_12m").to_numpy(zero_copy_only=False)
    assert found.column("earnings_12m").null_count == job.sum()


def test_priority_groups_are_yes_no_columns_as_recorded(table, province_tables):
    clients = province_tables["clients"].to_pandas().set_index("client_id")
    people = clients.loc[table.column("client_id").to_numpy()]
    recorded = {
        "francophone": people["francophone"].astype(object) == "yes",
        "indigenous": people["indigenous"].astype(object) == "yes",
        "newcomer": people["newcomer"].fillna(False).astype(bool),
        "racialized": people["racialized"].fillna(False).astype(bool),
        "disability": ~people["disability"].astype(object).isin(["none", "prefer_not_to_answer", None]),
    }
    assert set(recorded) == set(PRIORITY_GROUPS) and set(PRIORITY_GROUPS) <= set(GROUPINGS)
    for name, expected in recorded.items():
        column = table.column(name)
        assert column.type == "bool" and column.null_count == 0, name
        assert (column.to_numpy(zero_copy_only=False) == expected.to_numpy()).all(), name
        assert 0.01 < expected.mean() < 0.5, name
