"""careerlens.analytics.pathways: skills-based transitions between occupations (no Django).

    from careerlens.analytics.pathways import Engine, Person
    engine = Engine.from_reference()                       # OaSIS 2023 × NOC 2021, COPS, crosswalks
    engine.transitions("72106", top=20)                   # best viable targets, explained
    engine.transitions(Person("72106", ratings={"F01c02": 4}, interests=["R", "C"]))
    engine.paths("65100", goal="32101")                    # up to 3 viable steps, by total gap
    engine.rank_all(None, top=20, feasibility_only=True)   # every origin at once

The model, its parameters and the quality checks are in docs/pathways.md.
"""

from ._io import PathwayDataError
from .engine import (
    BatchResult,
    CareerPath,
    DescriptorComparison,
    Engine,
    FacetFit,
    PathStep,
    Transition,
    UnknownOccupation,
)
from .people import Person, PersonBatch
from .settings import PathwaySettings
from .taxonomy import Descriptor, Taxonomy, aggregate, from_long, read_long

__all__ = [
    "BatchResult",
    "Descriptor",
    "DescriptorComparison",
    "Engine",
    "FacetFit",
    "PathStep",
    "PathwayDataError",
    "PathwaySettings",
    "CareerPath",
    "Person",
    "PersonBatch",
    "Taxonomy",
    "Transition",
    "UnknownOccupation",
    "aggregate",
    "from_long",
    "read_long",
]
