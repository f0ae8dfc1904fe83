"""NOC 2021 V1.0 (Statistics Canada): the classification structure, French unit-group titles, example
titles, and the NOC 2016 V1.3 → NOC 2021 V1.0 concordance."""

from __future__ import annotations

from careerlens.reference.loaders.base import (
    ReferenceDataError,
    Source,
    integer,
    noc_code,
    prune_missing,
    read_rows,
    replace_all,
    required_text,
    tidy,
    upsert,
)
from careerlens.reference.models import ExampleTitle, Noc2016Concordance, NocGroup, Occupation
from careerlens.reference.text import search_key

OGL = "Open Government Licence – Canada"
NOC_VERSION = "NOC 2021 V1.0"

NOC_STRUCTURE = Source(
    key="noc2021_structure",
    path="noc2021/noc_2021_version_1.0_-_classification_structure.csv",
    version=NOC_VERSION,
    publisher="Statistics Canada",
    licence=OGL,
)
NOC_UNIT_GROUPS = Source(
    key="noc2021_unit_groups",
    path="noc2021/noc2021_unit_groups.csv",
    version=NOC_VERSION,
    publisher="Derived from Statistics Canada (NOC 2021 structure) and ESDC (COPS 2024–2033 French titles)",
    licence=OGL,
)
NOC_EXAMPLE_TITLES = Source(
    key="noc2021_example_titles",
    path="noc2021/noc2021_example_titles_en_fr.csv",
    version=NOC_VERSION,
    publisher="Statistics Canada",
    licence=OGL,
)
NOC2016_CONCORDANCE = Source(
    key="noc2016_noc2021_concordance",
    path="crosswalks/statcan_noc2016v1.3_to_noc2021v1.0_concordance_eng.csv",
    version="NOC 2016 V1.3 → NOC 2021 V1.0",
    publisher="Statistics Canada",
    licence=OGL,
)

# The structure file's level numbers, with the number of digits of a code at that level.
CODE_LENGTH = {1: 1, 2: 2, 3: 3, 4: 4, 5: 5}
LEVEL_NAMES = {1: "Broad Category", 2: "Major Group", 3: "Sub-major Group", 4: "Minor Group", 5: "Unit Group"}


def _structure_code(value: str, level: int, source: Source, line: int) -> str:
    digits = value.strip()
    length = CODE_LENGTH[level]
    if not digits.isdigit() or len(digits) > length:
        raise ReferenceDataError(
            f"{source.path}, line {line}: Code - NOC 2021 V1.0 {value!r} is not a level-{level} NOC code."
        )
    return digits.zfill(length)  # some exports drop leading zeros


def load_structure() -> int:
    """The four group levels (``NocGroup``) and the 516 unit groups (``Occupation``, English)."""
    columns = ("Level", "Hierarchical structure", "Code - NOC 2021 V1.0", "Class title", "Class definition")
    groups: dict[str, NocGroup] = {}
    occupations: dict[str, Occupation] = {}
    for line, row in read_rows(NOC_STRUCTURE, required=columns, strict=True):
        level = integer(row["Level"], NOC_STRUCTURE, line, "Level", minimum=1, maximum=5)
        if row["Hierarchical structure"].casefold() != LEVEL_NAMES[level].casefold():
            raise ReferenceDataError(
                f"{NOC_STRUCTURE.path}, line {line}: Hierarchical structure "
                f"{row['Hierarchical structure']!r} "
                f"does not match level {level} ({LEVEL_NAMES[level]})."
            )
        code = _structure_code(row["Code - NOC 2021 V1.0"], level, NOC_STRUCTURE, line)
        title = required_text(row, "Class title", NOC_STRUCTURE, line)
        if code in groups or code in occupations:
            raise ReferenceDataError(f"{NOC_STRUCTURE.path}, line {line}: code {code} appears twice.")
        parent = code[:-1]  # "7210" for "72106", "721" for "7210", "" for a broad category
        if level > 1 and parent not in groups:
            raise ReferenceDataError(
                f"{NOC_STRUCTURE.path}, line {line}: parent group {parent} of {code} is missing."
            )
        if level < 5:
            groups[code] = NocGroup(
                code=code,
                level=level,
                title_en=title,
                definition_en=row["Class definition"],
                parent_id=parent or None,
            )
            continue
        occupations[code] = Occupation(
            code=code,
            title_en=title,
            definition_en=row["Class definition"],
            teer=int(code[1]),
            broad_category_id=code[:1],
            major_group_id=code[:2],
            sub_major_group_id=code[:3],
            minor_group_id=code[:4],
        )
    if not occupations:
        raise ReferenceDataError(f"{NOC_STRUCTURE.path}: no unit groups.")
    upsert(NocGroup, list(groups.values()), ["level", "title_en", "definition_en", "parent"], prune=False)
    fields = [
        "title_en",
        "teer",
        "definition_en",
        "broad_category",
        "major_group",
        "sub_major_group",
        "minor_group",
    ]
    upsert(Occupation, list(occupations.values()), fields)
    prune_missing(NocGroup, set(groups))
    return len(groups) + len(occupations)


def load_unit_groups() -> int:
    """French unit-group titles, checked against the structure (English title, TEER and minor group)."""
    columns = ("noc_code", "title_en", "title_fr", "teer", "minor_group_code")
    known = {occupation.code: occupation for occupation in Occupation.objects.all()}
    changed = []
    for line, row in read_rows(NOC_UNIT_GROUPS, required=columns, strict=True):
        code = noc_code(row["noc_code"], NOC_UNIT_GROUPS, line)
        occupation = known.get(code)
        if occupation is None:
            raise ReferenceDataError(
                f"{NOC_UNIT_GROUPS.path}, line {line}: noc_code {code} is not a NOC 2021 unit group."
            )
        checks = {
            "title_en": (tidy(row["title_en"]), occupation.title_en),
            "teer": (row["teer"], str(occupation.teer)),
            "minor_group_code": (row["minor_group_code"].zfill(4), occupation.minor_group_id),
        }
        for field, (found, expected) in checks.items():
            if found != expected:
                raise ReferenceDataError(
                    f"{NOC_UNIT_GROUPS.path}, line {line}: {field} {found!r} differs from the NOC structure "
                    f"({expected!r}) for {code}."
                )
        occupation.title_fr = required_text(row, "title_fr", NOC_UNIT_GROUPS, line)
        changed.append(occupation)
    Occupation.objects.bulk_update(changed, ["title_fr"], batch_size=500)
    return len(changed)


def load_example_titles() -> int:
    columns = ("noc_code", "lang", "example_title")
    known = set(Occupation.objects.values_list("code", flat=True))
    titles, seen = [], set()
    max_length = ExampleTitle._meta.get_field("title").max_length
    for line, row in read_rows(NOC_EXAMPLE_TITLES, required=columns, strict=True):
        code = noc_code(row["noc_code"], NOC_EXAMPLE_TITLES, line)
        if code not in known:
            raise ReferenceDataError(
                f"{NOC_EXAMPLE_TITLES.path}, line {line}: noc_code {code} is not a NOC 2021 unit group."
            )
        language = row["lang"].lower()
        if language not in ("en", "fr"):
            raise ReferenceDataError(
                f"{NOC_EXAMPLE_TITLES.path}, line {line}: lang {row['lang']!r} is not en or fr."
            )
        title = required_text(row, "example_title", NOC_EXAMPLE_TITLES, line)
        if len(title) > max_length:
            raise ReferenceDataError(
                f"{NOC_EXAMPLE_TITLES.path}, line {line}: example_title is longer than "
                f"{max_length} characters."
            )
        if (code, language, title) in seen:
            continue
        seen.add((code, language, title))
        titles.append(
            ExampleTitle(occupation_id=code, language=language, title=title, search_key=search_key(title))
        )
    return replace_all(ExampleTitle, titles, batch_size=5000)


def load_noc2016_concordance() -> int:
    source = NOC2016_CONCORDANCE
    code16, title16, change, code21, title21 = (
        "NOC 2016 V1.3 Code",
        "NOC 2016 V1.3 Title",
        "GSIM Type of Change",
        "NOC 2021 V1.0 Code",
        "NOC 2021 V1.0 Title",
    )
    known = set(Occupation.objects.values_list("code", flat=True))
    pairs: dict[tuple[str, str], Noc2016Concordance] = {}
    for line, row in read_rows(
        source, required=(code16, title16, change, code21, title21, "Notes"), strict=True
    ):
        old = row[code16]
        if not old.isdigit() or len(old) > 4:
            raise ReferenceDataError(
                f"{source.path}, line {line}: {code16} {old!r} is not a NOC 2016 unit group code."
            )
        new = noc_code(row[code21], source, line, code21)
        if new not in known:
            raise ReferenceDataError(
                f"{source.path}, line {line}: {code21} {new} is not a NOC 2021 unit group."
            )
        key = (old.zfill(4), new)
        if key in pairs:
            raise ReferenceDataError(f"{source.path}, line {line}: the pair {key[0]} → {new} appears twice.")
        pairs[key] = Noc2016Concordance(
            noc2016_code=key[0],
            noc2016_title=required_text(row, title16, source, line),
            occupation_id=new,
            noc2021_title=tidy(row[title21]),
            change=" ".join(row[change].split()),
            notes=row["Notes"],
        )
    return replace_all(Noc2016Concordance, list(pairs.values()))
