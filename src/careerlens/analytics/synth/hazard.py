"""The employment hazard: the monthly probability that a client starts a job, from known coefficients.

logit h(i, m) = intercept + person(i) + unobserved(i) + labour market(catchment) + provider + practitioner
              + duration slope * (m - 1) + sum over the plan's interventions of their effect in month m

An intervention's effect differs by group (``effects`` in the settings) and, for training, is negative
while the client is in training (lock-in) and positive after. Survival S(m) = prod (1 - h) gives every
probability in the truth table; the simulation draws one uniform V per client and starts the job in the
first month with S(m) <= V (so scenarios share their random numbers).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .config import (
    BACHELOR,
    BASIC_SKILLS,
    CATCHMENTS,
    EI,
    GRADUATE,
    HS,
    INTERVENTIONS,
    JOB_SEARCH,
    LTHS,
    ODSP,
    OUTLOOKS,
    OW,
    SKILLS_TRAINING,
    WORK_PLACEMENT,
    SimConfig,
)
from .numeric import logistic

SHORTAGE = (OUTLOOKS.index("moderate_shortage"), OUTLOOKS.index("strong_shortage"))
SURPLUS = (OUTLOOKS.index("moderate_surplus"), OUTLOOKS.index("strong_surplus"))
COVARIATES = (
    "program",
    "employed",
    "age",
    "education",
    "months_out",
    "disability",
    "newcomer",
    "language_barrier",
    "racialized",
    "indigenous",
    "criminal_record",
    "housing_unstable",
    "prior_ow_spells",
    "never_worked",
    "prior_outlook",
)


def person_logit(cov: dict, cfg: SimConfig) -> np.ndarray:
    """The person's part of the hazard logit (no intercept, no unobserved part), from the covariates in
    ``COVARIATES`` (true ones, or the ones the Common Assessment recorded)."""
    c = cfg.hazard
    program, age, education = cov["program"], cov["age"], cov["education"]
    outlook = cov["prior_outlook"]
    terms = (
        c["ontario_works"] * (program == OW)
        + c["odsp"] * (program == ODSP)
        + c["ei"] * (program == EI)
        + c["employed"] * cov["employed"]
        + c["age_16_24"] * (age < 25)
        + c["age_45_54"] * ((age >= 45) & (age < 55))
        + c["age_55_64"] * ((age >= 55) & (age < 65))
        + c["age_65_plus"] * (age >= 65)
        + c["less_than_high_school"] * (education == LTHS)
        + c["high_school"] * (education == HS)
        + c["bachelor"] * (education == BACHELOR)
        + c["graduate"] * (education == GRADUATE)
        + c["log_months_out"] * np.log1p(cov["months_out"])
        + c["disability"] * (cov["disability"] > 0)
        + c["newcomer"] * cov["newcomer"]
        + c["language_barrier"] * cov["language_barrier"]
        + c["racialized"] * cov["racialized"]
        + c["indigenous"] * cov["indigenous"]
        + c["criminal_record"] * cov["criminal_record"]
        + c["housing_unstable"] * cov["housing_unstable"]
        + c["prior_ow_spell"] * np.minimum(cov["prior_ow_spells"], 4)
        + c["never_worked"] * cov["never_worked"]
        + c["outlook_shortage"] * np.isin(outlook, SHORTAGE)
        + c["outlook_surplus"] * np.isin(outlook, SURPLUS)
    )
    return np.asarray(terms, dtype=np.float64)


def labour_market(catchment: np.ndarray, cfg: SimConfig) -> np.ndarray:
    shift = np.array([cfg.labour_market_slope * (c.unemployment - 6.5) for c in CATCHMENTS])
    return shift[catchment]


def employability(person: np.ndarray, unobserved: np.ndarray, cfg: SimConfig) -> np.ndarray:
    """Latent employability: the person's logit plus the unobserved part, on a fixed standard scale
    (mean about 0, sd about 1 in the default population)."""
    return ((person + unobserved - cfg.employability_center) / cfg.employability_scale).astype(np.float32)


@dataclass
class Plan:
    """The action plan as the hazard sees it: which interventions (n x 5 booleans), each one's effect
    after lock-in (n x 5), and for how many months from intake it locks in (n x 5, 0 = none)."""

    assigned: np.ndarray
    effect: np.ndarray
    lock_months: np.ndarray
    lock_in: np.ndarray  # (5,) effect during lock-in

    def __post_init__(self) -> None:
        # the month's total effect = everything after lock-in, corrected in the lock-in months
        self._after = (self.assigned * self.effect).sum(axis=1)
        self._locks = [
            (self.lock_months[:, j], self.assigned[:, j] * (self.lock_in[j] - self.effect[:, j]))
            for j in np.flatnonzero(self.lock_in)
            if self.assigned[:, j].any()
        ]

    def toggled(self, index: int, value: bool) -> Plan:
        assigned = self.assigned.copy()
        assigned[:, index] = value
        return Plan(assigned, self.effect, self.lock_months, self.lock_in)

    def in_month(self, month: int) -> np.ndarray:
        total = self._after
        for months, delta in self._locks:
            if month <= months.max():
                total = total + delta * (month <= months)
        return total


def intervention_effects(
    people: dict, training_months: np.ndarray, basic_months: np.ndarray, cfg: SimConfig
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per client the effect of each intervention after lock-in (by group), the lock-in months and the
    lock-in effects. The group rules are the ones in ``cfg.effects`` (also written to truth.json)."""
    e = cfg.effects
    n = len(people["age"])
    effect = np.empty((n, len(INTERVENTIONS)), dtype=np.float64)
    early_ei = (people["program"] == EI) & (people["months_out"] <= 3)
    effect[:, JOB_SEARCH] = e["job_search"]["base"] + e["job_search"]["ei_early"] * early_ei
    effect[:, 1] = e["career_counselling"]["base"]
    long_term = people["months_out"] >= 12
    effect[:, SKILLS_TRAINING] = (
        e["skills_training"]["base"] + e["skills_training"]["long_term_unemployed"] * long_term
    )
    effect[:, WORK_PLACEMENT] = e["work_placement"]["base"] + e["work_placement"]["youth"] * (
        people["age"] <= 29
    )
    effect[:, BASIC_SKILLS] = e["basic_skills"]["base"] + e["basic_skills"]["less_than_high_school"] * (
        people["education"] == LTHS
    )
    lock_months = np.zeros((n, len(INTERVENTIONS)), dtype=np.int8)
    lock_months[:, SKILLS_TRAINING] = training_months
    lock_months[:, BASIC_SKILLS] = basic_months
    lock_in = np.zeros(len(INTERVENTIONS))
    lock_in[SKILLS_TRAINING] = e["skills_training"]["lock_in"]
    lock_in[BASIC_SKILLS] = e["basic_skills"]["lock_in"]
    return effect, lock_months, lock_in


def survival(base: np.ndarray, plan: Plan | None, months: int, cfg: SimConfig) -> np.ndarray:
    """S(months): the probability of no job start in the first ``months`` months after intake (no
    interventions when ``plan`` is None)."""
    s = np.ones_like(base)
    for month in range(1, months + 1):
        logit = base + cfg.duration_slope * (month - 1)
        if plan is not None:
            logit = logit + plan.in_month(month)
        s *= 1.0 - logistic(logit)
    return s


def first_job_month(base: np.ndarray, plan: Plan, v: np.ndarray, months: int, cfg: SimConfig) -> np.ndarray:
    """The month (1..months) of the first job start, 0 when none: the first month with S(m) <= v."""
    s = np.ones_like(base)
    found = np.zeros(len(base), dtype=np.int8)
    for month in range(1, months + 1):
        s *= 1.0 - logistic(base + cfg.duration_slope * (month - 1) + plan.in_month(month))
        found[(found == 0) & (s <= v)] = month
    return found
