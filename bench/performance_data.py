"""Test data for bench/performance.py: a simulated province's Parquet snapshot replicated to the number of
service episodes wanted. Each copy k shifts client_id, job_id and intervention_id by k times the base
province's maximum, so every copy is a new set of clients with the same providers and practitioners
(the providers and practitioners tables are copied once). DuckDB does the copying, file by file.

    .venv/bin/python bench/performance_data.py --base var/synth --copies 10 --out var/bench/performance/10m
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import duckdb

SHIFTED = {
    "clients": ("client_id",),
    "episodes": ("client_id",),
    "jobs": ("job_id", "client_id"),
    "checkpoints": ("job_id", "client_id"),
    "ow_spells": ("client_id", "job_id"),
    "assessments": ("client_id",),
    "interventions": ("intervention_id", "client_id"),
}
COPIED = ("providers", "practitioners")


def replicate(base: Path, copies: int, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    shift = con.sql(f"SELECT max(client_id) FROM read_parquet('{base / 'clients.parquet'}')").fetchone()[0]
    for key in ("job_id", "intervention_id"):
        table = "jobs" if key == "job_id" else "interventions"
        shift = max(
            shift,
            con.sql(f"SELECT max({key}) FROM read_parquet('{base / (table + '.parquet')}')").fetchone()[0],
        )
    for name, keys in SHIFTED.items():
        source = f"read_parquet('{base / (name + '.parquet')}')"
        columns = [row[0] for row in con.sql(f"DESCRIBE SELECT * FROM {source}").fetchall()]
        select = ", ".join(f"{c} + k * {shift} AS {c}" if c in keys else c for c in columns)
        con.sql(
            f"COPY (SELECT {select} FROM {source}, range({copies}) AS r(k) ORDER BY k, client_id) "
            f"TO '{out / (name + '.parquet')}' (FORMAT parquet, COMPRESSION zstd)"
        )
    for name in COPIED:
        source, target = base / f"{name}.parquet", out / f"{name}.parquet"
        con.sql(f"COPY (SELECT * FROM read_parquet('{source}')) TO '{target}' (FORMAT parquet)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, required=True, help="snapshot directory to replicate")
    parser.add_argument("--copies", type=int, required=True, help="number of copies (>= 1)")
    parser.add_argument("--out", type=Path, required=True, help="directory for the replicated snapshot")
    args = parser.parse_args()
    if args.copies < 1:
        parser.error("--copies must be at least 1")
    started = time.perf_counter()
    replicate(args.base, args.copies, args.out)
    print(f"replicated {args.base} x{args.copies} into {args.out} in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
