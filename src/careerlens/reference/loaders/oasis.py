"""OaSIS 2023 v1.0 (ESDC): the descriptor guide, the profiles (labels, lead statements, Holland codes) and
the six rating files, whose column headers are matched to the guide's descriptors (``match_columns``)."""

from __future__ import annotations

import re
from functools import partial

from rapidfuzz import fuzz, process

from careerlens.reference.loaders.base import (
    ReferenceDataError,
    Source,
    integer,
    read_rows,
    replace_all,
    required_text,
    upsert,
)
from careerlens.reference.models import (
    HOLLAND_CODES,
    SCALE_MAX,
    Descriptor,
    Facet,
    Occupation,
    Profile,
    Rating,
)
from careerlens.reference.text import search_key

OGL = "Open Government Licence – Canada"
ESDC = "Employment and Social Development Canada"
OASIS_VERSION = "OaSIS 2023 v1.0"


def _source(key: str, path: str) -> Source:
    return Source(key=key, path=f"oasis2023/{path}", version=OASIS_VERSION, publisher=ESDC, licence=OGL)


OASIS_GUIDE = _source("oasis2023_guide", "guide_oasis_2023_v1.0.csv")
OASIS_LABELS = _source("oasis2023_labels", "labels_oasis_2023_v1.0.csv")
OASIS_LEAD_STATEMENTS = _source("oasis2023_lead_statements", "lead-statement_oasis_2023_v1.0.csv")
OASIS_INTERESTS = _source("oasis2023_interests", "interests_oasis_2023_v1.0.csv")
RATING_SOURCES = {
    Facet.SKILLS: _source("oasis2023_skills", "skills_oasis_2023_v1.0.csv"),
    Facet.ABILITIES: _source("oasis2023_abilities", "abilities_oasis_2023_v1.0.csv"),
    Facet.KNOWLEDGE: _source("oasis2023_knowledge", "knowledges_oasis_2023_v1.0.csv"),
    Facet.WORK_ACTIVITIES: _source("oasis2023_work_activities", "workactivities_oasis_2023_v1.0.csv"),
    Facet.WORK_CONTEXT: _source("oasis2023_work_context", "workcontext_oasis_2023_v1.0.csv"),
    Facet.PERSONAL_ATTRIBUTES: _source(
        "oasis2023_personal_attributes", "personal-attributes_oasis_2023_v1.0.csv"
    ),
}

# The guide's "Category" column → facet. Interests (Holland codes) are not rated: they are on the profile.
GUIDE_FACETS = {
    "skills": Facet.SKILLS,
    "abilities": Facet.ABILITIES,
    "knowledge": Facet.KNOWLEDGE,
    "work activities": Facet.WORK_ACTIVITIES,
    "work context": Facet.WORK_CONTEXT,
    "personal attributes": Facet.PERSONAL_ATTRIBUTES,
}
NOT_RATED = {"interests"}
DESCRIPTOR_CODE = re.compile(r"^[A-Z]\d{2}[a-z]\d{2}$")
# "21231.01"; also "10010" and "31100.1" where a spreadsheet saved the code as a number (10010.00, 31100.10)
PROFILE_CODE = re.compile(r"^(\d{1,5})(?:\.(\d{1,2}))?$")
# A guide name with a stray outline number glued on: "Reading and Writing SkillsF.01.b.01".
STRAY_OUTLINE_NUMBER = re.compile(r"\s*[A-Z]\.\d{2}(\.[a-z](\.\d{2})?)?$")
FOOTNOTE = re.compile(r"\s*\d+$")
# "This descriptor is measured by frequency on a scale of 1-5 and [in] duration on a scale of 1-5."
SCALES = re.compile(
    r"measured by (?P<scale1>[^.]+?) on a scale of \d\s*-\s*(?P<max1>\d)"
    r"(?: and (?:in )?(?P<scale2>[^.]+?) on a scale of \d\s*-\s*(?P<max2>\d))?"
)

# Known slips in the published files: (source key, code as written) → (profile code, its label). Applied only
# when the row's label is that profile's label (docs/data.md).
ERRATA = {
    ("oasis2023_interests", "14404.01"): ("14404.00", "Dispatchers"),  # 14404 has one profile, .00
}

# Rating-file columns whose wording differs from the guide's descriptor name (beyond case, spacing,
# punctuation, plurals and footnote numbers, which match on their own): normalised header → guide code.
COLUMN_ALIASES = {
    Facet.KNOWLEDGE: {
        "business administration": "G01a02",  # Business Management
        "vehicles and machinery operations": "G10a06",  # Vehicle, Machinery and Equipment Operations
    },
    Facet.WORK_ACTIVITIES: {
        # Estimating the Quantifiable Characteristics
        "estimate quantifiable charact of prod events or info": "K01b02",
        # Evaluating Information to Determine Compliance
        "evaluating information to determine compliance with standards": "K03a02",
        "using new relevant knowledge": "K03b04",  # Applying New Knowledge
    },
    Facet.WORK_CONTEXT: {
        "work schedule": "J01c03",  # Type of Work Schedules
    },
}


def profile_code(value: str, source: Source, line: int, field: str) -> str:
    """An OaSIS profile code as ``NNNNN.NN``: leading zeros restored, and the trailing zeros that a
    number-formatted cell lost (``10010`` → ``10010.00``, ``31100.1`` → ``31100.10``)."""
    match = PROFILE_CODE.match(value.strip())
    if not match:
        raise ReferenceDataError(
            f"{source.path}, line {line}: {field} {value!r} is not an OaSIS profile code."
        )
    unit_group, part = match.groups()
    return f"{unit_group.zfill(5)}.{(part or '00').ljust(2, '0')}"


def scales_of(description: str, facet: str) -> tuple[str, int, str, int | None]:
    """(scale, top, second scale, its top) from the guide's "measured by frequency on a scale of 1-5 and
    duration on a scale of 1-5"; the facet's usual scale where the guide states none."""
    match = SCALES.search(" ".join(description.split()))
    if not match:
        return "", SCALE_MAX[facet], "", None
    second_max = int(match["max2"]) if match["max2"] else None
    return match["scale1"], int(match["max1"]), match["scale2"] or "", second_max


def load_guide() -> int:
    columns = ("Code", "Name", "Structure type", "Category", "Description")
    headings: dict[str, str] = {}  # sub-category and similarity-group names by code
    descriptors: dict[str, Descriptor] = {}
    for line, row in read_rows(OASIS_GUIDE, required=columns, strict=True):
        category = row["Category"].casefold()
        if category in NOT_RATED:
            continue
        facet = GUIDE_FACETS.get(category)
        if facet is None:
            raise ReferenceDataError(
                f"{OASIS_GUIDE.path}, line {line}: Category {row['Category']!r} is not an OaSIS facet."
            )
        code, kind = row["Code"], row["Structure type"].casefold()
        name = STRAY_OUTLINE_NUMBER.sub("", required_text(row, "Name", OASIS_GUIDE, line))
        if kind != "descriptor":
            headings[code] = name
            continue
        if not DESCRIPTOR_CODE.match(code):
            raise ReferenceDataError(
                f"{OASIS_GUIDE.path}, line {line}: Code {code!r} is not a descriptor code."
            )
        if code[:3] not in headings:
            raise ReferenceDataError(
                f"{OASIS_GUIDE.path}, line {line}: sub-category {code[:3]} of {code} is missing."
            )
        if code in descriptors:
            raise ReferenceDataError(f"{OASIS_GUIDE.path}, line {line}: descriptor {code} appears twice.")
        scale, scale_max, second_scale, second_scale_max = scales_of(row["Description"], facet)
        descriptors[code] = Descriptor(
            code=code,
            facet=facet,
            name=name,
            category=headings[code[:3]],
            group=headings.get(code[:4], ""),
            description=row["Description"],
            scale=scale,
            scale_max=scale_max,
            second_scale=second_scale,
            second_scale_max=second_scale_max,
        )
    fields = ["facet", "name", "category", "group", "description", "scale", "scale_max", "second_scale"]
    return upsert(Descriptor, list(descriptors.values()), [*fields, "second_scale_max"])


def load_labels() -> int:
    known = set(Occupation.objects.values_list("code", flat=True))
    profiles: dict[str, Profile] = {}
    for line, row in read_rows(OASIS_LABELS, required=("OaSIS profile code", "Label"), strict=True):
        code = profile_code(row["OaSIS profile code"], OASIS_LABELS, line, "OaSIS profile code")
        if code[:5] not in known:
            raise ReferenceDataError(
                f"{OASIS_LABELS.path}, line {line}: unit group {code[:5]} of {code} is not in NOC 2021."
            )
        if code in profiles:
            raise ReferenceDataError(f"{OASIS_LABELS.path}, line {line}: profile {code} appears twice.")
        profiles[code] = Profile(
            code=code, occupation_id=code[:5], label=required_text(row, "Label", OASIS_LABELS, line)
        )
    return upsert(Profile, list(profiles.values()), ["occupation", "label"])


def _profiles_by_code(source: Source) -> dict[str, Profile]:
    profiles = {profile.code: profile for profile in Profile.objects.all()}
    if not profiles:
        raise ReferenceDataError(f"{source.path}: load the OaSIS labels (profiles) first.")
    return profiles


def _profile(
    profiles: dict[str, Profile], value: str, source: Source, line: int, field: str, label: str | None = None
) -> Profile:
    code = profile_code(value, source, line, field)
    corrected, expected_label = ERRATA.get((source.key, code), (None, None))
    if (
        code not in profiles
        and corrected in profiles
        and label == expected_label == profiles[corrected].label
    ):
        code = corrected
    if code not in profiles:
        raise ReferenceDataError(
            f"{source.path}, line {line}: {field} {code} is not an OaSIS profile (labels file)."
        )
    return profiles[code]


def load_lead_statements() -> int:
    source = OASIS_LEAD_STATEMENTS
    profiles = _profiles_by_code(source)
    for profile in profiles.values():
        profile.lead_statement = ""
    for line, row in read_rows(source, required=("OaSIS profile code", "Lead statement"), strict=True):
        profile = _profile(profiles, row["OaSIS profile code"], source, line, "OaSIS profile code")
        profile.lead_statement = required_text(row, "Lead statement", source, line)
    Profile.objects.bulk_update(profiles.values(), ["lead_statement"], batch_size=500)
    return sum(1 for profile in profiles.values() if profile.lead_statement)


def load_interests() -> int:
    source = OASIS_INTERESTS
    fields = ("Holland Codes - 1", "Holland Codes - 2", "Holland Codes - 3")
    profiles = _profiles_by_code(source)
    for profile in profiles.values():
        profile.holland_1 = profile.holland_2 = profile.holland_3 = ""
    rows = 0
    for line, row in read_rows(source, required=("OaSIS Code", "OaSIS Label", *fields), strict=True):
        profile = _profile(profiles, row["OaSIS Code"], source, line, "OaSIS Code", label=row["OaSIS Label"])
        letters = [row[field].upper() for field in fields]
        for field, letter in zip(fields, letters, strict=True):
            if letter and letter not in HOLLAND_CODES:
                raise ReferenceDataError(
                    f"{source.path}, line {line}: {field} {row[field]!r} is not a Holland code (RIASEC)."
                )
        present = [letter for letter in letters if letter]
        if letters[: len(present)] != present or len(set(present)) != len(present):
            raise ReferenceDataError(
                f"{source.path}, line {line}: Holland codes {letters} have a gap or a repeat."
            )
        profile.holland_1, profile.holland_2, profile.holland_3 = letters
        rows += 1
    Profile.objects.bulk_update(profiles.values(), ["holland_1", "holland_2", "holland_3"], batch_size=500)
    return rows


def _key(text: str) -> str:
    return FOOTNOTE.sub("", search_key(text))


def _singular(key: str) -> str:
    return " ".join(word[:-1] if len(word) > 3 and word.endswith("s") else word for word in key.split())


def match_columns(source: Source, facet: str, headers: list[str]) -> dict[str, tuple[Descriptor, int]]:
    """Rating-file header → (descriptor, scale 1 or 2), for every header.

    Headers are matched to the names of the facet's descriptors in the guide ignoring case, spacing
    (non-breaking too), punctuation, accents, footnote numbers ("Time Pressure2"), plural endings and a
    "Prefix: " on either side; then through ``COLUMN_ALIASES``. Two headers on one descriptor are its two
    scales when the guide gives it two and the second header carries the footnote number ("Time Pressure",
    "Time Pressure2"). Anything else (a header matching nothing, a third header on a descriptor) is an error
    naming the file and the column."""
    descriptors = {descriptor.code: descriptor for descriptor in Descriptor.objects.filter(facet=facet)}
    if not descriptors:
        raise ReferenceDataError(f"{source.path}: no {facet} descriptors: load the OaSIS guide first.")
    exact: dict[str, str] = {}
    loose: dict[str, str] = {}
    for code, descriptor in descriptors.items():
        for variant in {descriptor.name, descriptor.name.rsplit(":", 1)[-1]}:
            exact.setdefault(_key(variant), code)
            loose.setdefault(_singular(_key(variant)), code)
    aliases = COLUMN_ALIASES.get(facet, {})
    columns: dict[str, list[str]] = {}  # descriptor code → its headers, in file order
    for header in headers:
        candidates = [_key(header), _key(header.rsplit(":", 1)[-1])]
        code = next((exact[key] for key in candidates if key in exact), None)
        code = code or next((loose[_singular(key)] for key in candidates if _singular(key) in loose), None)
        code = code or next((aliases[key] for key in candidates if key in aliases), None)
        if code is None or code not in descriptors:
            names = [descriptor.name for descriptor in descriptors.values()]
            closest = process.extractOne(header, names, scorer=fuzz.token_sort_ratio, processor=_key)
            hint = f" (closest: {closest[0]!r})" if closest else ""
            raise ReferenceDataError(
                f"{source.path}: column {header!r} matches no {facet} descriptor of the OaSIS guide{hint}."
            )
        columns.setdefault(code, []).append(header)
    matched: dict[str, tuple[Descriptor, int]] = {}
    for code, found in columns.items():
        descriptor = descriptors[code]
        if len(found) == 1:
            matched[found[0]] = (descriptor, 1)
            continue
        numbered = [header for header in found if FOOTNOTE.search(search_key(header))]
        plain = [header for header in found if header not in numbered]
        if len(found) > 2 or len(plain) != 1 or not descriptor.second_scale:
            raise ReferenceDataError(
                f"{source.path}: columns {', '.join(map(repr, found))} all match descriptor {code} "
                f"{descriptor.name!r}, which the guide rates on "
                f"{'two scales' if descriptor.second_scale else 'one scale'}."
            )
        matched[plain[0]] = (descriptor, 1)
        matched[numbered[0]] = (descriptor, 2)
    return {header: matched[header] for header in headers}


def load_ratings(facet: str) -> int:
    source = RATING_SOURCES[facet]
    code_field, label_field = "OaSIS Code - Final", "OaSIS Label - Final"
    profiles = _profiles_by_code(source)
    ratings: list[Rating] = []
    columns: dict[str, tuple[Descriptor, int]] | None = None
    seen = set()
    for line, row in read_rows(source, required=(code_field, label_field), strict=True):
        if columns is None:
            columns = match_columns(
                source, facet, [name for name in row if name not in (code_field, label_field)]
            )
        profile = _profile(profiles, row[code_field], source, line, code_field)
        if profile.code in seen:
            raise ReferenceDataError(f"{source.path}, line {line}: profile {profile.code} appears twice.")
        seen.add(profile.code)
        for column, (descriptor, scale) in columns.items():
            top = descriptor.scale_max if scale == 1 else descriptor.second_scale_max
            value = integer(row[column], source, line, column, minimum=0, maximum=top)
            ratings.append(
                Rating(profile_id=profile.code, descriptor_id=descriptor.code, scale=scale, value=value)
            )
    if columns is None:
        raise ReferenceDataError(f"{source.path}: no profiles rated.")
    facet_codes = list(Descriptor.objects.filter(facet=facet).values_list("code", flat=True))
    existing = Rating.objects.filter(descriptor_id__in=facet_codes)
    return replace_all(Rating, ratings, queryset=existing, batch_size=5000)


RATING_LOADERS = [(source, partial(load_ratings, facet)) for facet, source in RATING_SOURCES.items()]
