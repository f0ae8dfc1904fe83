"""All or nothing: every table is written into a temporary directory beside the target, each file is
read back and checked against the schema, and only then is the directory renamed into place; the previous
snapshot is moved aside first and deleted last, and put back if the rename fails. Any failure leaves the
previous snapshot as it was and the temporary directory removed."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from careerlens.snapshots.arrow import check, check_file

MANIFEST = "export.json"  # what the export wrote: the as-of date and the rows per table
SIMULATED = ("truth_clients.parquet", "truth.json")  # a simulated province holds these


def is_simulated(directory: Path) -> bool:
    return any((directory / name).exists() for name in SIMULATED)


def is_snapshot(directory: Path) -> bool:
    """A directory an export may replace: missing, empty, or holding a snapshot (exported or simulated)."""
    if not directory.exists():
        return True
    return (
        not any(directory.iterdir())
        or (directory / "clients.parquet").exists()
        or (directory / MANIFEST).exists()
    )


def write(tables: dict[str, pa.Table], target: Path, manifest: dict) -> None:
    """Write ``tables`` as ``<name>.parquet`` and the manifest into ``target``, replacing it whole."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.export-", dir=target.parent))
    try:
        for name, table in tables.items():
            check(name, table.schema)
            path = staging / f"{name}.parquet"
            pq.write_table(table, path, compression="zstd", write_statistics=True)
            check_file(name, path)
        text = json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False, default=str) + "\n"
        (staging / MANIFEST).write_text(text, encoding="utf-8")
        _swap(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap(staging: Path, target: Path) -> None:
    if not target.exists():
        os.replace(staging, target)
        return
    aside = Path(tempfile.mkdtemp(prefix=f".{target.name}.previous-", dir=target.parent))
    os.rmdir(aside)
    os.replace(target, aside)
    try:
        os.replace(staging, target)
    except OSError:
        os.replace(aside, target)
        raise
    shutil.rmtree(aside, ignore_errors=True)
