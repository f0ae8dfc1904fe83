"""The load's settings, mappings and models are documented in docs/synth.md, "Loading into the app"."""

import re
from pathlib import Path

from careerlens.demo import casework

DOC = Path(__file__).resolve().parents[2] / "docs" / "synth.md"


def _section() -> str:
    text = DOC.read_text(encoding="utf-8")
    start = text.index("## Loading into the app")
    return text[start : text.index("\n## ", start + 1)]


def test_every_setting_is_documented_with_its_value():
    section = _section()
    low, high = casework.VERIFY_LAG_DAYS
    settings = (("CASELOAD_OPEN", f"{casework.CASELOAD_OPEN}"), ("VERIFY_LAG_DAYS", f"{low} to {high}"))
    for name, value in settings:
        row = re.search(rf"^\| `{name}` \| ([^|]*) \|", section, re.MULTILINE)
        assert row, f"{name} is not in the settings table"
        assert row.group(1).strip() == value, f"{name}: documented {row.group(1)!r}, code {value!r}"


def test_every_mapping_and_model_is_documented():
    section = _section()
    words = " ".join(section.split())
    for simulated, code in casework.INTERVENTIONS.items():
        assert f"`{simulated}` → `{code}`" in words, simulated
    for simulated in (*casework.EVIDENCE, *casework.EXITS):
        assert f"`{simulated}`" in section, simulated
    for model in casework.MODELS:
        assert re.search(rf"^\| `{model.__name__}`", section, re.MULTILINE), model.__name__
