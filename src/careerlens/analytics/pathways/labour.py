"""Labour-market inputs of the full score: the outlook (COPS nationally; Job Bank 3-year outlooks by
economic region when imported) and wages (optional: the shipped data has none).

Outlook values run from -1 (strong risk of surplus / very limited prospects) to +1 (strong risk of
shortage / very good prospects); unknown is NaN and scores as 0.

Job Bank import (``read_jobbank``): a CSV file with one row per occupation and economic region::

    noc_code,economic_region,outlook
    72106,3530,4
    72106,3550,Good

``noc_code`` a NOC 2021 unit group (leading zeros may be missing), ``economic_region`` a 4-digit StatCan
economic-region code (Ontario: 3510 … 3595), ``outlook`` Job Bank's star rating 1–5 or its label in English or
French (very good/très bonnes = 5 … very limited/très limitées = 1; undetermined/indéterminées = no value).
Header aliases accepted: ``NOC Code``, ``NOC 2021 Code``, ``Economic Region Code``, ``ER Code``, ``Outlook``,
``Stars``, ``Perspectives``. Stars map to (stars - 3) / 2.

Wages (``read_wages``): ``noc_code,wage`` (hourly, any one currency and year for the whole file).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ._io import DATA, PathwayDataError, clean, key, noc_code, read_csv

COPS_FILE = Path("cops2024") / "summary_sommaire_2024_2033_noc2021.csv"
COPS_SOURCE = "COPS 2024–2033 (ESDC), all of Canada"
COPS_VALUES = {
    "strong risk of shortage": 1.0,
    "moderate risk of shortage": 0.5,
    "balance": 0.0,
    "moderate risk of surplus": -0.5,
    "strong risk of surplus": -1.0,
}
JOBBANK_LABELS = {
    "very good": 5, "tres bonnes": 5, "tres bonne": 5, "tres bon": 5,
    "good": 4, "bonnes": 4, "bonne": 4, "bon": 4,
    "moderate": 3, "moderees": 3, "moderee": 3, "modere": 3,
    "limited": 2, "limitees": 2, "limitee": 2, "limite": 2,
    "very limited": 1, "tres limitees": 1, "tres limitee": 1, "tres limite": 1,
    "undetermined": 0, "indeterminees": 0, "indeterminee": 0, "indetermine": 0,
}  # fmt: skip
STAR_LABELS = {
    5: ("Very good", "Très bonnes"),
    4: ("Good", "Bonnes"),
    3: ("Moderate", "Modérées"),
    2: ("Limited", "Limitées"),
    1: ("Very limited", "Très limitées"),
}
JOBBANK_COLUMNS = {
    "noc_code": ("noc_code", "noc code", "noc 2021 code", "noc", "code cnp"),
    "economic_region": ("economic_region", "economic region code", "er code", "economic region", "code re"),
    "outlook": ("outlook", "stars", "outlook stars", "perspectives", "etoiles"),
}


@dataclass(frozen=True)
class Outlook:
    value: float | None
    label_en: str
    label_fr: str
    source: str


@dataclass
class Outlooks:
    """National outlooks (one per occupation of ``codes``) and optional regional overrides."""

    codes: np.ndarray
    value: np.ndarray  # float32, NaN unknown
    label_en: np.ndarray
    label_fr: np.ndarray
    source: str = COPS_SOURCE
    regional: dict[str, dict[str, int]] = field(default_factory=dict)  # region → NOC → stars (1-5)

    def vector(self, region: str | None = None) -> np.ndarray:
        """Outlook per occupation for scoring: the region's Job Bank value where imported, else COPS."""
        values = self.value.copy()
        stars = self.regional.get(region or "", {})
        if stars:
            for i, code in enumerate(self.codes):
                s = stars.get(code)
                if s:
                    values[i] = (s - 3) / 2
        return values

    def get(self, i: int, region: str | None = None) -> Outlook:
        stars = self.regional.get(region or "", {}).get(self.codes[i])
        if stars:
            en, fr = STAR_LABELS[stars]
            return Outlook((stars - 3) / 2, en, fr, f"Job Bank 3-year outlook, economic region {region}")
        value = float(self.value[i])
        return Outlook(None if np.isnan(value) else value, self.label_en[i], self.label_fr[i], self.source)

    def with_jobbank(self, regional: dict[str, dict[str, int]]) -> Outlooks:
        merged = {region: dict(codes) for region, codes in self.regional.items()}
        for region, codes in regional.items():
            merged.setdefault(region, {}).update(codes)
        return Outlooks(self.codes, self.value, self.label_en, self.label_fr, self.source, merged)


def read_cops(codes: np.ndarray, data: Path = DATA) -> Outlooks:
    """COPS 2024–2033 future labour-market conditions for each of ``codes`` (NaN where COPS has none)."""
    path = Path(data) / COPS_FILE
    headers, rows = read_csv(path)
    names = {h.casefold(): i for i, h in enumerate(headers)}
    try:
        c_code = names["code"]
        c_en = names["future_labour_market_conditions"]
        c_fr = names["conditions_futures_sur_le_marché_du_travail"]
    except KeyError as error:
        raise PathwayDataError(f"{path}: missing column {error.args[0]!r}.") from None
    found: dict[str, tuple[float, str, str]] = {}
    for line, cells in rows:
        code = noc_code(cells[c_code])
        if code is None or code == "00000":
            continue  # aggregate rows: TEER_n, NOC1_n, all occupations
        en, fr = clean(cells[c_en]), clean(cells[c_fr])
        if en in ("N/A", ""):
            found[code] = (np.nan, "", "")
            continue
        value = COPS_VALUES.get(en.casefold())
        if value is None:
            raise PathwayDataError(f"{path}, line {line}: Future_Labour_Market_Conditions {en!r} is unknown.")
        found[code] = (value, en, fr)
    n = len(codes)
    value = np.full(n, np.nan, dtype=np.float32)
    label_en = np.full(n, "", dtype=object)
    label_fr = np.full(n, "", dtype=object)
    for i, code in enumerate(codes):
        if code in found:
            value[i], label_en[i], label_fr[i] = found[code]
    return Outlooks(np.asarray(codes, dtype=object), value, label_en, label_fr)


def _find(headers: list[str], wanted: tuple[str, ...], path: Path, name: str) -> int:
    keys = [key(h) for h in headers]
    for alias in wanted:
        if key(alias) in keys:
            return keys.index(key(alias))
    raise PathwayDataError(f"{path}: no {name} column (one of: {', '.join(wanted)}).")


def read_jobbank(path: str | Path, known: set[str] | None = None) -> dict[str, dict[str, int]]:
    """Job Bank 3-year outlooks by economic region (format above): region → NOC → stars. All or nothing:
    the first bad row stops the import with its line and field."""
    path = Path(path)
    headers, rows = read_csv(path)
    c = {name: _find(headers, aliases, path, name) for name, aliases in JOBBANK_COLUMNS.items()}
    out: dict[str, dict[str, int]] = {}
    for line, cells in rows:
        raw_code = cells[c["noc_code"]] if c["noc_code"] < len(cells) else ""
        code = noc_code(raw_code)
        if code is None or (known is not None and code not in known):
            raise PathwayDataError(
                f"{path}, line {line}: noc_code {raw_code!r} is not a NOC 2021 unit group."
            )
        region = cells[c["economic_region"]].strip() if c["economic_region"] < len(cells) else ""
        if not (region.isdigit() and len(region) == 4):
            raise PathwayDataError(f"{path}, line {line}: economic_region {region!r} is not a 4-digit code.")
        raw = cells[c["outlook"]].strip() if c["outlook"] < len(cells) else ""
        stars = int(raw) if raw.isdigit() else JOBBANK_LABELS.get(key(raw))
        if stars is None or not 0 <= stars <= 5:
            raise PathwayDataError(
                f"{path}, line {line}: outlook {raw!r} is not 1-5 stars or a Job Bank label."
            )
        if stars == 0:
            continue  # undetermined: fall back to COPS
        if code in out.get(region, {}):
            raise PathwayDataError(f"{path}, line {line}: {code} in region {region} appears twice.")
        out.setdefault(region, {})[code] = stars
    return out


def read_wages(path: str | Path, known: set[str] | None = None) -> dict[str, float]:
    """Hourly wages by unit group from a ``noc_code,wage`` CSV file."""
    path = Path(path)
    headers, rows = read_csv(path)
    c_code = _find(headers, ("noc_code", "noc code", "noc"), path, "noc_code")
    c_wage = _find(headers, ("wage", "median_wage", "median wage", "hourly_wage"), path, "wage")
    wages: dict[str, float] = {}
    for line, cells in rows:
        code = noc_code(cells[c_code])
        if code is None or (known is not None and code not in known):
            raise PathwayDataError(
                f"{path}, line {line}: noc_code {cells[c_code]!r} is not a NOC 2021 unit group."
            )
        try:
            wage = float(cells[c_wage].replace(",", "").replace("$", ""))
        except ValueError:
            raise PathwayDataError(f"{path}, line {line}: wage {cells[c_wage]!r} is not a number.") from None
        if not wage > 0:
            raise PathwayDataError(f"{path}, line {line}: wage must be more than 0 (got {wage}).")
        wages[code] = wage
    return wages


def wage_vector(codes: np.ndarray, wages: dict[str, float] | None) -> np.ndarray:
    out = np.full(len(codes), np.nan, dtype=np.float32)
    for i, code in enumerate(codes):
        if wages and code in wages:
            out[i] = wages[code]
    return out
