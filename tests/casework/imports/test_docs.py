"""docs/import.md documents every column of every kind of file, the limits and the counts, as the code has
them."""

from __future__ import annotations

import re
from pathlib import Path

from careerlens.casework.imports import DEFAULT_SYSTEM, KINDS, MAX_FILE_BYTES, MAX_ROWS
from careerlens.casework.imports.report import COUNT_LABELS

DOC = Path(__file__).resolve().parents[3] / "docs" / "import.md"


def section(text: str, kind: str) -> str:
    found = re.search(rf"^### Kind `{kind}`\n(.*?)(?=^##)", text, re.MULTILINE | re.DOTALL)
    assert found, f"docs/import.md has no section for the kind {kind}"
    return found.group(1)


def test_every_column_is_documented_with_required_and_example():
    text = DOC.read_text(encoding="utf-8")
    for kind, columns in KINDS.items():
        table = section(text, kind)
        documented = re.findall(r"^\| `(\w+)` \|", table, re.MULTILINE)
        assert documented == [column.name for column in columns], kind
        for column in columns:
            row = re.search(rf"^\| `{column.name}` \| (yes|no) \|([^\n]*)$", table, re.MULTILINE)
            assert row.group(1) == ("yes" if column.required else "no"), f"{kind}.{column.name}: required?"
            assert column.example in row.group(2), f"{kind}.{column.name}: example"


def test_limits_system_and_counts_are_documented():
    text = DOC.read_text(encoding="utf-8")
    assert f"`MAX_FILE_BYTES` = {MAX_FILE_BYTES}" in text
    assert f"`MAX_ROWS` = {MAX_ROWS}" in text
    assert f"`DEFAULT_SYSTEM` = `{DEFAULT_SYSTEM}`" in text
    for name, label in COUNT_LABELS.items():
        assert f"| `{name}` | {label} |" in text
