"""The check-up's data files: the approximate table of Ontario postal-code prefixes (forward sortation areas)
to catchments (``data/fsa_catchments.csv``) and the programs with their eligibility rules and sources
(``data/programs.json``). Both are read once; docs/portal.md describes them and their limits."""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
FSA = re.compile(r"^[KLMNP]\d[A-Z]$")


@dataclass(frozen=True)
class Program:
    id: str
    raw: dict

    def text(self, key: str, language: str) -> str:
        return self.raw[f"{key}_{'fr' if language == 'fr' else 'en'}"]

    @property
    def verified(self) -> bool:
        return bool(self.raw["verified"])

    @property
    def sources(self) -> list[dict]:
        """Each official source: ``title``, ``url``, ``publisher`` and ``checked`` (the date careerlens
        compared the rule with it)."""
        return self.raw["sources"]

    @property
    def ages(self) -> tuple[int | None, int | None]:
        return self.raw.get("age_min"), self.raw.get("age_max")

    def fits_situation(self, situation: str) -> bool:
        return situation in self.raw["situations"]

    def fits_age(self, age: int | None) -> bool:
        low, high = self.ages
        if age is None:
            return low is None and high is None
        return (low is None or age >= low) and (high is None or age <= high)


@cache
def programs() -> tuple[Program, ...]:
    raw = json.loads((DATA / "programs.json").read_text(encoding="utf-8"))
    known = set(raw["situations"])
    found = []
    for item in raw["programs"]:
        unknown = set(item["situations"]) - known
        if unknown:
            raise ValueError(
                f"programs.json: program {item['id']} names unknown situations {sorted(unknown)}."
            )
        if not item.get("sources") or not all(source.get("url") for source in item["sources"]):
            raise ValueError(f"programs.json: program {item['id']} has no source with an address.")
        found.append(Program(item["id"], item))
    return tuple(found)


@cache
def by_id() -> dict[str, Program]:
    return {program.id: program for program in programs()}


def eligible_now(program_id: str, situation: str, age: int | None) -> bool:
    """Whether the person may be eligible now by the program's rules (situation and age); ``False`` for a
    program the file does not know (nothing is shown without its rule)."""
    program = by_id().get(program_id)
    return program is not None and program.fits_situation(situation) and program.fits_age(age)


@cache
def prefixes() -> dict[str, tuple[str, str]]:
    """Postal-code prefix (one to three characters) → (catchment code, place)."""
    with (DATA / "fsa_catchments.csv").open(encoding="utf-8", newline="") as handle:
        return {row["prefix"]: (row["catchment"], row["place"]) for row in csv.DictReader(handle)}


def fsa_of(postal_code: str) -> str:
    """The first three characters of a postal code, upper-cased (``k1a 0b1`` → ``K1A``)."""
    return re.sub(r"\s+", "", postal_code or "").upper()[:3]


def catchment_for(postal_code: str) -> tuple[str, str] | None:
    """(catchment code, place) for the longest prefix of the table that the postal code starts with, or
    ``None`` when the table does not know it (the person then chooses)."""
    fsa = fsa_of(postal_code)
    table = prefixes()
    for length in (3, 2, 1):
        if fsa[:length] in table:
            return table[fsa[:length]]
    return None
