"""Reading an uploaded CSV (UTF-8, with or without a byte-order mark; comma or semicolon) or XLSX file (the
first sheet or a named one) into rows of text, keyed by normalised column names. Any problem with the file
as a whole is a ``FileProblem`` naming what is wrong."""

from __future__ import annotations

import csv
import datetime
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePath

from django.utils.translation import gettext_lazy as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from careerlens.casework.imports.columns import MAX_FILE_BYTES, MAX_ROWS
from careerlens.casework.imports.report import Message

XLSX_SIGNATURE = b"PK\x03\x04"


class FileProblem(Exception):
    def __init__(self, text, value: str = "", **params):
        self.message = Message(text, params)
        super().__init__(self.message.render("en"))
        self.value = value


@dataclass(frozen=True)
class Row:
    number: int
    values: dict[str, str]
    overflow: bool = False

    def get(self, column: str) -> str:
        return self.values.get(column, "")


@dataclass
class Table:
    columns: list[str]
    rows: list[Row] = field(default_factory=list)


def column_name(header: object) -> str:
    """``" Date of birth "`` → ``date_of_birth``."""
    return re.sub(r"[\s\-]+", "_", str(header if header is not None else "").strip().lower())


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_table(data: bytes, filename: str, sheet: str | None = None) -> Table:
    if len(data) > MAX_FILE_BYTES:
        raise FileProblem(
            _("The file is larger than %(limit)s MB; split it."), limit=MAX_FILE_BYTES // (1024 * 1024)
        )
    suffix = PurePath(filename or "").suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise FileProblem(_("Send a CSV or XLSX file (this file is “%(type)s”)."), type=suffix or filename)
    if not data.strip():
        raise FileProblem(_("The file is empty."))
    records = _xlsx_records(data, sheet) if suffix == ".xlsx" else _csv_records(data)
    return _table(records)


def _csv_records(data: bytes) -> list[list[str]]:
    if data.startswith(XLSX_SIGNATURE):
        raise FileProblem(_("This file is a spreadsheet, not CSV text: give it the .xlsx extension."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileProblem(
            _("The file is not UTF-8 text (byte %(position)s): save it as “CSV UTF-8”."),
            position=error.start + 1,
        ) from None
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        return [
            [cell.strip() for cell in record] for record in csv.reader(io.StringIO(text), delimiter=delimiter)
        ]
    except csv.Error as error:
        raise FileProblem(_("The CSV text cannot be read: %(error)s."), error=error) from None


def _xlsx_records(data: bytes, sheet: str | None) -> list[list[str]]:
    if not data.startswith(XLSX_SIGNATURE):
        raise FileProblem(_("This is not an XLSX workbook (an old .xls file? save it as .xlsx or CSV)."))
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError):
        raise FileProblem(_("This XLSX workbook cannot be read; it may be damaged.")) from None
    try:
        if sheet and sheet not in workbook.sheetnames:
            raise FileProblem(
                _("There is no sheet named “%(sheet)s” (the sheets are: %(names)s)."),
                value=sheet,
                sheet=sheet,
                names=", ".join(workbook.sheetnames),
            )
        worksheet = workbook[sheet] if sheet else workbook.worksheets[0]
        records = []
        for values in worksheet.iter_rows(values_only=True):
            records.append([cell_text(value) for value in values])
            if len(records) > MAX_ROWS + 1:
                break
        return records
    finally:
        workbook.close()


def _table(records: list[list[str]]) -> Table:
    numbered = [(number, record) for number, record in enumerate(records, start=1)]
    while numbered and not any(numbered[-1][1]):
        numbered.pop()
    if not numbered or not any(numbered[0][1]):
        raise FileProblem(_("The first row must hold the column names; it is empty."))
    header = [column_name(cell) for cell in numbered[0][1]]
    while header and not header[-1]:
        header.pop()
    seen = set()
    for name in header:
        if not name:
            raise FileProblem(_("A column of the first row has no name."))
        if name in seen:
            raise FileProblem(_("The column “%(column)s” appears twice."), value=name, column=name)
        seen.add(name)
    body = [(number, record) for number, record in numbered[1:] if any(record)]
    if not body:
        raise FileProblem(_("The file has column names but no rows."))
    if len(body) > MAX_ROWS:
        raise FileProblem(_("The file has more than %(limit)s rows; split it."), limit=MAX_ROWS)
    rows = []
    for number, record in body:
        overflow = any(record[len(header) :])
        values = {name: (record[index] if index < len(record) else "") for index, name in enumerate(header)}
        rows.append(Row(number, values, overflow))
    return Table(header, rows)
