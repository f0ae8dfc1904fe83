"""``careerlens export [--to DIR] [--as-of YYYY-MM-DD] [--force]``: write the operational database as an
analytics snapshot, all or nothing (docs/export.md). Prints one line; a refusal or failure exits non-zero
with one line saying what is wrong."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.utils.translation import gettext as _

from careerlens.audit.context import acting_as
from careerlens.snapshots.services import ExportError, export

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def as_of_date(text: str) -> dt.date:
    """A calendar date written YYYY-MM-DD, or a refusal naming --as-of."""
    try:
        if ISO_DATE.fullmatch(text):
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    raise CommandError(_("--as-of %(value)r is not a date; write it as YYYY-MM-DD.") % {"value": text})


class Command(BaseCommand):
    help = (
        "Export the operational database as an analytics snapshot (Parquet) for the engines and dashboards."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--to", metavar="DIR", help="the snapshot directory (default: ANALYTICS_SNAPSHOT_DIR)"
        )
        parser.add_argument(
            "--as-of", metavar="YYYY-MM-DD", help="export what was known on this date (default: today)"
        )
        parser.add_argument("--force", action="store_true", help="replace a simulated province")

    def handle(self, *args, to, as_of, force, **options):
        day = as_of_date(as_of) if as_of is not None else None
        with acting_as(None, source="command"):
            try:
                done = export(Path(to) if to else None, day, force)
            except ExportError as error:
                raise CommandError(str(error)) from None
            except DatabaseError as error:
                raise CommandError(
                    _("The database cannot be read (%(error)s); run careerlens migrate first.")
                    % {"error": str(error).splitlines()[0]}
                ) from None
        counts = done.rows
        self.stdout.write(
            _(
                "Exported %(clients)s clients, %(jobs)s jobs and %(checkpoints)s verified checkpoints "
                "as of %(date)s to %(dir)s."
            )
            % {
                "clients": counts["clients"],
                "jobs": counts["jobs"],
                "checkpoints": counts["checkpoints"],
                "date": done.as_of.isoformat(),
                "dir": done.directory,
            }
        )
