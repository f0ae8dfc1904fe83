"""What the Common Assessment records: each sensitive answer, "prefer not to answer", and under-reporting.

"Prefer not to answer" comes from one latent reticence per person shared by all items (a Gaussian copula
with correlation ``prefer_not_correlation``), so that the item rates (past wage the highest, 14.7%) and the
share of clients who declined at least one item (29%) both match FACTS.md. Some true "yes" answers are
recorded as "no": mental-health needs of young men most of all, which is how high-needs clients end up
under-streamed.
"""

from __future__ import annotations

from statistics import NormalDist

import numpy as np

from .config import EDUCATION, GENDERS, HS, RACES, SimConfig
from .numeric import generator

# Codes for the recorded yes/no items.
NO, YES, DECLINED = 0, 1, 2
YES_NO = ("no", "yes", "prefer_not_to_answer")
GENDER_DECLINED = len(GENDERS)
RACE_DECLINED = len(RACES)
EDUCATION_DECLINED = len(EDUCATION)
DISABILITY_DECLINED = 5  # after the five DISABILITY_TYPES
ITEMS = (
    "gender",
    "lgbtq",
    "indigenous",
    "francophone",
    "race",
    "disability",
    "criminal_record",
    "immigration",
    "dependants",
    "education",
    "past_wage",
    "current_wage",
    "goal_wage",
)


def declined(people: dict, seed: int, cfg: SimConfig) -> dict[str, np.ndarray]:
    """Per item, who chose "prefer not to answer" (only where the item applies)."""
    rng = generator(seed, "disclosure")
    n = len(people["client_id"])
    reticence = rng.standard_normal(n)
    rho = cfg.prefer_not_correlation
    out = {}
    for item in ITEMS:
        threshold = NormalDist().inv_cdf(1.0 - cfg.prefer_not_rates[item])
        out[item] = np.sqrt(rho) * reticence + np.sqrt(1.0 - rho) * rng.standard_normal(n) > threshold
    out["past_wage"] &= ~people["never_worked"]
    out["current_wage"] &= people["employed"]
    return out


def record(people: dict, seed: int, cfg: SimConfig) -> dict[str, np.ndarray]:
    """The recorded (reported) answers: codes with a "declined" value, values with NaN where declined."""
    rng = generator(seed, "underreporting")
    n = len(people["client_id"])
    dec = declined(people, seed, cfg)
    young_men = (people["gender"] == 1) & (people["age"] <= 29)
    mental = people["disability"] == 2
    hide_p = np.where(
        mental,
        np.where(young_men, cfg.underreport_mental_health_young_men, cfg.underreport_mental_health_others),
        cfg.underreport_other_disability,
    )
    hidden_disability = (people["disability"] > 0) & (rng.random(n) < hide_p)
    disability = np.where(hidden_disability, 0, people["disability"]).astype(np.int8)
    hidden_record = people["criminal_record"] & (rng.random(n) < cfg.underreport_criminal_record)

    barriers = (
        ((people["education"] == 0) & ~dec["education"]).astype(np.int8)
        + ((disability > 0) & ~dec["disability"])
        + people["housing_unstable"]
        + (people["criminal_record"] & ~hidden_record & ~dec["criminal_record"])
        + (people["months_out"] >= 12)
        + people["language_barrier"]
    )

    def yes_no(value, item):
        return np.where(dec[item], DECLINED, value.astype(np.int8)).astype(np.int8)

    recorded = {
        "gender": np.where(dec["gender"], GENDER_DECLINED, people["gender"]).astype(np.int8),
        "lgbtq": yes_no(people["lgbtq"], "lgbtq"),
        "indigenous": yes_no(people["indigenous"], "indigenous"),
        "francophone": yes_no(people["francophone"], "francophone"),
        "race": np.where(dec["race"], RACE_DECLINED, people["race"]).astype(np.int8),
        "disability": np.where(dec["disability"], DISABILITY_DECLINED, disability).astype(np.int8),
        "criminal_record": yes_no(people["criminal_record"] & ~hidden_record, "criminal_record"),
        "born_outside_canada": yes_no(people["immigrant"], "immigration"),
        "years_since_arrival": np.where(dec["immigration"], -1, people["years_since_arrival"]).astype(
            np.int8
        ),
        "dependants": np.where(dec["dependants"], -1, people["dependants"]).astype(np.int8),
        "education": np.where(dec["education"], EDUCATION_DECLINED, people["education"]).astype(np.int8),
        "past_wage": np.where(dec["past_wage"], np.nan, people["past_wage"]).astype(np.float32),
        "current_wage": np.where(dec["current_wage"], np.nan, people["current_wage"]).astype(np.float32),
        "goal_wage": np.where(dec["goal_wage"], np.nan, people["goal_wage"]).astype(np.float32),
        "declined_dependants": dec["dependants"],
        "youth_high_needs": (people["age"] <= 29) & (barriers >= 2),
        "women_high_needs": (people["gender"] == 0) & ~dec["gender"] & (people["age"] > 29) & (barriers >= 2),
        "declined_past_wage": dec["past_wage"],
        "declined_current_wage": dec["current_wage"],
        "declined_goal_wage": dec["goal_wage"],
        "declined_any": np.logical_or.reduce([dec[item] for item in ITEMS]),
        "declined_count": np.add.reduce([dec[item].astype(np.int8) for item in ITEMS]).astype(np.int8),
    }
    return recorded


def reported_covariates(people: dict, recorded: dict) -> dict[str, np.ndarray]:
    """The hazard covariates as an operational model sees them: recorded answers, with "prefer not to
    answer" read as "no" (and as high school for education)."""
    cov = {
        name: people[name]
        for name in (
            "program",
            "employed",
            "age",
            "months_out",
            "language_barrier",
            "housing_unstable",
            "prior_ow_spells",
            "never_worked",
            "prior_outlook",
        )
    }
    education = recorded["education"]
    cov["education"] = np.where(education == EDUCATION_DECLINED, HS, education)
    cov["disability"] = np.where(recorded["disability"] == DISABILITY_DECLINED, 0, recorded["disability"])
    cov["criminal_record"] = recorded["criminal_record"] == YES
    years = recorded["years_since_arrival"]
    cov["newcomer"] = (recorded["born_outside_canada"] == YES) & (years >= 0) & (years <= 5)
    cov["racialized"] = np.zeros(len(education), dtype=bool)  # not used by the operational model
    cov["indigenous"] = np.zeros(len(education), dtype=bool)
    return cov
