"""docs/metrics.md defines every indicator the engine implements (and no other); docs/performance.md
documents every setting, model variable and rule-file key."""

import dataclasses
import re
from pathlib import Path

from careerlens.analytics.performance import INDICATORS, REGISTRY, PerformanceSettings, model, rules

DOCS = Path(__file__).resolve().parents[3] / "docs"


def indicator_rows() -> dict[str, list[str]]:
    text = (DOCS / "metrics.md").read_text(encoding="utf-8")
    rows = {}
    for line in text.splitlines():
        match = re.match(r"^\| `([a-z0-9_]+)` \|(.*)\|$", line)
        if match:
            rows[match.group(1)] = [cell.strip() for cell in match.group(2).split("|")]
    return rows


def test_every_indicator_has_a_definition_and_every_definition_an_implementation():
    rows = indicator_rows()
    assert set(rows) == set(REGISTRY)
    for indicator in INDICATORS:
        name_en, name_fr, definition, numerator, denominator, kind, unit = rows[indicator.id]
        assert (name_en, name_fr, kind, unit) == (
            indicator.name_en,
            indicator.name_fr,
            indicator.kind,
            indicator.unit,
        )
        assert definition and numerator and denominator


def test_every_setting_is_documented_with_its_default():
    text = (DOCS / "performance.md").read_text(encoding="utf-8")
    defaults = PerformanceSettings().as_dict()
    for field in dataclasses.fields(PerformanceSettings):
        row = re.search(rf"^\| `{field.name}` \|([^\n]*)$", text, re.MULTILINE)
        assert row, f"{field.name} is not in the settings table of docs/performance.md"
        value = defaults[field.name]
        shown = (
            ", ".join(f"{v:g}" if isinstance(v, float) else str(v) for v in value)
            if isinstance(value, tuple)
            else (f"{value:g}" if isinstance(value, int | float) else str(value))
        )
        assert shown in row.group(1), f"{field.name}: default {shown} not stated"


def test_every_model_variable_and_rule_key_is_documented():
    text = (DOCS / "performance.md").read_text(encoding="utf-8")
    for variable in model.VARIABLES:
        assert f"`{variable}`" in text, variable
    for section, keys in rules.SECTIONS.items():
        if keys is None:
            assert f"`{section}" in text, section
        for key in keys or ():
            assert f"`{section}.{key}`" in text, f"{section}.{key}"
