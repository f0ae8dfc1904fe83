"""Files for the case-import tests, made in the test (CSV text, XLSX workbooks with openpyxl), and a Toronto
provider manager next to the personas of ``tests/personas.py``."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from openpyxl import Workbook

from careerlens.accounts.models import User
from careerlens.accounts.roles import Role
from careerlens.audit.models import AuditEntry
from careerlens.casework.imports import run_import
from careerlens.casework.models import Checkpoint, Episode, Job
from careerlens.casework.models.external_ids import ExternalId
from careerlens.clients.models import Client, ProgramMembership

CLIENT_HEADER = ["client_id", "first_name", "last_name", "date_of_birth", "postal_code", "catchment"]


def csv_bytes(rows: list[list], delimiter: str = ",", bom: bool = False) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return (b"\xef\xbb\xbf" if bom else b"") + buffer.getvalue().encode("utf-8")


def xlsx_bytes(rows: list[list], sheets: tuple[str, ...] = ("Export",), data_sheet: str = "Export") -> bytes:
    workbook = Workbook()
    workbook.active.title = sheets[0]
    for name in sheets[1:]:
        workbook.create_sheet(name)
    for row in rows:
        workbook[data_sheet].append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def days(n: int) -> datetime.date:
    return datetime.date.today() + datetime.timedelta(days=n)


def counts() -> dict[str, int]:
    """The rows of every table an import writes to."""
    return {
        "clients": Client.objects.count(),
        "memberships": ProgramMembership.objects.count(),
        "external_ids": ExternalId.objects.count(),
        "jobs": Job.objects.count(),
        "checkpoints": Checkpoint.objects.count(),
        "verified": Checkpoint.objects.filter(verified_at__isnull=False).count(),
        "episodes": Episode.objects.count(),
        "audit": AuditEntry.objects.count(),
    }


@pytest.fixture
def toronto_manager(world):
    user, _created = User.objects.get_or_create(
        username="toronto_manager",
        defaults={"role": Role.PROVIDER_MANAGER, "organisation": world.other_provider},
    )
    return user


@pytest.fixture
def run(case):
    """``run(user, kind, rows)``: import ``rows`` (the first is the header) as CSV, or as XLSX with
    ``as_xlsx=True``."""

    def do(user, kind, rows, as_xlsx=False, **options):
        data, name = (xlsx_bytes(rows), "export.xlsx") if as_xlsx else (csv_bytes(rows), "export.csv")
        return run_import(user, kind, data, name, **options)

    return do


def problems(report) -> set[tuple]:
    """(row, column) of every problem of a report."""
    return {(entry.row, entry.column) for entry in report.problems}
