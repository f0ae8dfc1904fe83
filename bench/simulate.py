"""Benchmark of the province simulator: time, peak memory and rows per second for N clients, against the
plain row-by-row Python generator (bench/rowwise.py) run on a small N in the same run.

    .venv/bin/python bench/simulate.py                      # 1,000,000 clients, baseline on 5,000
    .venv/bin/python bench/simulate.py --clients 200000 --baseline-clients 2000

Each run happens in its own subprocess so that its peak memory (maximum resident set size) is its own.
The time covers simulating and writing every Parquet file, truth.json and calibration.json.
Targets (issue 3): 1,000,000 clients in <= 60 s and <= 4 GB.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIME_LIMIT_S = 60.0
MEMORY_LIMIT_GB = 4.0


def _child(kind: str, clients: int, seed: int, out: Path) -> None:
    import resource

    sys.path.insert(0, str(ROOT / "bench"))
    started = time.perf_counter()
    if kind == "vectorised":
        from careerlens.analytics.synth import simulate, writer

        province = simulate(clients, seed)
        generated = time.perf_counter()
        rows = writer.write(province, out)
        total, events = sum(rows.values()), rows["events"]
    else:
        import rowwise

        tables = rowwise.simulate_rows(clients, seed)
        generated = time.perf_counter()
        events = len(tables["events"])
        total = rowwise.write_rows(tables, out)
    finished = time.perf_counter()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = {
        "seconds": finished - started,
        "generate_seconds": generated - started,
        "rows": total,
        "events": events,
        "peak_bytes": peak_kb * 1024,
    }
    print(json.dumps(result))


def run(kind: str, clients: int, seed: int, out: Path) -> dict:
    command = [
        sys.executable,
        __file__,
        "--child",
        kind,
        "--clients",
        str(clients),
        "--seed",
        str(seed),
        "--out",
        str(out),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"{kind} run failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=1_000_000)
    parser.add_argument("--baseline-clients", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--out", type=Path, default=None, help="keep the output here (default: a temporary directory)"
    )
    parser.add_argument("--child", choices=("vectorised", "rowwise"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.clients < 1 or args.baseline_clients < 1:
        parser.error("--clients and --baseline-clients must be at least 1")
    if args.child:
        _child(args.child, args.clients, args.seed, args.out)
        return

    with tempfile.TemporaryDirectory(prefix="careerlens-bench-") as scratch:
        out = args.out or Path(scratch) / "vectorised"
        baseline = run("rowwise", args.baseline_clients, args.seed, Path(scratch) / "rowwise")
        main_run = run("vectorised", args.clients, args.seed, out)
    rate = main_run["rows"] / main_run["seconds"]
    base_rate = baseline["rows"] / baseline["seconds"]
    generate_rate = main_run["rows"] / main_run["generate_seconds"]
    base_generate_rate = baseline["rows"] / baseline["generate_seconds"]
    gb = main_run["peak_bytes"] / 1e9
    print(
        f"vectorised: {args.clients:,} clients, {main_run['rows']:,} rows ({main_run['events']:,} event rows)"
    )
    print(
        f"  time        {main_run['seconds']:8.1f} s   (limit {TIME_LIMIT_S:.0f} s; "
        f"{main_run['generate_seconds']:.1f} s simulating, the rest writing Parquet and calibration)"
    )
    print(f"  peak memory {gb:8.2f} GB  (limit {MEMORY_LIMIT_GB:.0f} GB; maximum resident set size)")
    print(f"  rows/s      {rate:12,.0f}   (simulation alone {generate_rate:,.0f})")
    print(
        f"row-by-row baseline: {args.baseline_clients:,} clients, {baseline['rows']:,} rows in "
        f"{baseline['seconds']:.2f} s ({baseline['generate_seconds']:.2f} s simulating), "
        f"peak {baseline['peak_bytes'] / 1e9:.2f} GB"
    )
    print(f"  rows/s      {base_rate:12,.0f}   (simulation alone {base_generate_rate:,.0f})")
    print(f"ratio, end to end (vectorised rows/s over row-by-row rows/s): {rate / base_rate:.1f}x")
    simulation_ratio = generate_rate / base_generate_rate
    print(f"ratio, simulation alone:                                      {simulation_ratio:.1f}x")
    within = main_run["seconds"] <= TIME_LIMIT_S and gb <= MEMORY_LIMIT_GB
    print("targets met" if within else "TARGETS MISSED")


if __name__ == "__main__":
    main()
