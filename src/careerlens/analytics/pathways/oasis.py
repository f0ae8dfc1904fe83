"""OaSIS 2023 v1.0 ratings and NOC 2021 unit groups, read straight from the shared reference files into the
long format (``taxonomy``). No database: the same files the reference app loads.

- Rating-file headers are cleaned (BOMs, non-breaking and stray spaces) and matched to the descriptor guide
  ignoring case, accents, punctuation, a footnote number, a plural ``s`` and a ``Prefix:`` on either side;
  six headers worded differently from the guide are aliased (the same list as the reference loader).
- A descriptor rated on two scales has two columns, the second with a footnote number (``Sound and Noise``,
  ``Sound and Noise 9``): the second becomes descriptor ``<code>.2``, named after its scale.
- "Type of Work Schedules" (J01c03) is categorical (regular / irregular / seasonal), not a level: left out.
- Interests: the top three Holland codes become ratings 3, 2 and 1 of the six RIASEC descriptors (C01a01
  Realistic … C01a06 Conventional), 0 for the others; scale maximum 3.
- Profile codes are restored to ``NNNNN.NN`` (``10010`` → ``10010.00``, ``31100.1`` → ``31100.10``); a code
  that is not a profile of the labels file but whose unit group has exactly one profile is read as that
  profile (the interests file's ``14404.01`` for ``14404.00``).
- Unit groups with several profiles: see ``taxonomy.aggregate`` (default: equal-weight mean).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pyarrow as pa

from . import taxonomy
from ._io import DATA, PathwayDataError, clean, column, key, noc_code, read_csv

OASIS = "oasis2023"
RATING_FILES = {
    "skills": "skills_oasis_2023_v1.0.csv",
    "abilities": "abilities_oasis_2023_v1.0.csv",
    "knowledge": "knowledges_oasis_2023_v1.0.csv",
    "work_activities": "workactivities_oasis_2023_v1.0.csv",
    "work_context": "workcontext_oasis_2023_v1.0.csv",
    "personal_attributes": "personal-attributes_oasis_2023_v1.0.csv",
}
INTERESTS_FILE = "interests_oasis_2023_v1.0.csv"
GUIDE_FILE = "guide_oasis_2023_v1.0.csv"
LABELS_FILE = "labels_oasis_2023_v1.0.csv"
UNIT_GROUPS_FILE = Path("noc2021") / "noc2021_unit_groups.csv"

GUIDE_FACETS = {
    "skills": "skills",
    "abilities": "abilities",
    "knowledge": "knowledge",
    "work activities": "work_activities",
    "work context": "work_context",
    "personal attributes": "personal_attributes",
    "interests": "interests",
}
DEFAULT_SCALE_MAX = {"knowledge": 3}  # where the guide states no scale; 5 otherwise
CATEGORICAL = {"J01c03"}  # Type of Work Schedules: 1-3 = regular / irregular / seasonal
HOLLAND = {"R": "C01a01", "I": "C01a02", "A": "C01a03", "S": "C01a04", "E": "C01a05", "C": "C01a06"}
HOLLAND_POINTS = (3.0, 2.0, 1.0)
# Headers worded differently from the guide (normalised header → guide code), as in the reference loader.
COLUMN_ALIASES = {
    "knowledge": {"business administration": "G01a02", "vehicles and machinery operations": "G10a06"},
    "work_activities": {
        "estimate quantifiable charact of prod events or info": "K01b02",
        "evaluating information to determine compliance with standards": "K03a02",
        "using new relevant knowledge": "K03b04",
    },
    "work_context": {"work schedule": "J01c03"},
}
SCALES = re.compile(
    r"measured by (?P<scale1>[^.]+?) on a scale of \d\s*-\s*(?P<max1>\d)"
    r"(?: and (?:in )?(?P<scale2>[^.]+?) on a scale of \d\s*-\s*(?P<max2>\d))?"
)
STRAY_OUTLINE_NUMBER = re.compile(r"\s*[A-Z]\.\d{2}(\.[a-z](\.\d{2})?)?$")
PROFILE_CODE = re.compile(r"^(\d{1,5})(?:\.(\d{1,2}))?$")
FOOTNOTE = re.compile(r"\d+$")


def _guide(data: Path) -> dict[str, list[dict]]:
    path = data / OASIS / GUIDE_FILE
    headers, rows = read_csv(path)
    c_code, c_name, c_type, c_cat, c_desc = (
        column(headers, n, path) for n in ("Code", "Name", "Structure type", "Category", "Description")
    )
    by_facet: dict[str, list[dict]] = {}
    for line, cells in rows:
        if clean(cells[c_type]).casefold() != "descriptor":
            continue
        facet = GUIDE_FACETS.get(clean(cells[c_cat]).casefold())
        if facet is None:
            raise PathwayDataError(f"{path}, line {line}: Category {cells[c_cat]!r} is not an OaSIS facet.")
        match = SCALES.search(" ".join(cells[c_desc].split()))
        default = DEFAULT_SCALE_MAX.get(facet, 5)
        by_facet.setdefault(facet, []).append(
            {
                "code": clean(cells[c_code]),
                "name": STRAY_OUTLINE_NUMBER.sub("", clean(cells[c_name])),
                "scale1": match["scale1"] if match else "",
                "max1": int(match["max1"]) if match else default,
                "scale2": (match["scale2"] or "") if match else "",
                "max2": int(match["max2"]) if match and match["max2"] else None,
            }
        )
    return by_facet


def _singular(text: str) -> str:
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in text.split())


def match_headers(facet: str, headers: list[str], guide: list[dict], path: Path) -> list[tuple[dict, int]]:
    """(guide descriptor, scale 1 or 2) for each rating column header; an unmatched header is an error."""
    exact: dict[str, dict] = {}
    loose: dict[str, dict] = {}
    by_code = {d["code"]: d for d in guide}
    for d in guide:
        for variant in (d["name"], d["name"].rsplit(":", 1)[-1]):
            exact.setdefault(key(variant), d)
            loose.setdefault(_singular(key(variant)), d)
    aliases = COLUMN_ALIASES.get(facet, {})
    found: list[dict] = []
    for header in headers:
        candidates = [key(header), key(header.rsplit(":", 1)[-1])]
        d = next((exact[k] for k in candidates if k in exact), None)
        d = d or next((loose[_singular(k)] for k in candidates if _singular(k) in loose), None)
        d = d or next((by_code.get(aliases[k]) for k in candidates if k in aliases), None)
        if d is None:
            raise PathwayDataError(
                f"{path}: column {header!r} matches no {facet} descriptor of the OaSIS guide."
            )
        found.append(d)
    matched = []
    for header, d in zip(headers, found, strict=True):
        same = [h for h, other in zip(headers, found, strict=True) if other is d]
        if len(same) == 1:
            matched.append((d, 1))
            continue
        numbered = [h for h in same if FOOTNOTE.search(h.strip())]
        if len(same) != 2 or len(numbered) != 1 or d["max2"] is None:
            raise PathwayDataError(
                f"{path}: columns {', '.join(map(repr, same))} all match descriptor "
                f"{d['code']} {d['name']!r}."
            )
        matched.append((d, 2 if header in numbered else 1))
    return matched


def _profile_code(value: str, known: dict[str, list[str]], path: Path, line: int) -> str:
    match = PROFILE_CODE.match(value.strip())
    if not match:
        raise PathwayDataError(f"{path}, line {line}: {value!r} is not an OaSIS profile code.")
    unit, part = match.groups()
    code = f"{unit.zfill(5)}.{(part or '00').ljust(2, '0')}"
    profiles = known.get(code[:5])
    if profiles is None:
        raise PathwayDataError(f"{path}, line {line}: unit group {code[:5]} of {code} has no OaSIS profile.")
    if code not in profiles:
        if len(profiles) != 1:
            raise PathwayDataError(f"{path}, line {line}: {code} is not an OaSIS profile (labels file).")
        code = profiles[0]
    return code


def _labels(data: Path) -> dict[str, list[str]]:
    path = data / OASIS / LABELS_FILE
    headers, rows = read_csv(path)
    c = column(headers, "OaSIS profile code", path)
    known: dict[str, list[str]] = {}
    for line, cells in rows:
        match = PROFILE_CODE.match(cells[c].strip())
        if not match:
            raise PathwayDataError(f"{path}, line {line}: {cells[c]!r} is not an OaSIS profile code.")
        unit, part = match.groups()
        known.setdefault(unit.zfill(5), []).append(f"{unit.zfill(5)}.{(part or '00').ljust(2, '0')}")
    return known


def read_ratings(data: Path = DATA) -> tuple[pa.Table, pa.Table]:
    """(ratings, descriptors) of every OaSIS profile in the long format."""
    data = Path(data)
    guide = _guide(data)
    known = _labels(data)
    occupation: list[str] = []
    facet_col: list[str] = []
    descriptor: list[str] = []
    value: list[float] = []
    scale_max: list[float] = []
    names: dict[tuple[str, str], str] = {}
    for facet, filename in RATING_FILES.items():
        path = data / OASIS / filename
        headers, rows = read_csv(path)
        c_code = column(headers, "OaSIS Code - Final", path)
        c_label = column(headers, "OaSIS Label - Final", path)
        rated = [i for i in range(len(headers)) if i not in (c_code, c_label) and headers[i]]
        matched = match_headers(facet, [headers[i] for i in rated], guide.get(facet, []), path)
        columns = []
        for i, (d, scale) in zip(rated, matched, strict=True):
            if d["code"] in CATEGORICAL:
                continue
            ident = d["code"] if scale == 1 else f"{d['code']}.2"
            top = d["max1"] if scale == 1 else d["max2"]
            name = d["name"]
            if d["max2"] is not None:
                name = f"{name} ({d['scale1'] if scale == 1 else d['scale2']})"
            names[(facet, ident)] = name
            columns.append((i, ident, float(top)))
        seen: set[str] = set()
        for line, cells in rows:
            code = _profile_code(cells[c_code], known, path, line)
            if code in seen:
                raise PathwayDataError(f"{path}, line {line}: profile {code} appears twice.")
            seen.add(code)
            for i, ident, top in columns:
                cell = cells[i].strip() if i < len(cells) else ""
                try:
                    rating = float(cell)
                except ValueError:
                    raise PathwayDataError(
                        f"{path}, line {line}: {headers[i]} {cell!r} is not a rating."
                    ) from None
                occupation.append(code)
                facet_col.append(facet)
                descriptor.append(ident)
                value.append(rating)
                scale_max.append(top)
    path = data / OASIS / INTERESTS_FILE
    headers, rows = read_csv(path)
    c_code = column(headers, "OaSIS Code", path)
    c_letters = [column(headers, f"Holland Codes - {n}", path) for n in (1, 2, 3)]
    seen = set()
    for line, cells in rows:
        code = _profile_code(cells[c_code], known, path, line)
        if code in seen:
            raise PathwayDataError(f"{path}, line {line}: profile {code} appears twice.")
        seen.add(code)
        letters = [cells[c].strip().upper() for c in c_letters]
        points = dict.fromkeys(HOLLAND.values(), 0.0)
        for letter, point in zip(letters, HOLLAND_POINTS, strict=True):
            if not letter:
                continue
            if letter not in HOLLAND:
                raise PathwayDataError(f"{path}, line {line}: {letter!r} is not a Holland code (RIASEC).")
            points[HOLLAND[letter]] = point
        for ident, point in points.items():
            occupation.append(code)
            facet_col.append("interests")
            descriptor.append(ident)
            value.append(point)
            scale_max.append(3.0)
    for d in guide.get("interests", []):
        names[("interests", d["code"])] = d["name"]
    ratings = pa.table(
        {
            "occupation": occupation,
            "facet": facet_col,
            "descriptor": descriptor,
            "value": value,
            "scale_max": scale_max,
        }
    )
    descriptors = pa.table(
        {
            "facet": [f for f, _ in names],
            "descriptor": [d for _, d in names],
            "name_en": list(names.values()),
            "name_fr": [None] * len(names),
        }
    )
    return ratings, descriptors


def read_unit_groups(data: Path = DATA) -> pa.Table:
    """NOC 2021 unit groups: occupation, title_en, title_fr, teer, group (minor group), and the hierarchy."""
    path = Path(data) / UNIT_GROUPS_FILE
    headers, rows = read_csv(path)
    wanted = (
        "noc_code",
        "title_en",
        "title_fr",
        "teer",
        "minor_group_code",
        "sub_major_group_code",
        "major_group_code",
        "broad_category_code",
    )
    idx = {n: column(headers, n, path) for n in wanted}
    out: dict[str, list] = {
        n: []
        for n in (
            "occupation",
            "title_en",
            "title_fr",
            "teer",
            "group",
            "sub_major_group",
            "major_group",
            "broad_category",
        )
    }
    for line, cells in rows:
        code = noc_code(cells[idx["noc_code"]])
        if code is None:
            raise PathwayDataError(
                f"{path}, line {line}: noc_code {cells[idx['noc_code']]!r} is not a NOC code."
            )
        out["occupation"].append(code)
        out["title_en"].append(clean(cells[idx["title_en"]]))
        out["title_fr"].append(clean(cells[idx["title_fr"]]))
        out["teer"].append(int(cells[idx["teer"]]))
        out["group"].append(cells[idx["minor_group_code"]].strip().zfill(4))
        out["sub_major_group"].append(cells[idx["sub_major_group_code"]].strip().zfill(3))
        out["major_group"].append(cells[idx["major_group_code"]].strip().zfill(2))
        out["broad_category"].append(cells[idx["broad_category_code"]].strip())
    return pa.table(out)


def load_profiles(data: Path = DATA) -> taxonomy.Taxonomy:
    """Every OaSIS profile (900) as its own occupation; TEER and minor group from its unit group."""
    ratings, descriptors = read_ratings(data)
    groups = read_unit_groups(data).to_pylist()
    by_code = {row["occupation"]: row for row in groups}
    profiles = sorted(set(ratings.column("occupation").to_pylist()))
    meta = pa.table(
        {
            "occupation": profiles,
            "title_en": [by_code[p[:5]]["title_en"] for p in profiles],
            "title_fr": [by_code[p[:5]]["title_fr"] for p in profiles],
            "teer": [by_code[p[:5]]["teer"] for p in profiles],
            "group": [by_code[p[:5]]["group"] for p in profiles],
        }
    )
    return taxonomy.from_long(ratings, meta, descriptors, source="OaSIS 2023 v1.0 profiles")


@functools.lru_cache(maxsize=4)
def load(data: Path = DATA, profile_rule: str = "mean") -> taxonomy.Taxonomy:
    """The 516 NOC 2021 unit groups, each the aggregate of its OaSIS profiles (``profile_rule``)."""
    profiles = load_profiles(Path(data))
    groups = read_unit_groups(data)
    missing = sorted(set(groups.column("occupation").to_pylist()) - {c[:5] for c in profiles.codes})
    if missing:
        raise PathwayDataError(f"OaSIS: unit group(s) {', '.join(missing)} have no profile.")
    result = taxonomy.aggregate(profiles, lambda code: code[:5], profile_rule, groups)
    return taxonomy.Taxonomy(
        **{**result.__dict__, "source": f"OaSIS 2023 v1.0, NOC 2021 unit groups (profiles: {profile_rule})"}
    )


def hierarchy(data: Path = DATA) -> dict[str, dict[str, str]]:
    """Unit group → its sub-major, major group and broad category codes."""
    return {
        row["occupation"]: {k: row[k] for k in ("group", "sub_major_group", "major_group", "broad_category")}
        for row in read_unit_groups(data).to_pylist()
    }
