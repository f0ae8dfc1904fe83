"""Contract types, career goals, credentials and sites of the simulated province, read from its Parquet
files, against the model's settings and truth.json."""

import dataclasses

import numpy as np
import pyarrow.compute as pc
import pytest

from careerlens.analytics.synth import SimConfig, careers, simulate, writer
from careerlens.analytics.synth.config import CONTRACT_TYPES, CREDENTIALS

from .conftest import column


def _present(table, name) -> np.ndarray:
    return pc.is_valid(table[name]).to_numpy(zero_copy_only=False)


def _within(realised: float, expected: float, n: int, sigmas: float = 4.0) -> bool:
    return abs(realised - expected) <= sigmas * np.sqrt(expected * (1 - expected) / n)


def test_permanent_share_matches_the_model(tables, truth_json):
    contract = column(tables["jobs"], "contract_type")
    assert set(contract) <= set(CONTRACT_TYPES)
    expected = truth_json["careers"]["permanent_job"]["expected"]
    assert 0.5 < expected < 0.75
    assert _within(float(np.mean(contract == "permanent")), expected, len(contract))


def test_placements_and_part_time_are_less_often_permanent(province):
    jobs, c = province.jobs, province.careers
    placement = province.action.assigned[jobs.client, 3]
    permanent = c.contract == 0
    assert permanent[placement].mean() < permanent[~placement].mean() - 0.05
    assert permanent[jobs.hours < 30].mean() < permanent[jobs.hours >= 30].mean() - 0.05


def test_seasonal_work_is_commoner_in_seasonal_catchments(tables):
    jobs = tables["jobs"].join(tables["clients"].select(["client_id", "catchment"]), "client_id")
    seasonal = column(jobs, "contract_type") == "seasonal"
    rural = np.isin(column(jobs, "catchment").astype(str), SimConfig().seasonal_catchments)
    assert seasonal[rural].mean() > 1.5 * seasonal[~rural].mean()


def test_goal_is_set_at_intake_only_and_mostly_coded(tables):
    episodes = tables["episodes"]
    coded = _present(episodes, "goal_noc")
    intake = column(episodes, "intake_completed")
    assert not coded[~intake].any()
    missing = 1 - coded[intake].mean()
    assert 0.03 < missing < 0.07


def test_goal_field_is_the_broad_category_of_job_and_goal(tables):
    jobs = tables["jobs"].join(tables["episodes"].select(["client_id", "goal_noc"]), "client_id")
    has_goal = _present(jobs, "goal_noc")
    assert np.array_equal(_present(jobs, "goal_field"), has_goal)
    pairs = zip(column(jobs, "noc")[has_goal], column(jobs, "goal_noc")[has_goal], strict=True)
    same_category = np.array([str(n)[0] == str(g)[0] for n, g in pairs])
    assert np.array_equal(column(jobs, "goal_field")[has_goal].astype(bool), same_category)


def test_same_field_jobs_are_mostly_in_the_goals_field(province):
    jobs, c = province.jobs, province.careers
    with_goal = c.goal[jobs.client] >= 0
    same = c.goal_field[jobs.same_field & with_goal].mean()
    other = c.goal_field[~jobs.same_field & with_goal].mean()
    assert same > 0.85 and other < 0.6


def test_credentials_only_for_completed_skills_training(tables, truth_json):
    i = tables["interventions"]
    credential = column(i, "credential")
    earned = _present(i, "credential")
    kind, status = column(i, "intervention"), column(i, "status")
    completed = (kind == "skills_training") & (status == "completed")
    assert not earned[~completed].any()
    assert set(credential[earned]) <= set(CREDENTIALS)
    expected = truth_json["careers"]["credential_earned"]["expected"]
    assert _within(float(earned[completed].mean()), expected, int(completed.sum()))


def test_sites_belong_to_their_providers_catchment(tables):
    sites, providers, episodes = tables["sites"], tables["providers"], tables["episodes"]
    ids = column(sites, "site_id")
    assert len(set(ids)) == len(ids)
    counts = pc.value_counts(sites["provider_id"].cast("string")).field("counts").to_numpy()
    assert counts.min() >= 1 and counts.max() <= 4
    assert len(counts) == providers.num_rows
    catchment_of = dict(zip(column(providers, "provider_id"), column(providers, "catchment"), strict=True))
    pairs = zip(column(sites, "provider_id"), column(sites, "catchment"), strict=True)
    assert all(catchment_of[p] == c for p, c in pairs)
    provider_of = dict(zip(ids, column(sites, "provider_id"), strict=True))
    site, provider = column(episodes, "site_id"), column(episodes, "provider_id")
    assert all(provider_of[s] == p for s, p in zip(site, provider, strict=True))
    main = column(sites, "main_site")
    share_main = np.isin(site, ids[main]).mean()
    assert share_main > 1 / 2.5  # the main office serves more than an even share


def test_career_settings_move_no_earlier_column():
    """The new draws come from their own streams: changing their settings leaves every earlier column."""
    changed = dataclasses.replace(
        SimConfig(),
        permanent_intercept=-1.0,
        goal_missing_share=0.5,
        credential_intercept=-2.0,
        sites_per_provider=(3, 4),
    )
    new_columns = {
        "episodes": {"site_id", "goal_noc"},
        "jobs": {"contract_type", "goal_field"},
        "interventions": {"credential"},
    }
    base, other = writer.tables(simulate(3000, 5)), writer.tables(simulate(3000, 5, changed))
    for name, table in base.items():
        if name in ("sites",):
            continue
        kept = [c for c in table.column_names if c not in new_columns.get(name, set())]
        assert table.select(kept).equals(other[name].select(kept)), name
    assert not base["jobs"]["contract_type"].equals(other["jobs"]["contract_type"])


@pytest.mark.parametrize("codes, expected", [(np.array(["31301", "00010"], dtype=object), [3, 0])])
def test_broad_category_is_the_first_digit(codes, expected):
    assert careers.broad_category(codes).tolist() == expected
