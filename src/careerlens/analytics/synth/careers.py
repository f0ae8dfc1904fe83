"""Careers: the contract type of each job (permanent or not), the career goal chosen at the action plan
(a NOC 2021 unit group) and the credential earned by completed skills training.

Every draw here comes from streams of its own (``contracts``, ``career-goals``, ``credentials``) and reads
nothing but finished arrays, so adding these columns changed none of the province's other values. The
goal is drawn after the job in code, from the joint distribution in which a goal steers the search (a
client who kept the prior occupation as goal more often finds a job in it); the goal has no effect of
its own on any outcome. A job is **in the field of the goal** when its unit group shares the goal's NOC
broad occupational category (the first digit of the code, e.g. 3 = health occupations).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import occupations as occ
from .config import (
    CATCHMENT_CODES,
    CONTRACT_TYPES,
    LTHS,
    OW,
    PERMANENT,
    SKILLS_TRAINING,
    WORK_PLACEMENT,
    SimConfig,
)
from .episodes import COMPLETED, InterventionRows
from .numeric import categorical, generator, logistic
from .outcomes import Jobs

SHORTAGE_TILT = 2.5  # pathway targets lean toward shortage occupations, as trained job seekers do
SURPLUS, SHORTAGE = (1, 2), (4, 5)  # outlook codes


def broad_category(codes: np.ndarray) -> np.ndarray:
    """NOC broad occupational category (0-9: the first digit) of each unit group code."""
    return np.array([int(code[0]) for code in codes], dtype=np.int8)


@dataclass
class Careers:
    contract: np.ndarray  # int8 per job, into CONTRACT_TYPES
    p_permanent: np.ndarray  # float32 per job, true P(permanent)
    goal: np.ndarray  # int16 per client, index into occupations; -1 without intake or without a coded goal
    goal_field: np.ndarray  # bool per job, the job shares the goal's broad category (False without goal)
    credential: np.ndarray  # int8 per client, into CREDENTIALS; -1 none (or no completed training)
    p_credential: np.ndarray  # float32 per client, true P(credential | skills training completed)
    training_completed: np.ndarray  # bool per client


def permanent_probability(people: dict, jobs: Jobs, assigned: np.ndarray, cfg: SimConfig) -> np.ndarray:
    c = cfg.permanent
    teer = occ.load().teer[jobs.noc]
    logit = (
        cfg.permanent_intercept
        + c["work_placement"] * assigned[jobs.client, WORK_PLACEMENT]
        + c["youth"] * (people["age"][jobs.client] <= 24)
        + c["ontario_works"] * (people["program"][jobs.client] == OW)
        + c["part_time"] * (jobs.hours < 30)
        + c["teer_4_5"] * (teer >= 4)
        + c["teer_0_2"] * (teer <= 2)
    )
    return logistic(logit)


def draw_contracts(people: dict, jobs: Jobs, assigned: np.ndarray, seed: int, cfg: SimConfig):
    """Contract type per job: permanent with ``permanent_probability``; otherwise temporary, seasonal or
    contract (seasonal work weighs more in the rural and northern catchments)."""
    rng = generator(seed, "contracts")
    m = len(jobs.client)
    p = permanent_probability(people, jobs, assigned, cfg)
    permanent = rng.random(m) < p
    seasonal_here = np.isin(
        people["catchment"][jobs.client], [CATCHMENT_CODES.index(c) for c in cfg.seasonal_catchments]
    )
    shares = np.tile(np.asarray(cfg.non_permanent_shares, dtype=np.float64), (m, 1))
    shares[seasonal_here, 1] *= cfg.seasonal_factor
    other = categorical(rng, shares) + 1 if m else np.zeros(0, dtype=np.int8)
    contract = np.where(permanent, PERMANENT, other).astype(np.int8)
    return contract, p.astype(np.float32)


def _draw_within(rng: np.random.Generator, weights: np.ndarray, group: np.ndarray, wanted: np.ndarray):
    """One unit group per person among those whose ``group`` equals the person's ``wanted`` group, with
    probability proportional to ``weights``."""
    result = np.zeros(len(wanted), dtype=np.int16)
    u = rng.random(len(wanted))
    for value in np.unique(wanted):
        chosen = np.flatnonzero(wanted == value)
        members = np.flatnonzero(group == value)
        cumulative = np.cumsum(weights[members])
        cumulative /= cumulative[-1]
        picks = np.minimum(np.searchsorted(cumulative, u[chosen], side="right"), members.size - 1)
        result[chosen] = members[picks]
    return result


def draw_goals(people: dict, jobs: Jobs, intake: np.ndarray, assigned: np.ndarray, seed: int, cfg: SimConfig):
    """Career goal per client (index into occupations, -1 without one): the prior occupation kept, or a
    pathway target (in the prior occupation's broad category, or a new field at the TEER the client's
    education leads to), leaning toward shortage occupations; for a client whose job was outside the prior
    occupation, that job's unit group was itself the goal with probability ``goal_is_job_share``."""
    rng = generator(seed, "career-goals")
    n = len(intake)
    occupations = occ.load()
    category = broad_category(occupations.codes)
    weights = occupations.employment * np.where(np.isin(occupations.outlook, SHORTAGE), SHORTAGE_TILT, 1.0)
    prior = people["prior_noc"]
    worked = prior >= 0
    job_noc = np.full(n, -1, dtype=np.int32)
    job_noc[jobs.client] = jobs.noc
    same_field_job = np.zeros(n, dtype=bool)
    same_field_job[jobs.client] = jobs.same_field
    outlook = np.where(worked, occupations.outlook[np.maximum(prior, 0)], 0)
    c = cfg.goal_keep
    keep_logit = (
        cfg.goal_keep_intercept
        + c["age_45_plus"] * (people["age"] >= 45)
        + c["prior_surplus"] * np.isin(outlook, SURPLUS)
        + c["prior_shortage"] * np.isin(outlook, SHORTAGE)
        + c["skills_training"] * assigned[:, SKILLS_TRAINING]
        + c["same_field_job"] * same_field_job
    )
    keep = worked & (rng.random(n) < logistic(keep_logit))
    job_was_goal = (job_noc >= 0) & ~same_field_job & (rng.random(n) < cfg.goal_is_job_share)
    same_category = worked & (rng.random(n) < cfg.goal_same_category_share)
    teer = categorical(rng, np.array(cfg.teer_shares_by_education)[people["education"]])
    in_category = _draw_within(rng, weights, category, np.where(worked, category[np.maximum(prior, 0)], 0))
    new_field = _draw_within(rng, weights, occupations.teer, teer)
    missing = rng.random(n) < cfg.goal_missing_share
    goal = np.where(
        job_was_goal,
        job_noc,
        np.where(keep, prior, np.where(same_category, in_category, new_field)),
    )
    return np.where(intake & ~missing, goal, -1).astype(np.int16)


def draw_credentials(people: dict, rows: InterventionRows, seed: int, cfg: SimConfig):
    """Credential per client who completed skills training (certificate, licence or apprenticeship
    level), less likely with less than high school, a language barrier or long unemployment."""
    rng = generator(seed, "credentials")
    n = len(people["client_id"])
    completed = np.zeros(n, dtype=bool)
    completed[rows.client[(rows.kind == SKILLS_TRAINING) & (rows.status == COMPLETED)]] = True
    c = cfg.credential
    p = logistic(
        cfg.credential_intercept
        + c["less_than_high_school"] * (people["education"] == LTHS)
        + c["language_barrier"] * people["language_barrier"]
        + c["long_term_unemployed"] * (people["months_out"] >= 12)
    )
    earned = completed & (rng.random(n) < p)
    kind = categorical(rng, cfg.credential_shares, n)
    return np.where(earned, kind, -1).astype(np.int8), p.astype(np.float32), completed


def build(p, rows: InterventionRows) -> Careers:
    """The careers part of a simulated province ``p`` (after its jobs and exits)."""
    people, jobs, cfg = p.people, p.jobs, p.cfg
    contract, p_permanent = draw_contracts(people, jobs, p.action.assigned, p.seed, cfg)
    goal = draw_goals(people, jobs, p.referrals.intake, p.action.assigned, p.seed, cfg)
    category = broad_category(occ.load().codes)
    goal_of_job = goal[jobs.client]
    goal_field = (goal_of_job >= 0) & (category[jobs.noc] == category[np.maximum(goal_of_job, 0)])
    credential, p_credential, completed = draw_credentials(people, rows, p.seed, cfg)
    return Careers(contract, p_permanent, goal, goal_field, credential, p_credential, completed)


def summary(c: Careers, jobs: Jobs) -> dict:
    """truth.json → ``careers``: the model's expected rates and the realised ones."""
    has_goal = c.goal[jobs.client] >= 0
    trained = c.training_completed
    mean = lambda values: round(float(values.mean()), 6) if values.size else None  # noqa: E731
    return {
        "permanent_job": {"expected": mean(c.p_permanent), "realised": mean(c.contract == PERMANENT)},
        "job_in_goal_field": {
            "realised": mean(c.goal_field[has_goal]),
            "jobs_with_goal": int(has_goal.sum()),
        },
        "credential_earned": {
            "expected": mean(c.p_credential[trained]),
            "realised": mean(c.credential[trained] >= 0),
            "training_completed": int(trained.sum()),
        },
        "contract_types": {name: int((c.contract == code).sum()) for code, name in enumerate(CONTRACT_TYPES)},
    }
