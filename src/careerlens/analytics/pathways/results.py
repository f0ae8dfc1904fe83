"""What the engine answers with: transitions and their explanations, paths, batch results, and the error
for an unknown occupation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from . import exposure as exposure_module
from . import labour
from ._io import PathwayDataError


class UnknownOccupation(PathwayDataError):
    """An occupation code the engine does not know; ``code`` names it."""

    def __init__(self, code: str):
        super().__init__(f"unknown occupation code {code!r} (not a NOC 2021 unit group of the engine)")
        self.code = code


@dataclass(frozen=True)
class DescriptorComparison:
    descriptor: str
    facet: str
    name_en: str
    name_fr: str  # English when OaSIS has no French name (it publishes none)
    origin: float  # on the descriptor's own scale
    target: float
    scale_max: float

    @property
    def difference(self) -> float:
        return self.target - self.origin

    def name(self, language: str = "en") -> str:
        return self.name_fr if language == "fr" else self.name_en


@dataclass(frozen=True)
class FacetFit:
    facet: str
    weight: float
    fit: float
    gap: float | None  # None for match facets


@dataclass(frozen=True)
class Transition:
    origin: str
    target: str
    title_en: str
    title_fr: str
    rank: int
    score: float
    feasibility: float
    gap: float
    viable: bool
    teer_origin: int
    teer_target: int
    teer_step: int  # origin TEER - target TEER: positive is a step up (more education)
    training_weeks: float
    facets: tuple[FacetFit, ...] = ()
    outlook: labour.Outlook | None = None
    earnings_ratio: float | None = None
    automation: exposure_module.Exposure | None = None
    ai_exposure: exposure_module.Exposure | None = None
    strengths: tuple[DescriptorComparison, ...] = ()
    gaps: tuple[DescriptorComparison, ...] = ()
    programs: tuple[programs.ProgramMatch, ...] = ()
    # what blocks a non-viable transition: origin, gap, teer_distance, teer_step, training_weeks
    not_viable_because: tuple[str, ...] = ()

    def title(self, language: str = "en") -> str:
        return self.title_fr if language == "fr" and self.title_fr else self.title_en

    def as_dict(self, language: str = "en") -> dict[str, Any]:
        """JSON-ready (names in ``language``, falling back to English)."""

        def comparison(c: DescriptorComparison) -> dict[str, Any]:
            return {
                "descriptor": c.descriptor,
                "facet": c.facet,
                "name": c.name(language),
                "origin": round(c.origin, 3),
                "target": round(c.target, 3),
                "scale_max": c.scale_max,
            }

        def exposure(e: exposure_module.Exposure | None) -> dict[str, Any] | None:
            if e is None:
                return None
            return {
                "measure": e.measure,
                "value": None if e.value is None else round(e.value, 4),
                "published": e.raw,
                "label": e.label,
                "route": e.route,
                "codes": list(e.codes),
            }

        outlook = None
        if self.outlook is not None:
            outlook = {
                "value": self.outlook.value,
                "label": self.outlook.label_fr if language == "fr" else self.outlook.label_en,
                "source": self.outlook.source,
            }
        return {
            "origin": self.origin,
            "target": self.target,
            "title": self.title(language),
            "rank": self.rank,
            "score": round(self.score, 6),
            "feasibility": round(self.feasibility, 6),
            "gap": round(self.gap, 6),
            "viable": self.viable,
            "not_viable_because": list(self.not_viable_because),
            "teer_origin": self.teer_origin,
            "teer_target": self.teer_target,
            "teer_step": self.teer_step,
            "training_weeks": round(self.training_weeks, 1),
            "facets": [
                {
                    "facet": f.facet,
                    "weight": round(f.weight, 4),
                    "fit": round(f.fit, 4),
                    "gap": None if f.gap is None else round(f.gap, 4),
                }
                for f in self.facets
            ],
            "outlook": outlook,
            "earnings_ratio": None if self.earnings_ratio is None else round(self.earnings_ratio, 4),
            "automation": exposure(self.automation),
            "ai_exposure": exposure(self.ai_exposure),
            "strengths": [comparison(c) for c in self.strengths],
            "gaps": [comparison(c) for c in self.gaps],
            "programs": [
                {"id": m.program.id, "name": m.program.name(language), "closes": list(m.closes)}
                for m in self.programs
            ],
        }


@dataclass(frozen=True)
class PathStep:
    origin: str
    target: str
    gap: float
    teer_step: int
    training_weeks: float


@dataclass(frozen=True)
class CareerPath:
    steps: tuple[PathStep, ...]
    total_gap: float
    total_training_weeks: float

    @property
    def occupations(self) -> tuple[str, ...]:
        return (self.steps[0].origin, *(s.target for s in self.steps))


@dataclass(frozen=True)
class BatchResult:
    targets: np.ndarray  # (P, top) int16 index into Engine.codes, -1 where fewer viable targets
    scores: np.ndarray  # (P, top) float32, NaN where none
