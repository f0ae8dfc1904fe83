import dataclasses

import numpy as np

from careerlens.analytics.synth import outcomes, simulate
from careerlens.analytics.synth.config import CAREER_COUNSELLING, OW, SimConfig

from .conftest import column


def test_the_ies_rule_at_each_checkpoint(tables, province):
    c = tables["checkpoints"]
    employed, met = column(c, "employed"), column(c, "outcome_met")
    hours, wage = column(c, "hours_per_week"), column(c, "hourly_wage")
    evidence = column(c, "evidence")
    rule = (
        employed
        & (hours >= 20)
        & (wage >= province.cfg.min_wage)
        & np.isin(evidence, ["pay_stub", "employer_letter"])
    )
    assert np.array_equal(met, np.where(np.isnan(hours), False, rule))
    assert met.any() and (employed & ~met).any()
    assert not np.isin(evidence[~employed], ["pay_stub", "employer_letter", "self_report_only"]).any()


def test_employment_at_checkpoints_never_comes_back_for_the_same_job(province):
    ck = province.checkpoints
    employed = ck.employed.reshape(-1, 4)
    assert (employed[:, :-1] >= employed[:, 1:]).all()
    rates = employed.mean(axis=0)
    assert rates[0] > 0.85 and 0.35 < rates[3] < 0.7


def test_the_minimum_wage_is_a_parameter_of_the_rule(province):
    higher = dataclasses.replace(province.cfg, min_wage=25.0)
    same_jobs = outcomes.checkpoints(province.jobs, province.seed, higher)
    assert same_jobs.outcome_met.mean() < province.checkpoints.outcome_met.mean() - 0.1
    assert (province.jobs.wage[same_jobs.job[same_jobs.outcome_met]] >= 25.0).all()
    assert np.array_equal(same_jobs.employed, province.checkpoints.employed)


def test_the_minimum_wage_also_floors_wages_when_it_rises():
    province = simulate(5000, 2, dataclasses.replace(SimConfig(), min_wage=25.0))
    wage = province.jobs.wage
    assert ((wage >= 25.0) | (wage < 25.0 * 0.97 + 0.01)).all()
    assert (wage >= 25.0).mean() > 0.9
    assert (wage[province.checkpoints.job[province.checkpoints.outcome_met]] >= 25.0).all()


def test_jobs_carry_noc_hours_and_wages(province, tables):
    j = tables["jobs"]
    assert (column(j, "hours_per_week") >= 8).all() and (column(j, "hours_per_week") <= 40).all()
    wage = column(j, "hourly_wage")
    below = (wage < province.cfg.min_wage).mean()
    assert 0.01 < below < 0.06
    teer = column(j, "teer")
    assert np.median(wage[teer <= 1]) > np.median(wage[teer >= 4]) + 8
    assert all(len(code) == 5 for code in column(j, "noc")[:100])


def test_realised_outcomes_match_the_true_probabilities(province, tables):
    intake = province.referrals.intake
    checks, jobs = province.checkpoints, province.jobs
    for k in (3, 12):
        met = np.zeros(province.n, dtype=bool)
        chosen = (checks.months == k) & checks.outcome_met
        clients = jobs.client[checks.job[chosen]]
        met[clients[province.job_month[clients] <= 12]] = True
        assert abs(met[intake].mean() - province.truth[f"p_outcome_{k}m"][intake].mean()) < 0.01, k


def test_career_counselling_improves_fit_and_retention(province):
    jobs = province.jobs
    counselled = province.action.assigned[jobs.client, CAREER_COUNSELLING]
    e = province.truth["employability"][jobs.client]
    similar = np.abs(e) < 0.5
    assert jobs.fit[counselled & similar].mean() > jobs.fit[~counselled & similar].mean() + 0.4
    people = {name: province.people[name][:2000] for name in ("never_worked", "program")}
    e = province.truth["employability"][:2000].astype(float)
    kept = outcomes.expected_retention(people, e, np.ones(2000, dtype=bool), province.cfg, (12,))
    not_kept = outcomes.expected_retention(people, e, np.zeros(2000, dtype=bool), province.cfg, (12,))
    assert (kept > not_kept).all()


def test_the_spin_cycle(province):
    s = province.ow_spells
    assert (province.people["program"][s.client] == OW).all()
    returned = s.return_months > 0
    assert abs(returned.mean() - 0.5) < 0.04
    assert abs((s.return_months[returned] <= 12).mean() - 0.8) < 0.04
    expected = np.nanmean(province.truth["p_ow_return_12m"][s.client])
    assert abs(((s.return_months > 0) & (s.return_months <= 12)).mean() - expected) < 0.03
    jobs_end = np.full(province.n, -1)
    jobs_end[province.jobs.client] = province.jobs.end_day
    assert (s.return_day[returned] > jobs_end[s.client[returned]]).all()
