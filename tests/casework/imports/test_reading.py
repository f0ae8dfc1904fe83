"""Reading files: CSV with or without a byte-order mark, comma or semicolon; XLSX, first or named sheet; and
every problem with a file as a whole, named."""

from __future__ import annotations

import datetime

import pytest

from careerlens.casework.imports import reading
from careerlens.casework.imports.reading import FileProblem, read_table
from tests.casework.imports.conftest import csv_bytes, xlsx_bytes

ROWS = [["Client ID", "First name", "date-of-birth"], ["C-1", "Amira", "1990-04-12"], ["", "", ""]]
EXPECTED = {"client_id": "C-1", "first_name": "Amira", "date_of_birth": "1990-04-12"}


@pytest.mark.parametrize(("delimiter", "bom"), [(",", False), (";", True), (";", False), (",", True)])
def test_csv_with_or_without_bom_comma_or_semicolon(delimiter, bom):
    table = read_table(csv_bytes(ROWS, delimiter, bom), "x.csv")
    assert table.columns == ["client_id", "first_name", "date_of_birth"]
    assert [(row.number, row.values) for row in table.rows] == [(2, EXPECTED)]


def test_xlsx_first_sheet_named_sheet_and_typed_cells():
    rows = [["client_id", "date_of_birth", "hours"], ["C-1", datetime.datetime(1990, 4, 12), 37.0]]
    first = read_table(xlsx_bytes(rows), "x.xlsx")
    assert first.rows[0].values == {"client_id": "C-1", "date_of_birth": "1990-04-12", "hours": "37"}
    named = read_table(xlsx_bytes(rows, ("Notes", "Data"), "Data"), "x.xlsx", sheet="Data")
    assert named.rows[0].values["client_id"] == "C-1"
    with pytest.raises(FileProblem, match="column names"):
        read_table(xlsx_bytes(rows, ("Notes", "Data"), "Data"), "x.xlsx")


def test_a_row_longer_than_the_header_is_flagged():
    table = read_table(csv_bytes([["a", "b"], ["1", "2", "3"]]), "x.csv")
    assert table.rows[0].overflow


@pytest.mark.parametrize(
    ("data", "name", "sheet", "says"),
    [
        (b"", "x.csv", None, "empty"),
        (b"  \n", "x.csv", None, "empty"),
        (b"a,b\n", "x.csv", None, "no rows"),
        (b"a,a\n1,2\n", "x.csv", None, "appears twice"),
        (b"a,,b\n1,2,3\n", "x.csv", None, "no name"),
        (b"a,b\n1,2\n", "x.txt", None, "CSV or XLSX"),
        (b"a,b\n\xe9t\xe9,2\n", "x.csv", None, "UTF-8"),
        (b"\xd0\xcf\x11\xe0 old excel", "x.xlsx", None, "XLSX workbook"),
        (b"PK\x03\x04 broken zip", "x.xlsx", None, "damaged"),
        (xlsx_bytes([["a"], ["1"]]), "x.csv", None, "spreadsheet"),
        (xlsx_bytes([["a"], ["1"]]), "x.xlsx", "Nope", "no sheet named"),
    ],
)
def test_file_problems_are_named(data, name, sheet, says):
    with pytest.raises(FileProblem) as raised:
        read_table(data, name, sheet)
    assert says in raised.value.message.render("en")


def test_too_large_and_too_many_rows(monkeypatch):
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 10)
    with pytest.raises(FileProblem, match="larger than"):
        read_table(b"a,b\n1,2\n3,4\n", "x.csv")
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 1000)
    monkeypatch.setattr(reading, "MAX_ROWS", 1)
    with pytest.raises(FileProblem, match="more than 1 rows"):
        read_table(b"a,b\n1,2\n3,4\n", "x.csv")
