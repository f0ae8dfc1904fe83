"""NOC 2021 unit groups with their TEER, employment and COPS 2024-2033 outlook, read from the shared
reference files with pyarrow (no Django). Prior and new occupations are drawn from these, weighted by
employment so that common occupations are common."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow.csv as pacsv

from .config import OUTLOOKS

DATA = Path(__file__).resolve().parents[2] / "reference" / "data"
UNIT_GROUPS = DATA / "noc2021" / "noc2021_unit_groups.csv"
COPS_SUMMARY = DATA / "cops2024" / "summary_sommaire_2024_2033_noc2021.csv"

_OUTLOOK_CODES = {
    "Strong risk of Surplus": OUTLOOKS.index("strong_surplus"),
    "Moderate risk of Surplus": OUTLOOKS.index("moderate_surplus"),
    "Balance": OUTLOOKS.index("balance"),
    "Moderate risk of Shortage": OUTLOOKS.index("moderate_shortage"),
    "Strong risk of Shortage": OUTLOOKS.index("strong_shortage"),
}
# COPS publishes no employment for some unit groups (grouped with others): they get this small weight.
MISSING_EMPLOYMENT_WEIGHT = 500.0


@dataclass(frozen=True)
class Occupations:
    codes: np.ndarray  # 5-digit NOC strings (object array)
    teer: np.ndarray  # int8 0..5
    employment: np.ndarray  # float64, COPS employment 2023 (national)
    outlook: np.ndarray  # int8 code into config.OUTLOOKS

    def __len__(self) -> int:
        return len(self.codes)


def _read(path: Path, columns: list[str]):
    options = pacsv.ConvertOptions(column_types=dict.fromkeys(columns, "string"), include_columns=columns)
    return pacsv.read_csv(path, convert_options=options)


@functools.lru_cache(maxsize=2)
def load(unit_groups: Path = UNIT_GROUPS, cops: Path = COPS_SUMMARY) -> Occupations:
    groups = _read(unit_groups, ["noc_code", "teer"])
    codes = [code.zfill(5) for code in groups.column("noc_code").to_pylist()]
    teer = np.array([int(value) for value in groups.column("teer").to_pylist()], dtype=np.int8)
    summary = _read(cops, ["Code", "Employment_emploi_2023", "Future_Labour_Market_Conditions"])
    employment_by_code, outlook_by_code = {}, {}
    for code, employment, outlook in zip(
        summary.column("Code").to_pylist(),
        summary.column("Employment_emploi_2023").to_pylist(),
        summary.column("Future_Labour_Market_Conditions").to_pylist(),
        strict=True,
    ):
        if not code.isdigit() or len(code) != 5 or code == "00000":
            continue
        cleaned = (employment or "").replace(",", "").strip()
        employment_by_code[code] = float(cleaned) if cleaned.isdigit() else MISSING_EMPLOYMENT_WEIGHT
        outlook_by_code[code] = _OUTLOOK_CODES.get(outlook, 0)
    return Occupations(
        codes=np.array(codes, dtype=object),
        teer=teer,
        employment=np.array([employment_by_code.get(code, MISSING_EMPLOYMENT_WEIGHT) for code in codes]),
        outlook=np.array([outlook_by_code.get(code, 0) for code in codes], dtype=np.int8),
    )


def draw_by_teer(
    rng: np.random.Generator, occupations: Occupations, teer: np.ndarray, tilt: np.ndarray | None = None
) -> np.ndarray:
    """One unit group (index into ``occupations``) per person, within the given TEER, weighted by employment
    (times ``tilt`` per unit group, when given). Vectorised: one searchsorted per TEER."""
    result = np.zeros(len(teer), dtype=np.int16)
    weights = occupations.employment * (1.0 if tilt is None else tilt)
    for level in range(6):
        chosen = np.flatnonzero(teer == level)
        if chosen.size == 0:
            continue
        members = np.flatnonzero(occupations.teer == level)
        cumulative = np.cumsum(weights[members])
        cumulative /= cumulative[-1]
        picks = np.minimum(
            np.searchsorted(cumulative, rng.random(chosen.size), side="right"), members.size - 1
        )
        result[chosen] = members[picks]
    return result
