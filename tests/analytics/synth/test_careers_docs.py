"""docs/synth.md states every setting of the careers and sites part with its value."""

import dataclasses
import re
from pathlib import Path

from careerlens.analytics.synth import SimConfig

DOC = Path(__file__).resolve().parents[3] / "docs" / "synth.md"
FIRST = "permanent_intercept"  # the careers and sites settings close SimConfig, from this one on


def _shown(value) -> list[str]:
    if isinstance(value, dict):
        return [f"{key} {number:g}" for key, number in value.items()]
    if isinstance(value, tuple):
        return [f"{v:g}" if isinstance(v, float | int) else str(v) for v in value]
    return [f"{value:g}"]


def test_every_careers_setting_is_documented_with_its_value():
    text = DOC.read_text(encoding="utf-8")
    names = [f.name for f in dataclasses.fields(SimConfig)]
    defaults = SimConfig()
    for name in names[names.index(FIRST) :]:
        row = re.search(rf"^\| `{name}` \| ([^|]*) \|", text, re.MULTILINE)
        assert row, f"{name} is not in the settings table of docs/synth.md"
        for part in _shown(getattr(defaults, name)):
            assert part in row.group(1), f"{name}: {part} not stated"
