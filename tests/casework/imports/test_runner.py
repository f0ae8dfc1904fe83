"""The import as a whole: a problem with the file is one entry with no row, a row longer than the header is
named, and a rejected file writes nothing even when only its last row is bad."""

from __future__ import annotations

from careerlens.casework.imports import run_import
from tests.casework.imports.conftest import CLIENT_HEADER, counts, csv_bytes, problems

NADIA = ["C-1", "Nadia", "Okafor", "1988-06-30", "L6Y 1N2", "peel"]


def test_a_problem_with_the_file_is_reported_on_the_file(users, case):
    report = run_import(users["provider_manager"], "clients", b"", "export.csv")
    assert [(entry.row, entry.line()) for entry in report.problems] == [(None, "file: The file is empty.")]
    assert not report.written and report.rows == 0


def test_a_row_longer_than_the_header_is_named(users, case):
    report = run_import(
        users["provider_manager"], "clients", csv_bytes([CLIENT_HEADER, [*NADIA, "extra"]]), "x.csv"
    )
    assert problems(report) == {(2, "")}
    assert "more values" in report.problems[0].messages["en"]


def test_only_the_last_of_many_rows_bad_writes_nothing(users, case):
    good = [[f"C-{n}", f"Name{n}", "Okafor", "1988-06-30", "L6Y 1N2", "peel"] for n in range(50)]
    before = counts()
    rows = [CLIENT_HEADER, *good, ["C-x", "Late", "Row", "1988-06-30", "L6Y 1N2", "nowhere"]]
    report = run_import(users["provider_manager"], "clients", csv_bytes(rows), "x.csv")
    assert report.bad_rows == [52] and report.rows == 51 and not report.counts
    assert counts() == before
