"""What every reference loader shares: reading CSV files, checksums, and the source record.

A loader is all-or-nothing (the command wraps every loader in one transaction) and idempotent: a source
whose file checksum matches the recorded one is skipped, unless the load is forced.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from careerlens.reference.models import ReferenceSource


class ReferenceDataError(Exception):
    """A reference file is missing or malformed; the message names the file, row and field."""


@dataclass(frozen=True)
class Source:
    key: str
    path: str  # relative to REFERENCE_DATA_DIR
    version: str
    publisher: str
    licence: str

    @property
    def file(self) -> Path:
        return Path(settings.REFERENCE_DATA_DIR) / self.path


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def clean_header(name: str) -> str:
    """Header names in the published files carry stray and non-breaking spaces and byte-order marks."""
    return " ".join(name.replace("\ufeff", "").replace("\xa0", " ").split())


def read_rows(source: Source, required: tuple[str, ...] = ()) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) pairs with cleaned header names; fails naming the file and the missing columns."""
    if not source.file.exists():
        raise ReferenceDataError(f"{source.path}: file not found in {settings.REFERENCE_DATA_DIR}.")
    with source.file.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        try:
            header = [clean_header(name) for name in next(reader)]
        except StopIteration:
            raise ReferenceDataError(f"{source.path}: the file is empty.") from None
        missing = [name for name in required if name not in header]
        if missing:
            raise ReferenceDataError(f"{source.path}: missing column(s) {', '.join(missing)}.")
        for number, values in enumerate(reader, start=2):
            if not any(value.strip() for value in values):
                continue
            yield number, dict(zip(header, (value.strip() for value in values), strict=False))


def noc_code(value: str, source: Source, line: int, field: str = "noc_code") -> str:
    """A NOC 2021 unit-group code as a 5-digit string (some files drop the leading zeros)."""
    digits = value.strip().split(".")[0]
    if not digits.isdigit() or len(digits) > 5:
        raise ReferenceDataError(f"{source.path}, line {line}: {field} {value!r} is not a NOC code.")
    return digits.zfill(5)


def is_current(source: Source, checksum: str) -> bool:
    return ReferenceSource.objects.filter(key=source.key, sha256=checksum, version=source.version).exists()


def record(source: Source, checksum: str, rows: int) -> None:
    ReferenceSource.objects.update_or_create(
        key=source.key,
        defaults={
            "path": source.path,
            "version": source.version,
            "publisher": source.publisher,
            "licence": source.licence,
            "sha256": checksum,
            "rows": rows,
        },
    )
