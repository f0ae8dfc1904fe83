"""The performance engine's settings: the IES outcome rule, job-quality thresholds, privacy and the
client-mix adjustment. Every field is documented in docs/performance.md (a test checks it)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass


class PerformanceError(ValueError):
    """Bad input to the performance engine (a snapshot, a rule file, a setting); the message names it."""


@dataclass(frozen=True)
class PerformanceSettings:
    min_hours: float = 20.0  # IES outcome rule: hours a week at the checkpoint
    min_wage: float = 17.60  # IES outcome rule: $ an hour (Ontario general minimum wage, October 2025)
    accepted_evidence: tuple[str, ...] = ("pay_stub", "employer_letter")  # self-report alone never counts
    job_window_months: int = 12  # a job counts for outcomes when it starts within this many months of intake
    living_wage: float = 22.00  # $ an hour, a setting (living-wage estimates vary by community)
    full_time_hours: float = 30.0  # hours a week for a full-time job
    spin_cycle_months: int = 12  # a return to Ontario Works within this many months of leaving it
    suppression_threshold: int = 10  # cells about fewer people than this are suppressed
    adjustment_outcome: str = "job_12m"  # indicator the client-mix adjustment models
    fit_sample: int = 400_000  # the expected-outcome model is fitted on at most this many clients
    confidence: float = 0.95  # level of the confidence intervals
    star_cutoffs: tuple[float, ...] = (-0.04, -0.015, 0.015, 0.04)  # shrunk actual minus expected (rate)
    seed: int = 1  # draws the fitting sample when there are more clients than fit_sample

    def __post_init__(self) -> None:
        checks = {
            "min_hours": self.min_hours > 0,
            "min_wage": self.min_wage > 0,
            "job_window_months": 1 <= self.job_window_months <= 24,
            "living_wage": self.living_wage > 0,
            "full_time_hours": self.full_time_hours > 0,
            "spin_cycle_months": 1 <= self.spin_cycle_months <= 60,
            "suppression_threshold": self.suppression_threshold >= 1,
            "fit_sample": self.fit_sample >= 1000,
            "confidence": 0 < self.confidence < 1,
            "star_cutoffs": len(self.star_cutoffs) == 4
            and list(self.star_cutoffs) == sorted(self.star_cutoffs),
        }
        for name, ok in checks.items():
            if not ok:
                raise PerformanceError(f"setting {name} has a value out of range: {getattr(self, name)!r}")

    def as_dict(self) -> dict:
        return dataclasses.asdict(self)
