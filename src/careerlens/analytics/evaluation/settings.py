"""Every parameter of the evaluation engine, with its default (described in docs/evaluation.md)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from .errors import EvaluationError


@dataclass(frozen=True)
class EvaluationSettings:
    # --- propensity and outcome models ---
    ridge: float = 1e-6
    max_newton_steps: int = 25
    # --- common support ---
    trim_low: float = 0.01
    trim_high: float = 0.99
    # --- matching ---
    caliper_sd: float = 0.2
    # --- bootstrap ---
    bootstrap: int = 200
    seed: int = 1
    confidence: float = 0.95
    # --- diagnostics and the recommendation rule ---
    min_group: int = 30
    balance_threshold: float = 0.1
    min_effective_share: float = 0.1
    min_matched_share: float = 0.9
    max_trimmed_share: float = 0.5
    # --- subgroups ---
    suppression_threshold: int = 10
    histogram_bins: int = 20

    def __post_init__(self) -> None:
        checks = [
            (self.ridge >= 0, "ridge must be zero or more"),
            (self.max_newton_steps >= 1, "max_newton_steps must be at least 1"),
            (
                0 <= self.trim_low < 0.5 < self.trim_high <= 1,
                "trim_low must be in [0, 0.5) and trim_high in (0.5, 1]",
            ),
            (self.caliper_sd > 0, "caliper_sd must be above 0"),
            (self.bootstrap >= 0, "bootstrap must be zero or more"),
            (self.seed >= 0, "seed must be zero or more"),
            (0 < self.confidence < 1, "confidence must be between 0 and 1"),
            (self.min_group >= 2, "min_group must be at least 2"),
            (self.balance_threshold > 0, "balance_threshold must be above 0"),
            (0 <= self.min_effective_share <= 1, "min_effective_share must be between 0 and 1"),
            (0 <= self.min_matched_share <= 1, "min_matched_share must be between 0 and 1"),
            (0 <= self.max_trimmed_share <= 1, "max_trimmed_share must be between 0 and 1"),
            (self.suppression_threshold >= 1, "suppression_threshold must be at least 1"),
            (self.histogram_bins >= 2, "histogram_bins must be at least 2"),
        ]
        for ok, message in checks:
            if not ok:
                raise EvaluationError(f"{message}.")

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)
