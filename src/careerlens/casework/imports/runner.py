"""One import, all or nothing: read the file, check its columns, check every row and field of it, and only
when nothing is wrong write every row in one transaction through the services (so every change is audited).
A dry run checks and writes the same way, then rolls everything back."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from careerlens.audit.context import acting_as, current
from careerlens.casework.imports import clients, jobs, outcomes
from careerlens.casework.imports.columns import DEFAULT_SYSTEM, KINDS
from careerlens.casework.imports.reading import FileProblem, Table, read_table
from careerlens.casework.imports.report import Entry, Report
from careerlens.casework.imports.scope import ImportContext, may_import

CHECKERS = {"clients": clients.check, "jobs": jobs.check, "outcomes": outcomes.check}
SYSTEM = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,39}$")


class NotAllowed(Exception):
    """The person may not import (only provider managers and administrators may)."""


def run_import(
    actor,
    kind: str,
    data: bytes,
    filename: str,
    *,
    sheet: str | None = None,
    system: str = DEFAULT_SYSTEM,
    dry_run: bool = False,
) -> Report:
    if not may_import(actor):
        raise NotAllowed(actor)
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    report = Report(kind, dry_run)
    if not SYSTEM.match(system or ""):
        report.problem(
            None,
            "system",
            system,
            _("Name the system in at most 40 lower-case letters, digits, “.”, “_” or “-”."),
        )
        return report
    try:
        table = read_table(data, filename, sheet)
    except FileProblem as problem:
        report.problems.append(Entry(None, "", problem.value, problem.message))
        return report
    _check_columns(report, table)
    if report.problems:
        return report
    report.rows = len(table.rows)
    for row in table.rows:
        if row.overflow:
            report.problem(
                row.number, "", "", _("This row has more values than the first row has column names.")
            )
    context = ImportContext(actor, system, report)
    plans = CHECKERS[kind](context, table.rows)
    if not report.problems:
        _write(context, plans)
    return report


def _check_columns(report: Report, table: Table) -> None:
    columns = KINDS[report.kind]
    known = [column.name for column in columns]
    for name in table.columns:
        if name not in known:
            report.problem(
                None,
                name,
                "",
                _("Unknown column; a %(kind)s file has: %(columns)s."),
                kind=report.kind,
                columns=", ".join(known),
            )
    for column in columns:
        if column.required and column.name not in table.columns:
            report.problem(None, column.name, "", _("This required column is missing."))


def _write(context: ImportContext, plans: list) -> None:
    report = context.report
    base = current()  # the request's or the command's; the changes are the importer's in any case
    with acting_as(context.actor, source=base.source, request_id=base.request_id), transaction.atomic():
        for plan in plans:
            try:
                plan.write(context)
            except ValidationError as error:
                for message in error.messages:
                    report.problem(plan.row, "", "", _("Refused when written: %(reason)s"), reason=message)
                break
            except Http404:
                report.problem(plan.row, "", "", _("You may not change this client."))
                break
            except IntegrityError:
                report.problem(plan.row, "", "", _("Another change to the same records was saved meanwhile."))
                break
        report.written = not (report.problems or report.dry_run)
        if not report.written:
            transaction.set_rollback(True)
    if report.problems:
        report.counts.clear()
