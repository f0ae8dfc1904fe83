import numpy as np
import pytest

from careerlens.analytics.synth.config import INTERVENTIONS

from .conftest import column


def test_truth_json_carries_the_model(truth_json, province):
    assert truth_json["seed"] == province.seed and truth_json["clients"] == province.n
    assert truth_json["hazard"]["coefficients"] == province.cfg.hazard
    assert set(truth_json["intervention_effects"]) == set(INTERVENTIONS)
    assert len(truth_json["providers"]) == len(province.network.provider_ids)
    first = province.network.provider_ids[0]
    assert truth_json["providers"][first]["value_added"] == pytest.approx(
        province.network.provider_effect[0], abs=1e-6
    )
    assert len(truth_json["practitioners"]) == len(province.network.practitioner_ids)


def test_effects_differ_by_group_as_set(truth_json):
    effects = truth_json["average_effects"]
    training = effects["skills_training"]["ate_job_12m"]
    assert training["long_term_unemployed"] > training["not_long_term_unemployed"] + 0.03
    placement = effects["work_placement"]["ate_job_12m"]
    assert placement["youth_16_29"] > placement["age_30_plus"] + 0.02
    basic = effects["basic_skills"]["ate_job_12m"]
    assert basic["less_than_high_school"] > basic["all"] + 0.02
    search = effects["job_search"]["ate_job_12m"]
    assert search["ei_early_in_claim"] > search["all"]
    counselling = effects["career_counselling"]
    assert counselling["ate_outcome_12m"] > counselling["ate_job_12m"]["all"]


def test_probabilities_are_probabilities(tables):
    t = tables["truth_clients"]
    for name in t.column_names:
        if name.startswith(("p_", "propensity_", "risk_")):
            values = column(t, name)
            values = values[~np.isnan(values)]
            assert ((values >= 0) & (values <= 1)).all(), name
    assert (column(t, "p_outcome_12m") <= column(t, "p_outcome_3m") + 1e-6).all()
    assert (column(t, "p_outcome_3m") <= column(t, "p_job_12m") + 1e-6).all()


def test_individual_effects_are_with_minus_without(province):
    intake = province.referrals.intake
    ite = province.truth["ite_job_12m_job_search"]
    assert (ite[intake] > 0).all()
    assert np.isnan(province.truth["p_ow_return_12m"][province.people["program"] != 0]).all()


def test_true_values_sit_beside_the_recorded_ones(tables):
    truth, clients = tables["truth_clients"], tables["clients"]
    assert np.array_equal(column(truth, "client_id"), column(clients, "client_id"))
    recorded = column(clients, "disability")
    true = column(truth, "disability")
    hidden = (recorded == "none") & (true != "none")
    assert hidden.sum() > 100
    assert not ((recorded == "mental_health") & (true != "mental_health")).any()


def test_no_full_time_job_probabilities_match_the_simulated_rates(tables):
    truth, episodes, jobs = tables["truth_clients"], tables["episodes"], tables["jobs"]
    intake = column(episodes, "intake_completed")
    full_time_soon = np.zeros(len(intake), dtype=bool)
    soon = (column(jobs, "months_after_intake") <= 12) & (column(jobs, "hours_per_week") >= 20)
    full_time_soon[column(jobs, "client_id")[soon] - 1] = True
    expected = column(truth, "p_no_full_time_job_12m")[intake]
    observable = column(truth, "p_no_full_time_job_12m_observable")[intake]
    assert (~full_time_soon[intake]).mean() == pytest.approx(expected.mean(), abs=0.01)
    assert observable.mean() == pytest.approx(expected.mean(), abs=0.01)
    # integrating out the unobserved part keeps the mean and narrows the spread
    assert observable.std() < expected.std()
    assert (column(truth, "p_no_full_time_job_12m") >= 1 - column(truth, "p_job_12m") - 1e-6).all()


def test_observable_ow_return_matches_the_simulated_rate(tables):
    truth, spells = tables["truth_clients"], tables["ow_spells"]
    leavers = column(spells, "client_id") - 1
    months = column(spells, "months_to_return")
    back = np.nan_to_num(months.astype(float), nan=99) <= 12
    observable = column(truth, "p_ow_return_12m_observable")
    assert observable[leavers].mean() == pytest.approx(back.mean(), abs=0.02)
    assert observable[leavers].mean() == pytest.approx(
        column(truth, "p_ow_return_12m")[leavers].mean(), abs=0.01
    )
    on_ow = ~np.isnan(column(truth, "p_ow_return_12m"))
    assert np.array_equal(on_ow, ~np.isnan(observable))
