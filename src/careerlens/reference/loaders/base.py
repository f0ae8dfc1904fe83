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
from django.db.models import ProtectedError

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


def read_rows(
    source: Source, required: tuple[str, ...] = (), *, strict: bool = False
) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) pairs with cleaned header names; fails naming the file and the missing columns.

    ``strict``: a row with more or fewer fields than the header is an error (naming the line)."""
    if not source.file.exists():
        raise ReferenceDataError(f"{source.path}: file not found in {settings.REFERENCE_DATA_DIR}.")
    try:
        yield from _rows(source, required, strict)
    except UnicodeDecodeError as error:
        raise ReferenceDataError(
            f"{source.path}: not UTF-8 text ({error.reason} at byte {error.start})."
        ) from None
    except csv.Error as error:
        raise ReferenceDataError(f"{source.path}: not valid CSV ({error}).") from None


def _rows(source: Source, required: tuple[str, ...], strict: bool) -> Iterator[tuple[int, dict[str, str]]]:
    with source.file.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        try:
            header = [clean_header(name) for name in next(reader)]
        except StopIteration:
            raise ReferenceDataError(f"{source.path}: the file is empty.") from None
        duplicates = sorted({name for name in header if name and header.count(name) > 1})
        if duplicates:
            raise ReferenceDataError(
                f"{source.path}: column(s) {', '.join(duplicates)} appear more than once."
            )
        missing = [name for name in required if name not in header]
        if missing:
            raise ReferenceDataError(f"{source.path}: missing column(s) {', '.join(missing)}.")
        end = reader.line_num
        for values in reader:
            number, end = end + 1, reader.line_num  # a quoted field may span lines: report the first
            if not any(value.strip() for value in values):
                continue
            if strict and len(values) != len(header):
                raise ReferenceDataError(
                    f"{source.path}, line {number}: {len(values)} fields where the header has {len(header)}."
                )
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


def integer(
    value: str,
    source: Source,
    line: int,
    field: str,
    *,
    minimum: int | None = None,
    maximum: int | None = None,
    missing: tuple[str, ...] = (),
) -> int | None:
    """An integer (thousands separators allowed); ``None`` for a value in ``missing`` (e.g. ``N/A``)."""
    text = value.strip().replace(",", "")
    if text in missing:
        return None
    try:
        number = int(text)
    except ValueError:
        raise ReferenceDataError(
            f"{source.path}, line {line}: {field} {value!r} is not a whole number."
        ) from None
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        raise ReferenceDataError(
            f"{source.path}, line {line}: {field} {number} is outside {minimum}–{maximum}."
        )
    return number


def tidy(value: str) -> str:
    """Single spaces only (titles and labels carry doubled and non-breaking spaces)."""
    return " ".join(value.split())


def required_text(row: dict[str, str], field: str, source: Source, line: int) -> str:
    """The field's value with single spaces; an error naming file, line and field when it is empty."""
    value = tidy(row.get(field, ""))
    if not value:
        raise ReferenceDataError(f"{source.path}, line {line}: {field} is empty.")
    return value


def replace_all(model, objects: list, *, queryset=None, batch_size: int = 2000) -> int:
    """Delete the rows of ``queryset`` (every row of ``model`` by default) and insert ``objects``, inside
    the loader's transaction: a reload leaves exactly the file's rows, never duplicates.

    For tables no other table points at. The delete is one SQL statement: it sends no delete signals
    (reference rows are not audited), where ``QuerySet.delete()`` would fetch every row first."""
    queryset = model.objects.all() if queryset is None else queryset
    queryset._raw_delete(queryset.db)
    model.objects.bulk_create(objects, batch_size=batch_size)
    return len(objects)


def upsert(model, objects: list, fields: list[str], *, prune: bool = True, batch_size: int = 2000) -> int:
    """Insert or update ``objects`` by primary key; with ``prune``, delete the rows the file no longer has.

    Keys stay stable, so rows elsewhere that point at them (and columns other sources load onto the same
    rows) survive a reload."""
    model.objects.bulk_create(
        objects, batch_size=batch_size, update_conflicts=True, unique_fields=["pk"], update_fields=fields
    )
    if prune:
        prune_missing(model, {obj.pk for obj in objects})
    return len(objects)


def prune_missing(model, keys: set) -> None:
    """Delete the rows of ``model`` whose key is not in ``keys``; an error if other records still use one."""
    stale = [key for key in model.objects.values_list("pk", flat=True) if key not in keys]
    if not stale:
        return
    try:
        model.objects.filter(pk__in=stale).delete()
    except ProtectedError as error:
        raise ReferenceDataError(
            f"{model._meta.verbose_name} {', '.join(map(str, stale[:5]))} left the source but "
            f"{len(error.protected_objects)} record(s) still refer to it."
        ) from None
