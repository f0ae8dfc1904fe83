"""The program catalogue (``data/programs.json``): training that can close a transition's gaps."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from ._io import PathwayDataError

CATALOGUE = Path(__file__).resolve().parent / "data" / "programs.json"


@dataclass(frozen=True)
class Program:
    id: str
    name_en: str
    name_fr: str
    summary_en: str
    summary_fr: str
    funding_en: str
    funding_fr: str
    eligibility_en: str
    eligibility_fr: str
    closes_facets: tuple[str, ...]
    closes_descriptors: tuple[str, ...]
    target_teer: tuple[int, ...]  # empty: any TEER
    target_noc_prefixes: tuple[str, ...]  # empty: any occupation
    max_weeks: float | None  # None: no limit on the length of training
    settings: tuple[str, ...]  # fields that are careerlens defaults, not published rules

    def name(self, language: str = "en") -> str:
        return self.name_fr if language == "fr" and self.name_fr else self.name_en

    def admits(self, target: str, teer: int) -> bool:
        if self.target_teer and teer not in self.target_teer:
            return False
        return not self.target_noc_prefixes or any(target.startswith(p) for p in self.target_noc_prefixes)

    def closes(self, facet: str, descriptor: str) -> bool:
        return facet in self.closes_facets or descriptor.split(".")[0] in self.closes_descriptors


@dataclass(frozen=True)
class ProgramMatch:
    program: Program
    closes: tuple[str, ...]  # descriptor ids of the transition's gaps that the program addresses


@functools.lru_cache(maxsize=4)
def load(path: Path = CATALOGUE) -> tuple[Program, ...]:
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise PathwayDataError(f"{path}: cannot be read as the program catalogue ({error}).") from error
    programs = []
    for n, item in enumerate(raw.get("programs", []), start=1):
        try:
            programs.append(
                Program(
                    **{
                        k: item[k]
                        for k in (
                            "id",
                            "name_en",
                            "name_fr",
                            "summary_en",
                            "summary_fr",
                            "funding_en",
                            "funding_fr",
                            "eligibility_en",
                            "eligibility_fr",
                        )
                    },
                    closes_facets=tuple(item["closes_facets"]),
                    closes_descriptors=tuple(item["closes_descriptors"]),
                    target_teer=tuple(int(t) for t in item["target_teer"]),
                    target_noc_prefixes=tuple(item["target_noc_prefixes"]),
                    max_weeks=None if item["max_weeks"] is None else float(item["max_weeks"]),
                    settings=tuple(item.get("settings", ())),
                )
            )
        except (KeyError, TypeError, ValueError) as error:
            raise PathwayDataError(f"{path}: program {n} is incomplete or malformed ({error}).") from error
    if len({p.id for p in programs}) != len(programs):
        raise PathwayDataError(f"{path}: program ids must be unique.")
    return tuple(programs)


def match(
    programs: tuple[Program, ...],
    gaps: list[tuple[str, str]],
    target: str,
    teer: int,
    training_weeks: float,
) -> tuple[ProgramMatch, ...]:
    """Programs that admit the target and close at least one gap ``(facet, descriptor id)`` and whose length
    limit allows the estimated training time; most gaps closed first, then catalogue order."""
    found = []
    for order, program in enumerate(programs):
        if not program.admits(target, teer):
            continue
        if program.max_weeks is not None and training_weeks > program.max_weeks:
            continue
        closes = tuple(d for f, d in gaps if program.closes(f, d))
        if closes:
            found.append((-len(closes), order, ProgramMatch(program, closes)))
    return tuple(m for *_, m in sorted(found, key=lambda x: (x[0], x[1])))
