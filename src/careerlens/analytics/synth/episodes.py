"""Service episodes: referral, intake (social-assistance referrals are lost more often before intake), the
action plan's interventions chosen with selection on observable characteristics, and exit.

Dates are days since 1970-01-01 (int32), the Arrow ``date32`` representation; -1 where there is none.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .config import (
    BACHELOR,
    BASIC_SKILLS,
    CAREER_COUNSELLING,
    EI,
    INTERVENTIONS,
    JOB_SEARCH,
    LTHS,
    NONE,
    ODSP,
    OW,
    PROGRAMS,
    SKILLS_TRAINING,
    WORK_PLACEMENT,
    SimConfig,
)
from .numeric import generator, logistic

DAYS_PER_MONTH = 30.44
EPOCH = np.datetime64("1970-01-01", "D")
EMPLOYED, PLAN_COMPLETED, DISENGAGED = 0, 1, 2


def day_number(value) -> int:
    return int((np.datetime64(value, "D") - EPOCH).astype(np.int64))


def months_to_days(months) -> np.ndarray:
    return np.round(np.asarray(months, dtype=np.float64) * DAYS_PER_MONTH).astype(np.int32)


@dataclass
class Referrals:
    referral_day: np.ndarray
    source: np.ndarray  # int8 into REFERRAL_SOURCES
    p_intake: np.ndarray
    intake: np.ndarray  # bool
    intake_day: np.ndarray  # -1 when no intake


def refer(people: dict, seed: int, cfg: SimConfig) -> Referrals:
    rng = generator(seed, "referrals")
    n = len(people["client_id"])
    program = people["program"]
    referral_day = (day_number(cfg.referral_start) + np.floor(rng.random(n) * cfg.referral_days)).astype(
        np.int32
    )
    source = np.where(program == OW, 0, np.where(program == ODSP, 1, np.where(rng.random(n) < 0.7, 2, 3)))
    rate = np.array([cfg.intake_rate[name] for name in PROGRAMS])[program]
    p_intake = np.clip(rate - 0.08 * people["housing_unstable"], 0.0, 1.0)
    intake = rng.random(n) < p_intake
    lag_mean = np.array([cfg.intake_lag_days_mean[name] for name in PROGRAMS])[program]
    lag = rng.geometric(1.0 / lag_mean).astype(np.int32)
    intake_day = np.where(intake, referral_day + lag, -1).astype(np.int32)
    return Referrals(referral_day, source.astype(np.int8), p_intake, intake, intake_day)


@dataclass
class ActionPlan:
    assigned: np.ndarray  # n x 5 bool (all False without intake)
    propensity: np.ndarray  # n x 5, true probability of being in the plan given the observables
    start_offset: np.ndarray  # n x 5 days after intake
    length: np.ndarray  # n x 5 planned days
    training_months: np.ndarray  # int8, months of skills training if assigned (drawn for everyone)
    basic_months: np.ndarray
    plan_months: np.ndarray  # int8, planned length of the whole plan
    dropout_month: np.ndarray  # int16, month the client would disengage (beyond the plan: never)


def features(people: dict, recorded_cov: dict, stream: np.ndarray) -> dict[str, np.ndarray]:
    """The observable characteristics practitioners choose interventions on (recorded answers)."""
    program = people["program"]
    return {
        "stream_b": stream == 1,
        "stream_c": stream == 2,
        "employed": people["employed"],
        "youth": people["age"] <= 29,
        "age_55_plus": people["age"] >= 55,
        "degree": recorded_cov["education"] >= BACHELOR,
        "less_than_high_school": recorded_cov["education"] == LTHS,
        "long_term_unemployed": people["months_out"] >= 12,
        "ei": program == EI,
        "odsp": program == ODSP,
        "ontario_works": program == OW,
        "none": program == NONE,
        "language_barrier": people["language_barrier"],
    }


def propensities(feature: dict, provider: np.ndarray, practice: np.ndarray, cfg: SimConfig) -> np.ndarray:
    """P(in the plan) per intervention, before the rule that every plan has at least job search."""
    n = len(provider)
    logits = np.empty((n, len(INTERVENTIONS)))
    for j, name in enumerate(INTERVENTIONS):
        terms = cfg.propensity[name]
        logit = np.full(n, terms["intercept"]) + practice[provider, j]
        for key, value in terms.items():
            if key not in ("intercept", "provider_sd"):
                logit += value * feature[key]
        logits[:, j] = logit
    return logistic(logits)


def provider_practice(providers: int, seed: int, cfg: SimConfig) -> np.ndarray:
    """Each provider's habit for each intervention (logit shift): observable, since the provider is."""
    rng = generator(seed, "practice")
    sd = np.array([cfg.propensity[name]["provider_sd"] for name in INTERVENTIONS])
    return rng.standard_normal((providers, len(INTERVENTIONS))) * sd


def plan(
    people: dict,
    recorded_cov: dict,
    stream: np.ndarray,
    provider: np.ndarray,
    intake: np.ndarray,
    seed: int,
    cfg: SimConfig,
    providers: int,
) -> ActionPlan:
    rng = generator(seed, "plans")
    n = len(provider)
    raw = propensities(
        features(people, recorded_cov, stream), provider, provider_practice(providers, seed, cfg), cfg
    )
    assigned = rng.random(raw.shape) < raw
    # every plan has at least one intervention: job search when nothing else was chosen
    assigned[~assigned.any(axis=1), JOB_SEARCH] = True
    others = np.prod(1.0 - np.delete(raw, JOB_SEARCH, axis=1), axis=1)
    propensity = raw.copy()
    propensity[:, JOB_SEARCH] = raw[:, JOB_SEARCH] + (1.0 - raw[:, JOB_SEARCH]) * others
    assigned &= intake[:, None]

    low, high = cfg.effects["skills_training"]["months"]
    training_months = rng.integers(low, high + 1, n).astype(np.int8)
    low, high = cfg.effects["basic_skills"]["months"]
    basic_months = rng.integers(low, high + 1, n).astype(np.int8)
    start = np.empty((n, len(INTERVENTIONS)), dtype=np.int32)
    length = np.empty((n, len(INTERVENTIONS)), dtype=np.int32)
    start[:, JOB_SEARCH] = rng.integers(0, 15, n)
    length[:, JOB_SEARCH] = months_to_days(rng.integers(1, 4, n))
    start[:, CAREER_COUNSELLING] = rng.integers(0, 31, n)
    length[:, CAREER_COUNSELLING] = months_to_days(rng.integers(1, 4, n))
    start[:, SKILLS_TRAINING] = rng.integers(7, 31, n)
    length[:, SKILLS_TRAINING] = months_to_days(training_months) - 7
    start[:, WORK_PLACEMENT] = rng.integers(30, 61, n)
    length[:, WORK_PLACEMENT] = months_to_days(rng.integers(2, 5, n))
    start[:, BASIC_SKILLS] = rng.integers(0, 22, n)
    length[:, BASIC_SKILLS] = months_to_days(basic_months) - 7

    planned_end_months = np.ceil(np.where(assigned, start + length, 0).max(axis=1) / DAYS_PER_MONTH)
    low, high = cfg.plan_months
    plan_months = np.maximum(rng.integers(low, high + 1, n), planned_end_months).astype(np.int8)
    social_assistance = (people["program"] == OW) | (people["program"] == ODSP)
    dropout_p = np.where(
        social_assistance, cfg.dropout_monthly["social_assistance"], cfg.dropout_monthly["other"]
    )
    dropout_month = np.minimum(rng.geometric(dropout_p), 99).astype(np.int16)
    return ActionPlan(
        assigned, propensity, start, length, training_months, basic_months, plan_months, dropout_month
    )


@dataclass
class Exits:
    month: np.ndarray  # int16, months after intake; 0 without intake
    reason: np.ndarray  # int8 into EXIT_REASONS; -1 without intake
    day: np.ndarray  # int32; -1 without intake


def leave(
    intake: np.ndarray,
    intake_day: np.ndarray,
    action: ActionPlan,
    job_month: np.ndarray,
    job_start_day: np.ndarray,
) -> Exits:
    """Exit at job start when it comes before the plan ends and before the client disengages; otherwise
    at disengagement or at the end of the plan."""
    plan_end = action.plan_months.astype(np.int16)
    dropout = action.dropout_month
    employed = (job_month > 0) & (job_month <= plan_end) & (job_month <= dropout)
    disengaged = ~employed & (dropout < plan_end)
    month = np.where(employed, job_month, np.where(disengaged, dropout, plan_end)).astype(np.int16)
    reason = np.where(employed, EMPLOYED, np.where(disengaged, DISENGAGED, PLAN_COMPLETED)).astype(np.int8)
    day = np.where(employed, job_start_day, intake_day + months_to_days(month))
    return Exits(
        month=np.where(intake, month, 0).astype(np.int16),
        reason=np.where(intake, reason, -1).astype(np.int8),
        day=np.where(intake, day, -1).astype(np.int32),
    )


COMPLETED, ENDED_EARLY, NOT_STARTED = 0, 1, 2
INTERVENTION_STATUSES = ("completed", "ended_early", "not_started")


@dataclass
class InterventionRows:
    client: np.ndarray  # int32 row of the client, client-major order
    kind: np.ndarray  # int8 into INTERVENTIONS
    planned_start: np.ndarray
    planned_end: np.ndarray
    start: np.ndarray  # -1 when not started
    end: np.ndarray
    status: np.ndarray  # int8 into INTERVENTION_STATUSES


def intervention_rows(action: ActionPlan, intake_day: np.ndarray, exit_day: np.ndarray) -> InterventionRows:
    """One row per intervention in a plan; an intervention is cut short (or never starts) when the episode
    ends first."""
    client, kind = np.nonzero(action.assigned)
    client = client.astype(np.int32)
    planned_start = intake_day[client] + action.start_offset[client, kind]
    planned_end = planned_start + action.length[client, kind]
    leaving = exit_day[client]
    started = planned_start < leaving
    status = np.where(~started, NOT_STARTED, np.where(planned_end > leaving, ENDED_EARLY, COMPLETED)).astype(
        np.int8
    )
    return InterventionRows(
        client=client,
        kind=kind.astype(np.int8),
        planned_start=planned_start.astype(np.int32),
        planned_end=planned_end.astype(np.int32),
        start=np.where(started, planned_start, -1).astype(np.int32),
        end=np.where(started, np.minimum(planned_end, leaving), -1).astype(np.int32),
        status=status,
    )
