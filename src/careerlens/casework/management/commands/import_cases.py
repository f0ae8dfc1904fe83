"""``careerlens import-cases --kind clients|jobs|outcomes FILE --as USERNAME [--sheet NAME] [--system NAME]
[--dry-run] [--language en|fr]``: import a CSV or XLSX export of another case management system, all or
nothing (docs/import.md). Prints the report; exits 1 when the file is rejected (nothing is written) and 2
when an argument is wrong."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from careerlens.accounts.models import User
from careerlens.audit.context import acting_as
from careerlens.casework.imports import DEFAULT_SYSTEM, KINDS, NotAllowed, run_import
from careerlens.casework.imports.report import COUNT_LABELS

BAD_ARGUMENT = 2
REJECTED = 1


class Command(BaseCommand):
    help = "Import clients, jobs or checkpoint outcomes from a CSV or XLSX file, all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the CSV or XLSX file")
        parser.add_argument("--kind", required=True, choices=sorted(KINDS), help="what the file holds")
        parser.add_argument(
            "--as", dest="username", required=True, metavar="USERNAME", help="the importing account"
        )
        parser.add_argument("--sheet", help="the sheet of an XLSX file (default: the first)")
        parser.add_argument("--system", default=DEFAULT_SYSTEM, help="the system the ids come from")
        parser.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
        parser.add_argument("--language", choices=("en", "fr"), default="en", help="language of the report")

    def handle(self, *args, file, kind, username, sheet, system, dry_run, language, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(
                f"--as: there is no account with the username {username!r}.", returncode=BAD_ARGUMENT
            )
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"FILE: {file!r} is not a file.", returncode=BAD_ARGUMENT)
        with acting_as(user, source="command"):
            try:
                report = run_import(
                    user, kind, path.read_bytes(), path.name, sheet=sheet, system=system, dry_run=dry_run
                )
            except NotAllowed:
                raise CommandError(
                    f"--as: {username} may not import (only provider managers and administrators may).",
                    returncode=BAD_ARGUMENT,
                ) from None
        for entry in report.notices:
            self.stdout.write(f"note: {entry.line(language)}")
        for entry in report.problems:
            self.stdout.write(f"error: {entry.line(language)}")
        if not report.accepted:
            raise CommandError(
                f"{path.name} rejected: {len(report.problems)} problem(s) in {len(report.bad_rows)} row(s) "
                f"of {report.rows}; nothing was written.",
                returncode=REJECTED,
            )
        verb = "would write" if dry_run else "wrote"
        with translation.override(language):
            done = "; ".join(f"{COUNT_LABELS[name]}: {count}" for name, count in report.counts.items())
        self.stdout.write(f"{path.name}: {report.rows} row(s) accepted; {verb} {done or 'nothing'}.")
