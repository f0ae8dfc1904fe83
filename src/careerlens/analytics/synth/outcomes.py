"""Outcomes: job starts from the monthly hazard, the jobs themselves (NOC, hours, wage, fit), how long
they last, the IES checkpoints at 1, 3, 6 and 12 months after job start, and returns to Ontario Works
(the spin cycle).

IES outcome rule (setting): at a checkpoint the client is still in the job, works at least ``min_hours``
a week at no less than ``min_wage``, and there is evidence (pay stub or employer letter; self-report alone
does not count).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import hazard
from . import occupations as occ
from .config import CAREER_COUNSELLING, CHECKPOINT_MONTHS, ODSP, OW, SKILLS_TRAINING, SimConfig
from .episodes import months_to_days
from .numeric import categorical, gauss_hermite, generator, logistic

VERIFIED = (1, 2)  # pay stub, employer letter
HOURS_FULL = np.array([30.0, 35.0, 37.5, 40.0])
HOURS_FULL_SHARES = (0.15, 0.30, 0.25, 0.30)


def job_months(base: np.ndarray, plan: hazard.Plan, intake: np.ndarray, seed: int, cfg: SimConfig):
    """Month after intake of the first job start (0: none within the horizon), and its uniform V."""
    rng = generator(seed, "employment")
    v = rng.random(len(base))
    month = hazard.first_job_month(base, plan, v, cfg.horizon_months, cfg)
    return np.where(intake, month, 0).astype(np.int8), v


def job_start_days(job_month: np.ndarray, intake_day: np.ndarray, seed: int) -> np.ndarray:
    rng = generator(seed, "job-days")
    offset = months_to_days(job_month - 1 + rng.random(len(job_month)))
    return np.where(job_month > 0, intake_day + np.maximum(offset, 1), -1).astype(np.int32)


def full_time_probability(people: dict, employability: np.ndarray, cfg: SimConfig) -> np.ndarray:
    """P(a job of at least ``min_hours`` a week | a job)."""
    c = cfg.full_time
    logit = (
        cfg.full_time_intercept
        + c["employability"] * employability
        + c["odsp"] * (people["program"] == ODSP)
        + c["age_65_plus"] * (people["age"] >= 65)
        + c["youth"] * (people["age"] <= 24)
    )
    return logistic(logit)


def separation_logit(fit, employability, part_time, program, cfg: SimConfig):
    c = cfg.separation
    return (
        cfg.separation_intercept
        + c["fit"] * fit
        + c["employability"] * employability
        + c["part_time"] * part_time
        + c["ontario_works"] * (program == OW)
    )


def fit_mean(same_field, counselled, employability, cfg: SimConfig):
    return (
        cfg.fit_same_field * same_field
        + cfg.effects["career_counselling"]["fit"] * counselled
        + cfg.fit_employability * employability
    )


@dataclass
class Jobs:
    client: np.ndarray  # int32 index of the client (row in the clients table)
    start_day: np.ndarray
    noc: np.ndarray  # int16 index into occupations
    hours: np.ndarray  # float32, hours a week
    wage: np.ndarray  # float32, $ an hour
    same_field: np.ndarray  # bool: the prior occupation's unit group
    fit: np.ndarray  # float32, true fit (latent)
    fit_rating: np.ndarray  # int8 1..5, the client's rating
    separation: np.ndarray  # float32, true monthly probability of leaving the job
    months: np.ndarray  # int16, months the job lasts (> job_follow_months: still going)
    end_day: np.ndarray  # -1 while still going at the end of the follow-up


def draw_jobs(
    people: dict,
    employability: np.ndarray,
    job_month: np.ndarray,
    start_day: np.ndarray,
    assigned: np.ndarray,
    seed: int,
    cfg: SimConfig,
) -> Jobs:
    rng = generator(seed, "jobs")
    client = np.flatnonzero(job_month > 0).astype(np.int32)
    m = len(client)
    sub = {
        name: people[name][client] for name in ("program", "age", "education", "prior_noc", "never_worked")
    }
    e = employability[client].astype(np.float64)
    counselled = assigned[client, CAREER_COUNSELLING]
    trained = assigned[client, SKILLS_TRAINING]
    occupations = occ.load()

    same_field = ~sub["never_worked"] & (rng.random(m) < cfg.same_field_share)
    teer = categorical(rng, np.array(cfg.teer_shares_by_education)[sub["education"]])
    shortage_tilt = np.where(np.isin(occupations.outlook, (4, 5)), 2.5, 1.0)
    drawn = occ.draw_by_teer(rng, occupations, teer)
    drawn_trained = occ.draw_by_teer(rng, occupations, teer, tilt=shortage_tilt)
    noc = np.where(same_field, sub["prior_noc"], np.where(trained, drawn_trained, drawn)).astype(np.int16)
    teer = occupations.teer[noc]

    full = rng.random(m) < full_time_probability(sub, e, cfg)
    upper = np.where(
        rng.random(m) < 0.2, rng.integers(20, 30, m), HOURS_FULL[categorical(rng, HOURS_FULL_SHARES, m)]
    )
    hours = np.where(full, upper, rng.integers(8, 20, m)).astype(np.float32)
    below = rng.random(m) < cfg.below_min_wage_share
    log_wage = (
        np.log(np.array(cfg.median_wage_by_teer)[teer])
        + cfg.wage_employability * e
        + cfg.effects["skills_training"]["wage"] * trained
        + cfg.wage_sigma * rng.standard_normal(m)
    )
    wage = np.where(
        below, cfg.min_wage * rng.uniform(0.70, 0.97, m), np.maximum(np.exp(log_wage), cfg.min_wage)
    )
    wage = (np.floor(wage * 100) / 100).astype(np.float32)

    fit = fit_mean(same_field, counselled, e, cfg) + rng.standard_normal(m)
    fit_rating = np.clip(np.round(3.0 + 0.8 * fit + 0.5 * rng.standard_normal(m)), 1, 5).astype(np.int8)
    separation = logistic(separation_logit(fit, e, ~full, sub["program"], cfg))
    months = np.ceil(np.log(1.0 - rng.random(m)) / np.log1p(-separation))
    months = np.clip(months, 1, cfg.job_follow_months + 1).astype(np.int16)
    starts = start_day[client]
    end_day = np.where(months <= cfg.job_follow_months, starts + months_to_days(months), -1).astype(np.int32)
    return Jobs(
        client,
        starts,
        noc,
        hours,
        wage,
        same_field,
        fit.astype(np.float32),
        fit_rating,
        separation.astype(np.float32),
        months,
        end_day,
    )


@dataclass
class Checkpoints:
    job: np.ndarray  # int32 index into jobs
    months: np.ndarray  # int8: 1, 3, 6, 12
    due_day: np.ndarray
    employed: np.ndarray  # bool: still in the job
    evidence: np.ndarray  # int8 into EVIDENCE
    outcome_met: np.ndarray  # bool: the IES rule


def checkpoints(jobs: Jobs, seed: int, cfg: SimConfig) -> Checkpoints:
    rng = generator(seed, "checkpoints")
    m = len(jobs.client)
    k = len(CHECKPOINT_MONTHS)
    job = np.repeat(np.arange(m, dtype=np.int32), k)
    months = np.tile(np.array(CHECKPOINT_MONTHS, dtype=np.int8), m)
    due_day = jobs.start_day[job] + months_to_days(months)
    employed = jobs.months[job] > months
    evidence = np.where(employed, categorical(rng, cfg.evidence_shares, m * k), 0).astype(np.int8)
    qualifies = (jobs.hours >= cfg.min_hours) & (jobs.wage >= cfg.min_wage)
    outcome_met = employed & qualifies[job] & np.isin(evidence, VERIFIED)
    return Checkpoints(job, months, due_day.astype(np.int32), employed, evidence, outcome_met)


@dataclass
class OntarioWorksSpells:
    client: np.ndarray  # int32
    exit_day: np.ndarray  # left Ontario Works for the job
    return_months: np.ndarray  # int16, months until back on Ontario Works; -1: not within the follow-up
    return_day: np.ndarray  # -1 when no return


def ow_returns(people: dict, jobs: Jobs, seed: int, cfg: SimConfig) -> OntarioWorksSpells:
    """Ontario Works clients leave at job start; when the job ends they may come back (more likely in the
    first year, before they qualify for EI)."""
    rng = generator(seed, "ow-returns")
    on_ow = people["program"][jobs.client] == OW
    chosen = np.flatnonzero(on_ow)
    m = len(chosen)
    months = jobs.months[chosen].astype(np.int32)
    lag = rng.geometric(1.0 / cfg.ow_return_lag_mean_months, m)
    early = months <= 12
    returns = rng.random(m) < np.where(
        early, cfg.ow_return_if_job_ends_first_year, cfg.ow_return_if_job_ends_later
    )
    returns &= months <= cfg.job_follow_months
    total = months + lag
    returns &= total <= cfg.job_follow_months
    start = jobs.start_day[chosen]
    return OntarioWorksSpells(
        client=jobs.client[chosen],
        exit_day=start,
        return_months=np.where(returns, total, -1).astype(np.int16),
        return_day=np.where(returns, start + months_to_days(total), -1).astype(np.int32),
    )


def expected_retention(
    people: dict,
    employability: np.ndarray,
    counselled: np.ndarray,
    cfg: SimConfig,
    months: tuple[int, ...] = CHECKPOINT_MONTHS,
    full_time: bool = True,
) -> np.ndarray:
    """E[still in the job after k months | a job of that kind], integrating the random fit (Gauss-Hermite)
    and whether the job is in the same field. Returns len(months) x n."""
    nodes, weights = gauss_hermite(9)
    same_p = np.where(people["never_worked"], 0.0, cfg.same_field_share)
    out = np.zeros((len(months), len(employability)))
    for same, p_same in ((1.0, same_p), (0.0, 1.0 - same_p)):
        mean = fit_mean(same, counselled, employability, cfg)
        for node, weight in zip(nodes, weights, strict=True):
            s = logistic(separation_logit(mean + node, employability, not full_time, people["program"], cfg))
            for row, k in enumerate(months):
                out[row] += p_same * weight * (1.0 - s) ** k
    return out


def expected_ow_return_12m(
    people: dict, employability: np.ndarray, counselled: np.ndarray, full: np.ndarray, cfg: SimConfig
) -> np.ndarray:
    """P(back on Ontario Works within 12 months of leaving it for a job | leaving)."""
    nodes, weights = gauss_hermite(9)
    same_p = np.where(people["never_worked"], 0.0, cfg.same_field_share)
    p_lag = 1.0 / cfg.ow_return_lag_mean_months
    out = np.zeros(len(employability))
    lag_within = {d: 1.0 - (1.0 - p_lag) ** (12 - d) for d in range(1, 12)}
    for part_time, p_kind in ((False, full), (True, 1.0 - full)):
        for same, p_same in ((1.0, same_p), (0.0, 1.0 - same_p)):
            mean = fit_mean(same, counselled, employability, cfg)
            for node, weight in zip(nodes, weights, strict=True):
                s = logistic(separation_logit(mean + node, employability, part_time, people["program"], cfg))
                total = np.zeros_like(s)
                stay = np.ones_like(s)
                for d in range(1, 12):
                    total += stay * s * lag_within[d]
                    stay = stay * (1.0 - s)
                out += p_kind * p_same * weight * total
    return out * cfg.ow_return_if_job_ends_first_year
