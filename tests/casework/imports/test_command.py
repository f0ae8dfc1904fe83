"""``careerlens import-cases``: prints the report, exit code 0 when imported (or checked), 1 when the file is
rejected (nothing written), 2 when an argument is wrong; one line each, never a traceback."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from careerlens.audit.models import AuditEntry
from careerlens.clients.models import Client
from tests.casework.imports.conftest import CLIENT_HEADER, counts, csv_bytes, xlsx_bytes

GOOD = [CLIENT_HEADER, ["C-1", "Nadia", "Okafor", "1988-06-30", "L6Y 1N2", "peel"]]
BAD = [*GOOD, ["C-2", "Léo", "Gagnon", "02/11/1975", "L5B 2C9", "peel"]]


def command(*args) -> str:
    out = io.StringIO()
    call_command("import_cases", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def write(tmp_path, case):
    def make(rows, name="export.csv"):
        path = tmp_path / name
        path.write_bytes(xlsx_bytes(rows) if name.endswith(".xlsx") else csv_bytes(rows))
        return str(path)

    return make


def test_a_good_file_is_imported_and_audited_as_a_command(write):
    out = command(write(GOOD), "--kind", "clients", "--as", "provider_manager")
    assert "1 row(s) accepted; wrote client records created: 1" in out
    entry = AuditEntry.objects.filter(content_type__model="client", action="create").latest("pk")
    assert (entry.source, entry.actor_name) == ("command", "provider_manager")


def test_dry_run_writes_nothing(write):
    before = counts()
    out = command(write(GOOD, "export.xlsx"), "--kind", "clients", "--as", "administrator", "--dry-run")
    assert "would write" in out and counts() == before


def test_a_bad_file_exits_1_naming_the_row_and_column(write):
    before = counts()
    out = io.StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("import_cases", write(BAD), "--kind", "clients", "--as", "provider_manager", stdout=out)
    assert raised.value.returncode == 1
    assert "rejected: 1 problem(s) in 1 row(s) of 2; nothing was written" in str(raised.value)
    assert (
        "error: row 3, column date_of_birth, value '02/11/1975': Write the date as YYYY-MM-DD"
        in out.getvalue()
    )
    assert counts() == before and not Client.objects.filter(last_name="Okafor").exists()


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--as", "nobody"], "--as: there is no account"),
        (["--as", "practitioner"], "--as: practitioner may not import"),
        (["--as", "caseworker"], "--as: caseworker may not import"),
    ],
)
def test_bad_arguments_exit_2(write, args, says):
    with pytest.raises(CommandError) as raised:
        command(write(GOOD), "--kind", "clients", *args)
    assert raised.value.returncode == 2 and says in str(raised.value)


def test_a_missing_file_exits_2(tmp_path, case):
    with pytest.raises(CommandError) as raised:
        command(str(tmp_path / "none.csv"), "--kind", "jobs", "--as", "provider_manager")
    assert raised.value.returncode == 2 and "FILE:" in str(raised.value)


def test_the_report_in_french_keeps_its_rows_and_columns(write):
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_cases",
            write(BAD),
            "--kind",
            "clients",
            "--as",
            "provider_manager",
            "--language",
            "fr",
            stdout=out,
        )
    assert "error: row 3, column date_of_birth, value '02/11/1975': " in out.getvalue()
