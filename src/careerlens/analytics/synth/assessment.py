"""Career measures at intake and at exit, on 1-5 scales, driven by latent employability.

- the 11 Blueprint career-management competencies, one self-rating each (integer 1-5);
- the four adaptability dimensions (concern, control, curiosity, confidence), each the mean of six items
  of our own wording (not the CAAS items);
- job-search self-efficacy (integer 1-5);
- ``career_index``: the mean of the 15 career measures.

At exit each measure moves by a known expected change (general service, career counselling, job search,
training, being employed by exit) plus noise; ``truth.py`` records each client's expected change.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .config import (
    ADAPTABILITY,
    CAREER_COUNSELLING,
    CAREER_MANAGEMENT,
    JOB_SEARCH,
    SKILLS_TRAINING,
    SimConfig,
)
from .numeric import generator

MEASURES = CAREER_MANAGEMENT + ADAPTABILITY
ITEMS_PER_DIMENSION = 6
EXIT_ASSESSED = (0.75, 0.95, 0.35)  # share assessed at exit, by exit reason (employed, completed, disengaged)


def shifts(people: dict) -> np.ndarray:
    """Group differences at intake (15 x n), beyond employability."""
    n = len(people["age"])
    out = np.zeros((len(MEASURES), n))
    long_term = people["months_out"] >= 12
    older = people["age"] >= 55
    out[MEASURES.index("adapt_confidence")] -= 0.3 * long_term
    out[MEASURES.index("cm_positive_self_image")] -= 0.25 * long_term
    out[MEASURES.index("cm_changing_roles")] -= 0.2 * older
    out[MEASURES.index("adapt_curiosity")] -= 0.1 * older
    out[MEASURES.index("cm_work_and_economy")] -= 0.3 * people["newcomer"]
    out[MEASURES.index("cm_locate_information")] -= 0.3 * people["newcomer"]
    out[MEASURES.index("cm_secure_maintain_work")] += 0.2 * people["employed"]
    return out


def expected_change(assigned: np.ndarray, employed_at_exit: np.ndarray, cfg: SimConfig) -> np.ndarray:
    """Expected change of every career measure from intake to exit (scale points)."""
    c = cfg.indicator_change
    return (
        c["base"]
        + cfg.effects["career_counselling"]["career_indicators"] * assigned[:, CAREER_COUNSELLING]
        + c["job_search"] * assigned[:, JOB_SEARCH]
        + c["skills_training"] * assigned[:, SKILLS_TRAINING]
        + c["employed"] * employed_at_exit
    )


@dataclass
class Answers:
    client: np.ndarray  # int32 row of the client
    career_management: np.ndarray  # 11 x m int8
    adaptability: np.ndarray  # 4 x m float32
    self_efficacy: np.ndarray  # m int8
    career_index: np.ndarray  # m float32


def _answers(
    client: np.ndarray, latent: np.ndarray, efficacy: np.ndarray, rng: np.random.Generator, cfg: SimConfig
) -> Answers:
    m = len(client)
    k = len(CAREER_MANAGEMENT)
    cm = np.clip(np.rint(latent[:k]), 1, 5).astype(np.int8)
    adapt = np.empty((len(ADAPTABILITY), m), dtype=np.float32)
    for row in range(len(ADAPTABILITY)):
        items = np.clip(np.rint(latent[k + row] + 0.6 * rng.standard_normal((ITEMS_PER_DIMENSION, m))), 1, 5)
        adapt[row] = items.mean(axis=0)
    index = (cm.sum(axis=0) + adapt.sum(axis=0)) / len(MEASURES)
    self_efficacy = np.clip(np.rint(efficacy), 1, 5).astype(np.int8)
    return Answers(client, cm, adapt, self_efficacy, index.astype(np.float32))


def intake_and_exit(
    people: dict,
    employability: np.ndarray,
    intake: np.ndarray,
    exit_reason: np.ndarray,
    employed_at_exit: np.ndarray,
    assigned: np.ndarray,
    seed: int,
    cfg: SimConfig,
) -> tuple[Answers, Answers]:
    rng = generator(seed, "assessment")
    client = np.flatnonzero(intake).astype(np.int32)
    m = len(client)
    sub = {name: people[name][client] for name in ("months_out", "age", "newcomer", "employed")}
    e = employability[client].astype(np.float64)
    latent = (
        3.0
        + cfg.assessment_loading * e
        + shifts(sub)
        + cfg.assessment_noise * rng.standard_normal((len(MEASURES), m))
    )
    efficacy = 3.1 + cfg.assessment_loading * e + cfg.assessment_noise * rng.standard_normal(m)
    first = _answers(client, latent, efficacy, rng, cfg)

    assessed = rng.random(m) < np.array(EXIT_ASSESSED)[exit_reason[client]]
    later = client[assessed]
    change = expected_change(assigned[later], employed_at_exit[later], cfg)
    noise = cfg.indicator_change["noise"]
    latent_exit = latent[:, assessed] + change + noise * rng.standard_normal((len(MEASURES), len(later)))
    efficacy_exit = efficacy[assessed] + change + noise * rng.standard_normal(len(later))
    second = _answers(later, latent_exit, efficacy_exit, rng, cfg)
    return first, second
