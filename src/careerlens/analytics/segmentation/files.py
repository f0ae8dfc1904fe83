"""Read a training table from a Parquet or CSV file, with one clear error when it cannot be read."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from .errors import SegmentationDataError


def read_table(path: str | Path) -> pa.Table:
    path = Path(path)
    if not path.is_file():
        raise SegmentationDataError(f"--data {path}: no such file.")
    try:
        if path.suffix.lower() in (".parquet", ".pq"):
            return pq.read_table(path)
        return pacsv.read_csv(path)
    except (pa.ArrowInvalid, OSError, UnicodeDecodeError) as error:
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise SegmentationDataError(f"--data {path}: cannot be read as Parquet or CSV ({first}).") from None
