"""``careerlens load-jobbank FILE``: import Job Bank 3-year outlooks by economic region (docs/pathways.md).

All or nothing: the whole file is checked (every unit group a NOC 2021 code, every region a 4-digit
economic region, every rating 1–5 stars or a known label, no repeated pair) before it replaces the imported
outlooks; a bad row stops the import with its line and field, and the outlooks in use stay as they were.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from careerlens.analytics.pathways import PathwayDataError
from careerlens.analytics.pathways.labour import read_jobbank
from careerlens.audit.context import acting_as
from careerlens.audit.models import AuditAction
from careerlens.audit.services import record_event
from careerlens.pathways.services import clear_engine, get_engine


class Command(BaseCommand):
    help = "Import Job Bank 3-year outlooks by economic region (all or nothing)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV: noc_code, economic_region, outlook (stars 1-5 or a label)")

    def handle(self, *args, file: str, **options):
        source = Path(file)
        if not source.is_file():
            raise CommandError(f"{source}: no such file.")
        try:
            ratings = read_jobbank(source, known=set(get_engine().codes))
        except PathwayDataError as error:
            raise CommandError(f"{error} Nothing was imported.") from None
        target = Path(settings.JOBBANK_OUTLOOKS_FILE)
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=target.parent, delete=False, suffix=".part") as handle:
            shutil.copyfileobj(source.open("rb"), handle)
        os.replace(handle.name, target)
        clear_engine()
        count = sum(len(rows) for rows in ratings.values())
        with acting_as(None, source="command"):
            record_event(
                AuditAction.CREATE,
                detail={"jobbank_outlooks": str(source), "ratings": count, "regions": sorted(ratings)},
            )
        self.stdout.write(f"Job Bank outlooks: {count} ratings in {len(ratings)} economic regions imported.")
