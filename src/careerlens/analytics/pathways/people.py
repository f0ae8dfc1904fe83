"""People as the engine sees them: an origin occupation, optionally the person's own ratings and interests
(which replace the origin profile where given), constraints and a wage."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

HOLLAND_LETTERS = "RIASEC"


@dataclass(frozen=True)
class Person:
    """One person.

    ``ratings``: descriptor id (``F01b01``; ``facet:id`` also works) → the person's own rating on that
    descriptor's scale, a whole number from 0 to its maximum (e.g. skills 0–5, knowledge 0–3), from the
    assessment or the career check-up. Descriptors not rated keep the origin occupation's rating.
    ``interests``: Holland (RIASEC) letters, most preferred first (up to 3); when given they replace the
    origin's interests entirely (3, 2, 1 points like OaSIS's top three codes).
    ``max_teer_step``: the largest step up in TEER the person will take (1 = e.g. from TEER 4 to TEER 3);
    ``max_training_weeks``: the longest training the person can take on. ``wage``: the person's current or
    last hourly wage, for the earnings ratio (else the origin occupation's wage, when wages are loaded)."""

    origin: str
    ratings: Mapping[str, float] = field(default_factory=dict)
    interests: Sequence[str] = ()
    max_teer_step: int | None = None
    max_training_weeks: float | None = None
    wage: float | None = None

    @property
    def personal(self) -> bool:
        return bool(self.ratings or self.interests)


@dataclass
class PersonBatch:
    """Many people at once, as arrays (``Engine.rank_batch``).

    ``origin``: (P,) index of each person's origin occupation in ``Engine.codes``; ``columns``: the K
    descriptor ids that ``ratings`` (P × K, float32) holds, NaN where a person gave no rating;
    ``max_teer_step`` (P,) int8, -1 for none; ``max_training_weeks`` (P,) float32, NaN for none; ``wage``
    (P,) float32, NaN for none."""

    origin: np.ndarray
    columns: tuple[str, ...] = ()
    ratings: np.ndarray | None = None
    max_teer_step: np.ndarray | None = None
    max_training_weeks: np.ndarray | None = None
    wage: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.origin)
