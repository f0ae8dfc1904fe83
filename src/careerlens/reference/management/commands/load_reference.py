"""careerlens load-reference: load every reference source, skipping those already loaded unchanged."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from careerlens.reference.loaders import LOADERS
from careerlens.reference.loaders.base import ReferenceDataError, is_current, record, sha256_of


class Command(BaseCommand):
    help = "Load the reference data (NOC 2021, OaSIS 2023, COPS 2024–2033, geography). Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Reload sources even if unchanged.")
        parser.add_argument("--only", nargs="*", metavar="SOURCE", help="Load only these source keys.")

    def handle(self, *args, force=False, only=None, **options):
        known = {source.key for source, _ in LOADERS}
        unknown = sorted(set(only or []) - known)
        if unknown:
            raise CommandError(f"Unknown source(s): {', '.join(unknown)}. Known: {', '.join(sorted(known))}.")
        try:
            with transaction.atomic():
                for source, load in LOADERS:
                    if only and source.key not in only:
                        continue
                    if not source.file.exists():
                        raise ReferenceDataError(f"{source.path}: file not found.")
                    checksum = sha256_of(source.file)
                    if not force and is_current(source, checksum):
                        self.stdout.write(f"{source.key}: unchanged, skipped")
                        continue
                    rows = load()
                    record(source, checksum, rows)
                    self.stdout.write(f"{source.key}: {rows} rows loaded ({source.version})")
        except ReferenceDataError as error:
            raise CommandError(f"Nothing was loaded: {error}") from None
