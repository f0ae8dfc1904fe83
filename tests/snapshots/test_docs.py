"""docs/export.md and the code agree: every parameter with its value, every mapping, every column the app
does not record."""

from __future__ import annotations

import re
from pathlib import Path

from careerlens.snapshots import arrow, mapping, outcomes, people

DOC = Path(__file__).resolve().parents[2] / "docs" / "export.md"
PARAMETERS = {
    "OW_EXIT_BEFORE_START": outcomes.OW_EXIT_BEFORE_START,
    "OW_EXIT_AFTER_START": outcomes.OW_EXIT_AFTER_START,
    "YOUTH_MAX_AGE": people.YOUTH_MAX_AGE,
    "HIGH_NEEDS_BARRIERS": people.HIGH_NEEDS_BARRIERS,
    "LONG_OUT_OF_WORK_MONTHS": people.LONG_OUT_OF_WORK_MONTHS,
}
MAPPINGS = {
    "gender": mapping.GENDER,
    "indigenous": mapping.YES_NO,
    "disability": mapping.DISABILITY,
    "exit_reason": mapping.EXIT_REASON,
    "intervention": mapping.INTERVENTION_TYPES,
    "evidence": mapping.EVIDENCE,
}


def _text() -> str:
    return DOC.read_text(encoding="utf-8")


def _row(text: str, column: str) -> str:
    found = re.search(rf"^\| `{column}`[^\n]*$", text, re.MULTILINE)
    assert found, f"{column} has no row in docs/export.md"
    return found.group(0)


def test_every_parameter_is_documented_with_its_value():
    text = _text()
    for name, value in PARAMETERS.items():
        assert re.search(rf"^\| `{name}` \| {value} \|", text, re.MULTILINE), name


def test_every_mapping_is_documented():
    text = _text()
    for column, pairs in MAPPINGS.items():
        row = _row(text, column)
        for app, code in pairs.items():
            assert f"`{app}` → `{code}`" in row, f"{column}: {app} → {code}"
    row = _row(text, "referral_source")
    for source, code in mapping.REFERRAL_SOURCE.items():
        assert f"→ `{code}`" in row and (f"`{source}`" in row or source == "caseworker"), source


def test_the_columns_not_recorded_are_exactly_those_documented():
    text = _text()
    section = text.split("## What is null", 1)[1].split("##", 1)[0]
    documented = set(re.findall(r"^\| `(\w+)\.(\w+)` \|", section, re.MULTILINE))
    coded = {(table, column) for table, columns in mapping.NOT_RECORDED.items() for column in columns}
    assert documented == coded
    for table, column in coded:
        assert column in arrow.schema(table).names, f"{table}.{column} is not in the schema"


def test_every_exported_table_is_named():
    section = _text().split("## What is exported", 1)[1].split("##", 1)[0]
    for name in arrow.TABLES:
        assert f"`{name}`" in section, name
