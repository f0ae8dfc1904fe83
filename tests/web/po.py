"""A small reader for gettext .po files (enough to check a catalogue; polib is not a dependency)."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

_KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")\s*$')


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    obsolete: bool = False
    line: int = 0

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def translated(self) -> bool:
        return bool(self.msgstr) and all(text for text in self.msgstr.values())


def parse(text: str) -> list[Entry]:
    entries: list[Entry] = []
    entry, target = None, None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            entry, target = None, None
            continue
        if entry is None:
            entry = Entry(line=number)
            entries.append(entry)
        if line.startswith("#~"):
            entry.obsolete = True
            continue
        if line.startswith("#,"):
            entry.flags.update(flag.strip() for flag in line[2:].split(","))
            continue
        if line.startswith("#"):
            continue
        match = _KEYWORD.match(line)
        if match:
            keyword, value = match.groups()
            target = keyword
            _append(entry, keyword, _unquote(value), new=True)
        elif line.startswith('"') and target:
            _append(entry, target, _unquote(line), new=False)
        else:
            raise ValueError(f"line {number}: cannot read {raw!r}")
    return entries


def _unquote(value: str) -> str:
    return ast.literal_eval(value)


def _append(entry: Entry, keyword: str, text: str, new: bool) -> None:
    if keyword.startswith("msgstr"):
        index = int(keyword[7:-1]) if "[" in keyword else 0
        entry.msgstr[index] = text if new else entry.msgstr[index] + text
    elif keyword == "msgid":
        entry.msgid = text if new else entry.msgid + text
    elif keyword == "msgid_plural":
        entry.msgid_plural = text if new else (entry.msgid_plural or "") + text
    else:
        entry.msgctxt = text if new else (entry.msgctxt or "") + text


def problems(path: Path) -> list[str]:
    """Untranslated and fuzzy entries, placeholders that do not match, and a fuzzy header."""
    found = []
    for entry in parse(path.read_text(encoding="utf-8")):
        if entry.obsolete:
            continue
        where = f"{path}:{entry.line}: msgid {entry.msgid!r}"
        if entry.msgid == "":
            if entry.fuzzy:
                found.append(f"{path}: the header is marked fuzzy (its plural forms would be ignored)")
            continue
        if entry.fuzzy:
            found.append(f"{where} is fuzzy")
        if not entry.translated:
            found.append(f"{where} is not translated")
            continue
        expected = _placeholders(entry.msgid) | _placeholders(entry.msgid_plural or "")
        for text in entry.msgstr.values():
            if _placeholders(text) - expected or (not entry.msgid_plural and _placeholders(text) != expected):
                found.append(f"{where}: the translation's placeholders differ ({text!r})")
    return found


def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"%\(\w+\)[sd]|\{\w+\}", text))
