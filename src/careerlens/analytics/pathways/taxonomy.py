"""The engine's input: any occupation × descriptor table in one documented long format.

Ratings (one row per occupation, descriptor; ``docs/pathways.md``):

=============  ======  ==================================================================================
column         type    meaning
=============  ======  ==================================================================================
occupation     string  occupation code (NOC 2021 unit group, or a profile code before aggregation)
facet          string  skills, abilities, knowledge, work_activities, work_context, personal_attributes,
                       interests, or any other name (a facet without a weight in the settings is ignored)
descriptor     string  descriptor code, unique within its facet (OaSIS guide codes: ``F01b01``)
value          number  the rating, 0 ≤ value ≤ scale_max; 0 means "not part of the job"
scale_max      number  the top of the descriptor's scale (> 0), the same on every row of a descriptor
=============  ======  ==================================================================================

Two optional tables name things: occupations (``occupation, title_en, title_fr, teer, group``) and
descriptors (``facet, descriptor, name_en, name_fr``). A cell missing from the long table counts as 0.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from ._io import PathwayDataError

LONG_COLUMNS = ("occupation", "facet", "descriptor", "value", "scale_max")
# Canonical facet order; other facet names follow, sorted.
FACETS = (
    "skills",
    "abilities",
    "knowledge",
    "work_activities",
    "work_context",
    "personal_attributes",
    "interests",
)
PROFILE_RULES = ("mean", "max")


@dataclass(frozen=True)
class Descriptor:
    id: str
    facet: str
    name_en: str
    scale_max: float
    name_fr: str | None = None  # OaSIS publishes no French descriptor names: None falls back to English

    def name(self, language: str = "en") -> str:
        if language == "fr" and self.name_fr:
            return self.name_fr
        return self.name_en


@dataclass(frozen=True)
class Taxonomy:
    """Dense form of the long table: ``values[i, j]`` is occupation ``codes[i]``'s rating of descriptor
    ``descriptors[j]`` divided by its scale maximum (0..1). Columns are grouped by facet
    (``facet_slices``)."""

    codes: np.ndarray  # object array of occupation codes, sorted
    descriptors: tuple[Descriptor, ...]
    values: np.ndarray  # float32, len(codes) × len(descriptors)
    facet_slices: dict[str, slice]
    titles_en: np.ndarray  # object
    titles_fr: np.ndarray  # object ("" when unknown: falls back to English)
    teer: np.ndarray  # int8, -1 when unknown
    group: np.ndarray  # object: the group used by the quality checks (NOC minor group), "" when unknown
    source: str = "long table"
    members: dict[str, tuple[str, ...]] = field(default_factory=dict)  # occupation → its profiles

    def __len__(self) -> int:
        return len(self.codes)

    @property
    def facets(self) -> tuple[str, ...]:
        return tuple(self.facet_slices)

    @property
    def scale_max(self) -> np.ndarray:
        return np.array([d.scale_max for d in self.descriptors], dtype=np.float32)

    def index_of(self) -> dict[str, int]:
        return {code: i for i, code in enumerate(self.codes)}

    def descriptor_index(self) -> dict[str, int]:
        """Descriptor code → column; codes are unique across facets in OaSIS; ``facet:code`` also works."""
        found: dict[str, int] = {}
        for j, d in enumerate(self.descriptors):
            found.setdefault(d.id, j)
            found[f"{d.facet}:{d.id}"] = j
        return found

    def to_long(self) -> pa.Table:
        """The ratings back in the long format (rows with value 0 included)."""
        n, m = self.values.shape
        scale = self.scale_max
        return pa.table(
            {
                "occupation": np.repeat(self.codes.astype(str), m),
                "facet": np.tile(np.array([d.facet for d in self.descriptors]), n),
                "descriptor": np.tile(np.array([d.id for d in self.descriptors]), n),
                "value": (self.values * scale[None, :]).astype(np.float64).ravel(),
                "scale_max": np.tile(scale.astype(np.float64), n),
            }
        )


def _table(data: Any, name: str) -> pa.Table:
    if isinstance(data, pa.Table):
        return data
    try:
        return pa.table(data)
    except (TypeError, ValueError, pa.ArrowInvalid) as error:
        raise PathwayDataError(f"{name}: not a table ({error}).") from error


def _strings(table: pa.Table, name: str, what: str) -> np.ndarray:
    values = table.column(name).to_pylist()
    out = np.empty(len(values), dtype=object)
    for i, value in enumerate(values):
        if value is None or str(value).strip() == "":
            raise PathwayDataError(f"{what}, row {i + 1}: {name} is empty.")
        out[i] = str(value).strip()
    return out


def _numbers(table: pa.Table, name: str, what: str) -> np.ndarray:
    try:
        values = np.asarray(table.column(name).cast(pa.float64()).to_numpy(zero_copy_only=False))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as error:
        raise PathwayDataError(f"{what}: {name} is not numeric ({error}).") from error
    bad = np.flatnonzero(~np.isfinite(values))
    if len(bad):
        raise PathwayDataError(f"{what}, row {bad[0] + 1}: {name} is empty or not a number.")
    return values


def _facet_order(facets) -> list[str]:
    known = [f for f in FACETS if f in facets]
    return known + sorted(set(facets) - set(known))


def from_long(
    ratings: Any,
    occupations: Any | None = None,
    descriptors: Any | None = None,
    *,
    source: str = "long table",
) -> Taxonomy:
    """Build the dense taxonomy from the long format (a pyarrow Table, a dict of columns or a pandas
    DataFrame). Errors name the row and the field."""
    what = "ratings"
    table = _table(ratings, what)
    missing = [c for c in LONG_COLUMNS if c not in table.column_names]
    if missing:
        raise PathwayDataError(
            f"{what}: missing column(s) {', '.join(missing)} (need {', '.join(LONG_COLUMNS)})."
        )
    if table.num_rows == 0:
        raise PathwayDataError(f"{what}: no rows.")
    occ = _strings(table, "occupation", what)
    facet = _strings(table, "facet", what)
    desc = _strings(table, "descriptor", what)
    value = _numbers(table, "value", what)
    top = _numbers(table, "scale_max", what)
    bad = np.flatnonzero(top <= 0)
    if len(bad):
        raise PathwayDataError(
            f"{what}, row {bad[0] + 1}: scale_max must be more than 0 (got {top[bad[0]]})."
        )
    bad = np.flatnonzero((value < 0) | (value > top))
    if len(bad):
        i = bad[0]
        raise PathwayDataError(
            f"{what}, row {i + 1}: value {value[i]} of {occ[i]} {facet[i]}:{desc[i]} is outside 0..{top[i]}."
        )
    codes, occ_index = np.unique(occ.astype(str), return_inverse=True)
    keys = np.char.add(np.char.add(facet.astype(str), "\x1f"), desc.astype(str))
    unique_keys, first, key_index = np.unique(keys, return_index=True, return_inverse=True)
    # one scale_max per descriptor
    expected = top[first][key_index]
    bad = np.flatnonzero(expected != top)
    if len(bad):
        i = bad[0]
        raise PathwayDataError(
            f"{what}, row {i + 1}: scale_max {top[i]} of {facet[i]}:{desc[i]} differs from {expected[i]} "
            "on an earlier row."
        )
    names = _descriptor_names(descriptors)
    facet_rank = {f: r for r, f in enumerate(_facet_order(set(facet[first])))}
    order = sorted(range(len(unique_keys)), key=lambda k: (facet_rank[facet[first[k]]], desc[first[k]]))
    column_of = np.empty(len(unique_keys), dtype=np.int64)
    column_of[order] = np.arange(len(order))
    cols = column_of[key_index]
    flat = occ_index.astype(np.int64) * len(order) + cols
    if len(np.unique(flat)) != len(flat):
        seen = np.zeros(len(codes) * len(order), dtype=bool)
        for i, cell in enumerate(flat):
            if seen[cell]:
                raise PathwayDataError(
                    f"{what}, row {i + 1}: {occ[i]} {facet[i]}:{desc[i]} is rated twice "
                    "(aggregate profiles first: taxonomy.aggregate)."
                )
            seen[cell] = True
    values = np.zeros((len(codes), len(order)), dtype=np.float32)
    values.reshape(-1)[flat] = (value / top).astype(np.float32)
    built: list[Descriptor] = []
    for k in order:
        i = first[k]
        name_en, name_fr = names.get((facet[i], desc[i]), (desc[i], None))
        built.append(Descriptor(desc[i], facet[i], name_en, float(top[i]), name_fr))
    slices: dict[str, slice] = {}
    for j, d in enumerate(built):
        s = slices.get(d.facet)
        slices[d.facet] = slice(j if s is None else s.start, j + 1)
    meta = _occupation_meta(occupations, codes)
    return Taxonomy(
        codes=codes.astype(object),
        descriptors=tuple(built),
        values=values,
        facet_slices=slices,
        source=source,
        **meta,
    )


def _descriptor_names(descriptors: Any | None) -> dict[tuple[str, str], tuple[str, str | None]]:
    if descriptors is None:
        return {}
    table = _table(descriptors, "descriptors")
    for c in ("facet", "descriptor", "name_en"):
        if c not in table.column_names:
            raise PathwayDataError(f"descriptors: missing column {c}.")
    fr = table.column("name_fr").to_pylist() if "name_fr" in table.column_names else [None] * table.num_rows
    return {
        (str(f), str(d)): (str(en), str(f_) if f_ else None)
        for f, d, en, f_ in zip(
            table.column("facet").to_pylist(),
            table.column("descriptor").to_pylist(),
            table.column("name_en").to_pylist(),
            fr,
            strict=True,
        )
    }


def _occupation_meta(occupations: Any | None, codes: np.ndarray) -> dict[str, np.ndarray]:
    n = len(codes)
    meta = {
        "titles_en": codes.astype(object).copy(),
        "titles_fr": np.full(n, "", dtype=object),
        "teer": np.full(n, -1, dtype=np.int8),
        "group": np.full(n, "", dtype=object),
    }
    if occupations is None:
        return meta
    table = _table(occupations, "occupations")
    if "occupation" not in table.column_names:
        raise PathwayDataError("occupations: missing column occupation.")
    position = {code: i for i, code in enumerate(codes)}
    rows = table.to_pylist()
    for row_number, row in enumerate(rows, start=1):
        i = position.get(str(row["occupation"]).strip())
        if i is None:
            continue  # described but not rated: not part of the engine
        if row.get("title_en"):
            meta["titles_en"][i] = str(row["title_en"])
        if row.get("title_fr"):
            meta["titles_fr"][i] = str(row["title_fr"])
        if row.get("teer") not in (None, ""):
            try:
                meta["teer"][i] = int(row["teer"])
            except (TypeError, ValueError):
                raise PathwayDataError(
                    f"occupations, row {row_number}: teer {row['teer']!r} is not a number."
                ) from None
        if row.get("group"):
            meta["group"][i] = str(row["group"])
    return meta


def aggregate(
    taxonomy: Taxonomy,
    unit_of: Callable[[str], str] = lambda code: code[:5],
    rule: str = "mean",
    occupations: Any | None = None,
) -> Taxonomy:
    """Collapse several profiles into their occupation (OaSIS: ``21231.01`` → unit group ``21231``).

    ``mean`` (the default, and the rule of the reference app): each descriptor's rating is the mean of the
    profiles' ratings, every profile weighing the same (OaSIS publishes no employment by profile).
    ``max``: the highest of the profiles' ratings (what any of the unit group's jobs can ask for)."""
    if rule not in PROFILE_RULES:
        raise PathwayDataError(f"profile rule {rule!r}: use one of {', '.join(PROFILE_RULES)}.")
    units = np.array([unit_of(str(code)) for code in taxonomy.codes], dtype=object)
    unit_codes, inverse = np.unique(units.astype(str), return_inverse=True)
    values = np.zeros((len(unit_codes), taxonomy.values.shape[1]), dtype=np.float64)
    if rule == "mean":
        np.add.at(values, inverse, taxonomy.values)
        values /= np.bincount(inverse, minlength=len(unit_codes))[:, None]
    else:
        np.maximum.at(values, inverse, taxonomy.values)
    members = {
        str(code): tuple(str(c) for c in taxonomy.codes[inverse == k]) for k, code in enumerate(unit_codes)
    }
    meta = _occupation_meta(occupations, unit_codes)
    return Taxonomy(
        codes=unit_codes.astype(object),
        descriptors=taxonomy.descriptors,
        values=values.astype(np.float32),
        facet_slices=dict(taxonomy.facet_slices),
        source=f"{taxonomy.source}, profiles aggregated by {rule}",
        members=members,
        **meta,
    )


def read_long(path: str | Path) -> pa.Table:
    """Read a long-format ratings table from CSV or Parquet."""
    path = Path(path)
    try:
        if path.suffix.lower() == ".parquet":
            return pq.read_table(path)
        options = pacsv.ConvertOptions(
            column_types={"occupation": pa.string(), "facet": pa.string(), "descriptor": pa.string()}
        )
        return pacsv.read_csv(path, convert_options=options)
    except (OSError, pa.ArrowInvalid) as error:
        raise PathwayDataError(f"{path}: cannot be read as a long-format table ({error}).") from error
