"""The import report: one entry per (row, column, value, message) for every problem, notices about rows that
were linked to existing records, and the counts of what was (or would be) written. Messages are kept
untranslated (lazy) and rendered in English and French on demand."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

LANGUAGES = ("en", "fr")


@dataclass(frozen=True)
class Message:
    """A translatable text (``gettext_lazy``) and the values for its placeholders."""

    text: Any
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, language: str) -> str:
        with translation.override(language):
            text = str(self.text)
            params = {
                name: str(value) if isinstance(value, Promise) else value
                for name, value in self.params.items()
            }
            return text % params if params else text

    def both(self) -> dict[str, str]:
        return {language: self.render(language) for language in LANGUAGES}

    def __str__(self) -> str:
        return self.render(translation.get_language() or "en")


@dataclass(frozen=True)
class Entry:
    """One line of the report. ``row`` is the row number as a spreadsheet shows it (the header is row 1);
    ``None`` for a problem with the file itself."""

    row: int | None
    column: str
    value: str
    message: Message

    @property
    def messages(self) -> dict[str, str]:
        return self.message.both()

    def line(self, language: str = "en") -> str:
        where = "file" if self.row is None else f"row {self.row}"
        if self.column:
            where += f", column {self.column}"
        if self.value:
            where += f", value {self.value!r}"
        return f"{where}: {self.message.render(language)}"


@dataclass
class Report:
    kind: str
    dry_run: bool = False
    problems: list[Entry] = field(default_factory=list)
    notices: list[Entry] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    rows: int = 0
    written: bool = False

    @property
    def accepted(self) -> bool:
        return not self.problems

    @property
    def bad_rows(self) -> list[int]:
        return sorted({entry.row for entry in self.problems if entry.row is not None})

    def problem(self, row: int | None, column: str, value: str, text, /, **params) -> None:
        self.problems.append(Entry(row, column, value, Message(text, params)))

    def notice(self, row: int | None, column: str, value: str, text, /, **params) -> None:
        self.notices.append(Entry(row, column, value, Message(text, params)))


COUNT_LABELS = {
    "clients_created": _("client records created"),
    "clients_linked": _("existing client records linked"),
    "memberships": _("program memberships added"),
    "jobs": _("jobs recorded (with their checkpoints)"),
    "checkpoints": _("checkpoints verified"),
}


def count_lines(report: Report) -> list[tuple[str, int]]:
    """(label in the active language, count) for every count of the report."""
    return [(str(COUNT_LABELS[name]), report.counts[name]) for name in COUNT_LABELS if name in report.counts]
