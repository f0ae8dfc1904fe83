"""The simulator's true effect of each intervention on ``earnings_12m`` (weekly earnings at the 12-month
checkpoint of a job started within 12 months of intake; 0 otherwise), per client, for the recovery tests.

The truth table has no earnings column, but it has what is needed: a client's chance of a job within 12
months with and without the intervention (``p_job_12m`` and ``ite_job_12m_<intervention>``), and, given a
job, what the job pays and whether it lasts 12 months depends only on the person and on whether they were
counselled or trained (``synth.outcomes.draw_jobs``), not on when it started. So

    E[earnings | with] − E[earnings | without] = P(job | with) × G(with) − P(job | without) × G(without)

where G is the expected hours × wage × (still in the job at 12 months) of a job, computed here by drawing
``DRAWS`` jobs for every client with the simulator's own ``draw_jobs`` (the same random numbers with and
without the intervention). The Monte Carlo error of a mean over a few thousand treated clients is a small
fraction of the estimators' standard error."""

from __future__ import annotations

import numpy as np

from careerlens.analytics.synth import outcomes
from careerlens.analytics.synth.config import CAREER_COUNSELLING, INTERVENTIONS, SKILLS_TRAINING

DRAWS = 4
CHECKPOINT = 12


def _expected_pay(province, employability, assigned, rows) -> np.ndarray:
    """G: the mean over DRAWS jobs of weekly earnings at the 12-month checkpoint (0 once left), per row."""
    n = province.n
    job_month = np.zeros(n, dtype=np.int8)
    job_month[rows] = 1
    start_day = np.zeros(n, dtype=np.int32)
    total = np.zeros(n)
    for draw in range(DRAWS):
        jobs = outcomes.draw_jobs(
            province.people, employability, job_month, start_day, assigned, 10_000 + draw, province.cfg
        )
        pay = jobs.hours.astype(np.float64) * jobs.wage * (jobs.months > CHECKPOINT)
        total[jobs.client] += pay
    return total / DRAWS


def _rows(province, client_ids: np.ndarray) -> np.ndarray:
    return np.searchsorted(province.truth["client_id"], client_ids)


def expected_earnings(province, client_ids: np.ndarray) -> np.ndarray:
    """E[earnings_12m] of each client with the plan as assigned (to check this module against the data)."""
    rows = _rows(province, client_ids)
    employability = np.asarray(province.truth["employability"], dtype=np.float64)
    pay = _expected_pay(province, employability, province.action.assigned, rows)[rows]
    return np.asarray(province.truth["p_job_12m"], dtype=np.float64)[rows] * pay


def true_earnings_effects(province, client_ids: np.ndarray) -> dict[str, np.ndarray]:
    """intervention -> the individual effect on earnings_12m of the clients ``client_ids`` (in that order)."""
    truth = province.truth
    rows = _rows(province, client_ids)
    employability = np.asarray(truth["employability"], dtype=np.float64)
    assigned = province.action.assigned
    as_assigned = _expected_pay(province, employability, assigned, rows)[rows]
    found = {}
    for j, name in enumerate(INTERVENTIONS):
        if j in (CAREER_COUNSELLING, SKILLS_TRAINING):
            on, off = assigned.copy(), assigned.copy()
            on[:, j], off[:, j] = True, False
            pay_with = _expected_pay(province, employability, on, rows)[rows]
            pay_without = _expected_pay(province, employability, off, rows)[rows]
        else:
            pay_with = pay_without = as_assigned
        effect = np.asarray(truth[f"ite_job_12m_{name}"], dtype=np.float64)[rows]
        current = np.asarray(truth["p_job_12m"], dtype=np.float64)[rows]
        has = assigned[rows, j]
        job_with = np.where(has, current, current + effect)
        job_without = np.where(has, current - effect, current)
        found[name] = job_with * pay_with - job_without * pay_without
    return found
