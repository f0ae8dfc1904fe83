"""Automation and AI exposure per NOC 2021 unit group, reached through the crosswalks, with the route named.

The scores are keyed by US SOC (Frey & Osborne 2013, SOC 2010) or ISCO-08 (ILO 2023 generative-AI exposure;
Nesta's automation risk). Two routes lead there from NOC 2021:

- ``onet`` (tried first): NOC 2021 → O*NET-SOC 2019 (Brookfield Institute crosswalk) → O*NET-SOC 2010
  (O*NET's crosswalk) → SOC 2010 (the first 7 characters).
- ``statcan`` (when the first reaches no score; 64409, missing from the Brookfield file, always takes it):
  NOC 2021 → NOC 2016 (Statistics Canada's concordance, read backwards; where a NOC 2016 code became only
  this unit group, codes split across several are left out: 64409 comes from 6552, not from the part of
  1123 it received) → US SOC 2018 (Statistics Canada) → SOC 2010 (BLS 2010 ↔ 2018 crosswalk, backwards).

Then: Frey & Osborne by SOC 2010 (the detailed code, else its SOC 2000 code where the paper used it:
29-1141 registered nurses is 29-1111 there, else its broad group (last digit 0), else its minor group
(last three digits 0), as the paper scored some groups); ILO and Nesta through BLS's ISCO-08 ↔ SOC 2010
crosswalk (read backwards). Where a unit group reaches several codes, its score is their unweighted mean (no
employment weights exist across these classifications). A unit group no route reaches has no score:
it is shown as unknown and scores as the mean of the known ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ._io import DATA, PathwayDataError, column, noc_code, read_csv

ROUTES = {
    "onet": "NOC 2021 → O*NET-SOC 2019 (Brookfield Institute) → O*NET-SOC 2010 (O*NET) → SOC 2010",
    "statcan": "NOC 2021 → NOC 2016 (Statistics Canada) → SOC 2018 (Statistics Canada) → SOC 2010 (BLS)",
}
MEASURES = {
    "frey_osborne": (
        "Frey & Osborne (2013) probability of computerisation",
        "SOC 2010 → Frey & Osborne 2013",
    ),
    "ilo_genai": ("ILO (2023) generative-AI exposure", "SOC 2010 → ISCO-08 (BLS) → ILO 2023"),
    "nesta": ("Nesta automation risk (Mapping Career Causeways)", "SOC 2010 → ISCO-08 (BLS) → Nesta"),
}


@dataclass(frozen=True)
class Exposure:
    measure: str
    value: float | None  # 0..1 (Nesta: (risk - 1) / 4)
    raw: float | None  # as published (Nesta: 1-5)
    label: str  # ILO gradient, Nesta risk category, "" for Frey & Osborne
    route: str  # the full route, or "" when none reached a score
    codes: tuple[str, ...]  # the SOC 2010 or ISCO-08 codes whose scores were averaged


@dataclass(frozen=True)
class ExposureTable:
    codes: np.ndarray
    by_measure: dict[str, list[Exposure]]

    def vector(self, measure: str) -> np.ndarray:
        """Values (0..1) per occupation; unknown ones get the mean of the known."""
        values = np.array(
            [np.nan if e.value is None else e.value for e in self.by_measure[measure]], dtype=np.float32
        )
        known = ~np.isnan(values)
        if known.any():
            values[~known] = values[known].mean()
        else:
            values[:] = 0
        return values


def _many(pairs) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for a, b in pairs:
        if a and b:
            out.setdefault(a, set()).add(b)
    return out


def _pairs(path: Path, a: str, b: str, delimiter: str = ",", fa=str.strip, fb=str.strip):
    headers, rows = read_csv(path, delimiter)
    ia, ib = column(headers, a, path), column(headers, b, path)
    return [(fa(cells[ia]), fb(cells[ib])) for _, cells in rows if len(cells) > max(ia, ib)]


def _noc2016(value: str) -> str:
    value = value.strip()
    return value.zfill(4) if value.isdigit() and len(value) <= 4 else ""


def _noc2021(value: str) -> str:
    return noc_code(value) or ""


def _predecessors(pairs: list[tuple[str, str]]) -> dict[str, set[str]]:
    """NOC 2021 → NOC 2016 codes; where a NOC 2021 code has a predecessor that became only it (6552 → 64409),
    the codes that were split across several (1123 → 10022, 11202, 64409) are left out."""
    backwards = _many(pairs)
    forwards = _many((b, a) for a, b in pairs)
    out = {}
    for new, olds in backwards.items():
        whole = {old for old in olds if forwards.get(old) == {new}}
        out[new] = whole or olds
    return out


def read_crosswalks(data: Path = DATA) -> dict[str, dict[str, set[str]]]:
    c = Path(data) / "crosswalks"
    return {
        "noc_onet19": _many(_pairs(c / "noc2021_onet26.csv", "noc", "onet", fa=_noc2021)),
        "onet19_onet10": _many(
            _pairs(c / "onet_soc2010_to_onet_soc2019_crosswalk.csv", "soc2019_code", "soc2010_code", ";")
        ),
        "noc21_noc16": _predecessors(
            _pairs(
                c / "statcan_noc2016v1.3_to_noc2021v1.0_concordance_eng.csv",
                "NOC 2021 V1.0 Code",
                "NOC 2016 V1.3 Code",
                fa=_noc2021,
                fb=_noc2016,
            )
        ),
        "noc16_soc18": _many(
            _pairs(
                c / "statcan_noc2016v1.3_to_soc2018us_concordance_eng.csv",
                "NOC 2016 Version 1.3 Code",
                "SOC 2018 (US) Code",
                fa=_noc2016,
            )
        ),
        "soc18_soc10": _many(
            _pairs(c / "bls_soc2010_to_soc2018_crosswalk.csv", "2018 SOC Code", "2010 SOC Code")
        ),
        "soc10_isco": _many(
            _pairs(c / "bls_isco08_to_soc2010_crosswalk.csv", "2010 SOC Code", "ISCO-08 Code")
        ),
    }


def _float(value: str, path: Path, line: int, name: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise PathwayDataError(f"{path}, line {line}: {name} {value!r} is not a number.") from None


def read_scores(data: Path = DATA) -> dict[str, dict[str, tuple[float, str]]]:
    """measure → code → (published value, label)."""
    a = Path(data) / "automation"
    out: dict[str, dict[str, tuple[float, str]]] = {}
    path = a / "frey_osborne_2013_probability_soc2010.csv"
    headers, rows = read_csv(path)
    ic, ip = column(headers, "SOC code", path), column(headers, "Probability", path)
    out["frey_osborne"] = {
        cells[ic].strip(): (_float(cells[ip], path, n, "Probability"), "") for n, cells in rows
    }
    path = a / "ilo_genai_exposure_isco08_4digit.csv"
    headers, rows = read_csv(path)
    ic, im, ig = (column(headers, h, path) for h in ("4-digit code", "Mean", "Exposure"))
    out["ilo_genai"] = {
        cells[ic].strip().zfill(4): (_float(cells[im], path, n, "Mean"), cells[ig].strip())
        for n, cells in rows
    }
    path = a / "nesta_automation_risk_isco08_4digit.csv"
    headers, rows = read_csv(path)
    ic, ir, ik = (column(headers, h, path) for h in ("isco_code", "risk", "risk_category"))
    out["nesta"] = {
        cells[ic].strip().zfill(4): (_float(cells[ir], path, n, "risk"), cells[ik].strip())
        for n, cells in rows
    }
    return out


def _soc10(noc: str, route: str, x: dict[str, dict[str, set[str]]]) -> set[str]:
    if route == "onet":
        return {o10[:7] for o19 in x["noc_onet19"].get(noc, ()) for o10 in x["onet19_onet10"].get(o19, ())}
    return {
        s10
        for n16 in x["noc21_noc16"].get(noc, ())
        for s18 in x["noc16_soc18"].get(n16, ())
        for s10 in x["soc18_soc10"].get(s18, ())
    }


# SOC 2010 codes that the paper lists under their SOC 2000 code.
FREY_OSBORNE_ALIASES = {"29-1141": "29-1111"}  # registered nurses


def _frey_osborne(socs: set[str], scores: dict[str, tuple[float, str]]) -> dict[str, float]:
    found = {}
    for soc in socs:
        for candidate in (soc, FREY_OSBORNE_ALIASES.get(soc, soc), soc[:6] + "0", soc[:4] + "000"):
            if candidate in scores:
                found[candidate] = scores[candidate][0]
                break
    return found


def build(codes: np.ndarray, data: Path = DATA) -> ExposureTable:
    x = read_crosswalks(data)
    scores = read_scores(data)
    by_measure: dict[str, list[Exposure]] = {m: [] for m in MEASURES}
    for noc in codes:
        for measure, (_, tail) in MEASURES.items():
            chosen = None
            for route in ROUTES:
                socs = _soc10(noc, route, x)
                if measure == "frey_osborne":
                    found = _frey_osborne(socs, scores[measure])
                    labels = [""]
                else:
                    iscos = {i for s in socs for i in x["soc10_isco"].get(s, ())}
                    found = {i: scores[measure][i][0] for i in iscos if i in scores[measure]}
                    labels = sorted({scores[measure][i][1] for i in found})
                if found:
                    chosen = (route, found, labels)
                    break
            if chosen is None:
                by_measure[measure].append(Exposure(measure, None, None, "", "", ()))
                continue
            route, found, labels = chosen
            raw = float(np.mean(list(found.values())))
            value = (raw - 1) / 4 if measure == "nesta" else raw
            label = labels[0] if len(labels) == 1 else " / ".join(labels)
            by_measure[measure].append(
                Exposure(
                    measure,
                    value,
                    raw,
                    label,
                    f"{ROUTES[route]} → {tail.split(' → ', 1)[1]}",
                    tuple(sorted(found)),
                )
            )
    return ExposureTable(np.asarray(codes, dtype=object), by_measure)
