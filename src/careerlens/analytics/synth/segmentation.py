"""The operational segmentation the simulated system runs at intake: a risk of long-term unemployment (no
job within 12 months) from the Common Assessment's recorded answers, cut into streams A, B, C at fixed
cut-offs (settings calibrated so that the default province gives about A 22%, B 31%, C 47%).

The score uses the true hazard coefficients but only what the client reported (no unobserved part, no
race or Indigenous identity, "prefer not to answer" read as "no"); clients who under-report high needs are
therefore under-streamed, as providers observed.
"""

from __future__ import annotations

import numpy as np

from . import hazard
from .config import SimConfig

RISK_MONTHS = 12


def risk(cov: dict, catchment: np.ndarray, cfg: SimConfig) -> np.ndarray:
    """P(no job start within 12 months | covariates), no interventions, an average provider."""
    base = cfg.hazard_intercept + hazard.person_logit(cov, cfg) + hazard.labour_market(catchment, cfg)
    return hazard.survival(base, None, RISK_MONTHS, cfg)


def streams(risk_score: np.ndarray, cfg: SimConfig) -> np.ndarray:
    """0 = A (risk below the first cut-off), 1 = B, 2 = C (risk at or above the second)."""
    low, high = cfg.stream_cutoffs
    return (np.asarray(risk_score) >= low).astype(np.int8) + (np.asarray(risk_score) >= high)
