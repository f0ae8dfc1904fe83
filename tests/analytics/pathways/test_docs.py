"""Every parameter is documented in docs/pathways.md."""

import dataclasses
import re
from pathlib import Path

from careerlens.analytics.pathways import PathwaySettings, programs

DOC = Path(__file__).resolve().parents[3] / "docs" / "pathways.md"


def test_every_setting_is_documented_with_its_default():
    text = DOC.read_text(encoding="utf-8")
    defaults = PathwaySettings().as_dict()
    for field in dataclasses.fields(PathwaySettings):
        row = re.search(rf"^\| `{field.name}` \|([^\n]*)$", text, re.MULTILINE)
        assert row, f"{field.name} is not in the parameter table of docs/pathways.md"
        value = defaults[field.name]
        if isinstance(value, int | float) and not isinstance(value, bool):
            assert f"{value:g}" in row.group(1), f"{field.name}: default {value} not stated"


def test_every_facet_weight_and_program_is_documented():
    text = DOC.read_text(encoding="utf-8")
    for facet, weight in PathwaySettings().facet_weights.items():
        assert re.search(rf"`{facet}`[^\n]*{weight:g}", text), facet
    for program in programs.load():
        assert program.name_en in text and program.name_fr in text
