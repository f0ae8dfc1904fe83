"""The intervention catalogue as data (``data/interventions.json``): each intervention's English and French
name, type, the career theories it rests on, the CDP competency areas needed to deliver it, and its typical
duration and cost. Plan items name an intervention by its code."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import get_language

from careerlens.network.framework import area_codes

PATH = Path(__file__).resolve().parent / "data" / "interventions.json"


def _pick(names: dict) -> str:
    return names["fr" if (get_language() or "en").startswith("fr") else "en"]


@dataclass(frozen=True)
class Intervention:
    code: str
    type: str
    names: dict
    type_names: dict
    theories: tuple[dict, ...]
    competencies: tuple[str, ...]
    typical_weeks: int
    typical_cost: int

    @property
    def name(self) -> str:
        return _pick(self.names)

    @property
    def type_name(self) -> str:
        return _pick(self.type_names)

    @property
    def theory_names(self) -> list[str]:
        return [_pick(theory) for theory in self.theories]


@cache
def catalogue() -> dict[str, Intervention]:
    raw = json.loads(PATH.read_text(encoding="utf-8"))
    known_areas = area_codes()
    found = {}
    for item in raw["interventions"]:
        unknown = set(item["competencies"]) - known_areas
        if unknown or item["type"] not in raw["types"]:
            raise ValueError(
                f"intervention {item['code']}: unknown type or competency areas {sorted(unknown)}"
            )
        found[item["code"]] = Intervention(
            code=item["code"],
            type=item["type"],
            names={"en": item["en"], "fr": item["fr"]},
            type_names=raw["types"][item["type"]],
            theories=tuple(raw["theories"][t] for t in item["theories"]),
            competencies=tuple(item["competencies"]),
            typical_weeks=item["typical_weeks"],
            typical_cost=item["typical_cost"],
        )
    return found


def choices() -> list[tuple[str, str]]:
    return sorted(((code, item.name) for code, item in catalogue().items()), key=lambda pair: pair[1])


def intervention(code: str) -> Intervention:
    return catalogue()[code]
