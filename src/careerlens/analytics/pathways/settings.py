"""Every parameter of the pathway engine, with its default. The defaults are careerlens's choices (tuned on
the internal checks of ``docs/pathways.md``), not official figures; every field is described there."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from ._io import PathwayDataError


def _frozen(**values: float) -> Mapping[str, float]:
    return MappingProxyType(dict(values))


DEFAULT_FACET_WEIGHTS = _frozen(
    skills=0.25,
    abilities=0.10,
    knowledge=0.20,
    work_activities=0.20,
    work_context=0.10,
    personal_attributes=0.05,
    interests=0.10,
)
# TEER → typical weeks of education or training to enter an occupation of that TEER from a lower one
# (careerlens setting; TEER 0 stands for management experience and training).
DEFAULT_TRAINING_WEEKS_BY_TEER = MappingProxyType({0: 104, 1: 208, 2: 104, 3: 52, 4: 8, 5: 2})
OUTLOOK_MEASURES = ("cops",)
AUTOMATION_MEASURES = ("frey_osborne", "nesta")


@dataclass(frozen=True)
class PathwaySettings:
    # --- feasibility (skills-based fit) ---
    facet_weights: Mapping[str, float] = field(default_factory=lambda: DEFAULT_FACET_WEIGHTS)
    match_facets: tuple[str, ...] = ("work_context", "interests")
    excess_weight: float = 0.5
    # --- viability ---
    max_gap: float = 0.30
    max_teer_distance: int = 2
    # --- the full (non-feasibility-only) score ---
    outlook_weight: float = 0.05
    wage_weight: float = 0.05
    automation_weight: float = 0.05
    automation_measure: str = "frey_osborne"
    ai_exposure_weight: float = 0.02
    # --- training time ---
    training_weeks_by_teer: Mapping[int, int] = field(default_factory=lambda: DEFAULT_TRAINING_WEEKS_BY_TEER)
    weeks_per_gap: float = 104.0
    # --- explanations ---
    explain_strengths: int = 5
    explain_gaps: int = 5
    gap_min_points: float = 0.5
    # --- multi-step paths ---
    max_path_steps: int = 3

    def __post_init__(self) -> None:
        weights = dict(self.facet_weights)
        if not weights or any(not (w >= 0) for w in weights.values()) or sum(weights.values()) <= 0:
            raise PathwayDataError("facet_weights: weights must be zero or more, and not all zero.")
        object.__setattr__(self, "facet_weights", MappingProxyType(weights))
        object.__setattr__(
            self, "training_weeks_by_teer", MappingProxyType(dict(self.training_weeks_by_teer))
        )
        checks = [
            (self.excess_weight >= 0, "excess_weight must be zero or more"),
            (0 < self.max_gap <= 1, "max_gap must be more than 0 and at most 1"),
            (0 <= self.max_teer_distance <= 5, "max_teer_distance must be from 0 to 5"),
            (
                self.automation_measure in AUTOMATION_MEASURES,
                f"automation_measure must be one of {', '.join(AUTOMATION_MEASURES)}",
            ),
            (self.weeks_per_gap >= 0, "weeks_per_gap must be zero or more"),
            (self.explain_strengths >= 0 and self.explain_gaps >= 0, "explain_* must be zero or more"),
            (self.gap_min_points >= 0, "gap_min_points must be zero or more"),
            (1 <= self.max_path_steps <= 3, "max_path_steps must be 1, 2 or 3"),
        ]
        for name in ("outlook_weight", "wage_weight", "automation_weight", "ai_exposure_weight"):
            checks.append((getattr(self, name) >= 0, f"{name} must be zero or more"))
        for ok, message in checks:
            if not ok:
                raise PathwayDataError(message + ".")

    def replace(self, **changes: Any) -> PathwaySettings:
        return dataclasses.replace(self, **changes)

    def as_dict(self) -> dict[str, Any]:
        return {
            f.name: dict(getattr(self, f.name))
            if isinstance(getattr(self, f.name), Mapping)
            else getattr(self, f.name)
            for f in dataclasses.fields(self)
        }
