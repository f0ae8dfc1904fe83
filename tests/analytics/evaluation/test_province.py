"""The evaluation table of a simulated province: one row per client with intake, the plan as yes/no
columns, the rest of each plan, and outcomes that agree with the simulator's own tables."""

import numpy as np
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from careerlens.analytics.evaluation import EvaluationError, covariates_for, evaluation_table, read_directory
from careerlens.analytics.evaluation.province import GROUPINGS, INTERVENTIONS, OUTCOMES


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
