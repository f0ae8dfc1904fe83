"""Helpers shared by the reference tests."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from django.conf import settings


def data_file(relative: str) -> Path:
    return Path(settings.REFERENCE_DATA_DIR) / relative


def edit_file(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` by ``new`` in a data file, failing if ``old`` is not there."""
    text = path.read_text(encoding="utf-8-sig")
    assert old in text, f"{old!r} not found in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def header_of(relative: str) -> list[str]:
    with data_file(relative).open(encoding="utf-8-sig", newline="") as handle:
        return next(csv.reader(handle))


def heading_levels(html: str) -> list[int]:
    return [int(level) for level in re.findall(r"<h([1-6])[\s>]", html)]


def assert_heading_order(html: str) -> None:
    """One h1, first; no level skipped on the way down (h2 → h4)."""
    levels = heading_levels(html)
    assert levels and levels[0] == 1 and levels.count(1) == 1, levels
    for previous, current in zip(levels, levels[1:], strict=False):
        assert current <= previous + 1, f"heading h{previous} is followed by h{current}: {levels}"
