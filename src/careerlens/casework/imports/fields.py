"""Reading one field of a row: text, dates, amounts, yes/no and fixed choices. A value that cannot be read
is a problem in the report, named by row, column and value; ``RowCheck`` collects them for one row."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from careerlens.casework.imports.reading import Row
from careerlens.casework.imports.report import Report

YES = {"yes", "y", "true", "1", "oui", "o", "vrai"}
NO = {"no", "n", "false", "0", "non", "faux"}


class FieldProblem(Exception):
    def __init__(self, text, **params):
        super().__init__(str(text))
        self.text = text
        self.params = params


def text(max_length: int) -> Callable[[str], str]:
    def read(value: str) -> str:
        if len(value) > max_length:
            raise FieldProblem(
                _("At most %(limit)s characters (this has %(length)s)."), limit=max_length, length=len(value)
            )
        return value

    return read


def date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value[:10] if len(value) > 10 and value[10] == "T" else value)
    except ValueError:
        raise FieldProblem(_("Write the date as YYYY-MM-DD, for example 2026-03-02.")) from None


def amount(low: Decimal, high: Decimal, places: int = 2) -> Callable[[str], Decimal]:
    def read(value: str) -> Decimal:
        try:
            number = Decimal(value.replace(" ", "").replace("$", "").replace(",", "."))
        except InvalidOperation:
            raise FieldProblem(_("Write a number, for example 37.5.")) from None
        if not number.is_finite() or not low < number <= high:
            raise FieldProblem(_("Must be more than %(low)s and at most %(high)s."), low=low, high=high)
        if number != number.quantize(Decimal(1).scaleb(-places)):
            raise FieldProblem(_("At most %(places)s decimal places."), places=places)
        return number

    return read


def digits(length: int) -> Callable[[str], str]:
    def read(value: str) -> str:
        if not value.isdigit() or len(value) > length:
            raise FieldProblem(_("Write a code of %(length)s digits."), length=length)
        return value.zfill(length)  # a spreadsheet drops leading zeros: 12 is 0012

    return read


def yes_no(value: str) -> bool:
    lowered = value.lower()
    if lowered in YES:
        return True
    if lowered in NO:
        return False
    raise FieldProblem(_("Write yes or no."))


def choice(allowed: Iterable[Any]) -> Callable[[str], str]:
    values = [str(item) for item in allowed]

    def read(value: str) -> str:
        if value.lower() not in values:
            raise FieldProblem(_("Choose one of: %(allowed)s."), allowed=", ".join(values))
        return value.lower()

    return read


class RowCheck:
    """Reads the fields of one row, adding a report entry for each that cannot be read."""

    def __init__(self, row: Row, report: Report):
        self.row = row
        self.report = report
        self.bad: set[str] = set()

    @property
    def ok(self) -> bool:
        return not self.bad

    def problem(self, column: str, text, /, shown: str | None = None, **params) -> None:
        """A problem on ``column`` (its value is shown, or ``shown`` when given)."""
        self.bad.add(column)
        value = self.row.get(column) if shown is None else shown
        self.report.problem(self.row.number, column, value, text, **params)

    def read(self, column: str, reader: Callable[[str], Any] = str, required: bool = False) -> Any:
        """The value of ``column`` read by ``reader``; None when empty (a problem when required)."""
        value = self.row.get(column)
        if value == "":
            if required:
                self.problem(column, _("This column is required."))
            return None
        try:
            return reader(value)
        except FieldProblem as problem:
            self.problem(column, problem.text, **problem.params)
            return None

    def model_errors(self, error: ValidationError, columns: dict[str, str]) -> None:
        """The errors of a model's ``full_clean``, each on the column of its field (``columns`` maps field
        names to column names; other fields go on the row)."""
        by_field = error.error_dict if hasattr(error, "error_dict") else {"": error.error_list}
        for name, errors in by_field.items():
            column = columns.get(name, "")
            for item in errors:
                self.problem(column, item.message, **(item.params or {}))
