"""Benchmark of the performance engine (issue 7): the full provincial report on 10,000,000 service
episodes, against a pandas implementation (bench/performance_pandas.py) and hand-written DuckDB SQL
(bench/performance_sql.py) of the same indicators, measured in the same run.

    .venv/bin/python bench/performance.py                        # 10,000,000 episodes, pandas on 1,000,000
    .venv/bin/python bench/performance.py --episodes 2000000 --base-clients 200000

Data: a simulated province of --base-clients clients (one episode each) is written once under
var/bench/performance/, then replicated to --episodes episodes by bench/performance_data.py (each copy
shifts the ids, so every copy is new clients of the same providers). Targets: the full report (indicators
by every breakdown and quarter with suppression, client-mix adjustment, payments per provider and SSM under
two rule files, the creaming check) <= 20 s and <= 6 GB peak memory on this 2-core machine.

Each measurement runs in a child process of its own, so that its peak resident memory (VmHWM) is its
own; the full report's also prints the seconds of each stage of run() (facts, indicators, funding counts,
model fit, predictions, adjusted comparison, creaming counts, rule files). pandas runs on the base
province only (it would not fit in memory at 10,000,000); its time is extrapolated linearly to
--episodes, and the engine and SQL are also timed on the base for a like-for-like ratio. Before timing,
the bench checks that the three implementations agree on every indicator of every breakdown of the base
province.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

# NumPy's BLAS on one thread: DuckDB has both cores; on a busy machine a second BLAS thread spinning
# against them made the model fit (400,000 x 27, a second of work) take 6 to 20 s.
BLAS_THREADS = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
TIME_LIMIT_S = 20.0
MEMORY_LIMIT_GB = 6.0
DUCKDB = {  # DuckDB's own memory leaves room for Python under the target; what does not fit spills to disk
    "threads": 2,
    "memory_limit": "4GB",
    "preserve_insertion_order": False,
    "temp_directory": str(ROOT / "var" / "bench" / "performance" / "duckdb-spill"),
}


def _shared() -> tuple[list, list]:
    """The engine's indicators and breakdowns that the baselines implement (the engine may have more:
    indicators are added to it first); the like-for-like timings and the agreement check use these."""
    import performance_sql

    from careerlens.analytics.performance import INDICATORS
    from careerlens.analytics.performance.breakdowns import BREAKDOWNS

    indicators = [i for i in INDICATORS if i.id in performance_sql.AGGREGATES]
    breakdowns = [b for b in BREAKDOWNS if b.id in performance_sql.GROUPS]
    return indicators, breakdowns


def _prepare(base_clients: int, episodes: int, seed: int) -> tuple[Path, Path]:
    from performance_data import replicate

    root = ROOT / "var" / "bench" / "performance"
    base = root / f"base-{base_clients}-{seed}"
    if not (base / "practitioners.parquet").exists():
        from careerlens.analytics.synth import simulate, writer

        print(f"simulating {base_clients:,} clients into {base} ...", flush=True)
        writer.write(simulate(base_clients, seed), base)
    copies = max(1, round(episodes / base_clients))
    full = root / f"replicated-{base_clients}-{seed}-x{copies}"
    if not (full / "practitioners.parquet").exists():
        print(f"replicating x{copies} into {full} ...", flush=True)
        replicate(base, copies, full)
    return base, full


def _child(kind: str, data: str) -> None:
    """Run one measurement and print {"seconds", "peak_gb", "rows", "stages" (engine: seconds per stage of
    run())} as JSON."""
    started = time.perf_counter()
    stages: dict[str, float] = {}
    if kind == "engine":
        from careerlens.analytics.performance import load_rules, open_parquet, rules, run

        result = run(
            open_parquet(data, **DUCKDB), rules=load_rules(), compare=load_rules(rules.shipped("alternative"))
        )
        rows = sum(t.num_rows for t in result.tables.values())
        stages = result.seconds
    elif kind == "engine-indicators":
        from careerlens.analytics.performance import PerformanceSettings, open_parquet, report

        settings = PerformanceSettings()
        facts = report.materialise(open_parquet(data, **DUCKDB), settings)
        table = report.compute(facts, *_shared())
        rows = report.suppress_report(table, settings.suppression_threshold).num_rows
    elif kind == "sql":
        import performance_sql

        rows = performance_sql.indicators(data, **DUCKDB).num_rows
    elif kind == "pandas":
        import performance_pandas

        rows = len(performance_pandas.indicators(data))
    else:
        raise SystemExit(f"unknown measurement {kind}")
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "peak_gb": _peak_gb(), "rows": rows, "stages": stages}))


def _peak_gb() -> float:
    """This process's peak resident memory (VmHWM: unlike ru_maxrss, not inherited from the parent)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024 / 1e9
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e9


def _measure(kind: str, data: Path) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--data", str(data)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **BLAS_THREADS},
    )
    if done.returncode != 0:
        raise SystemExit(f"{kind} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _check_agreement(base: Path) -> None:
    """The engine, the SQL and pandas give the same indicators on the base province (before suppression)."""
    import numpy as np
    import pandas as pd
    import performance_pandas
    import performance_sql

    from careerlens.analytics.performance import INDICATORS, PerformanceSettings, open_parquet, report
    from careerlens.analytics.performance.breakdowns import BREAKDOWNS

    indicators, breakdowns = _shared()
    facts = report.materialise(open_parquet(base), PerformanceSettings())
    engine = report.compute(facts, indicators, breakdowns).to_pandas()
    keys = ["breakdown", "group", "quarter", "indicator"]
    for name, other in (
        ("SQL", performance_sql.indicators(base).to_pandas()),
        ("pandas", performance_pandas.indicators(base)),
    ):
        merged = engine.merge(other, on=keys, suffixes=("", "_other"), how="outer", indicator=True)
        if (merged["_merge"] != "both").any():
            raise SystemExit(
                f"{name} and the engine disagree on the cells: {merged[merged['_merge'] != 'both'].head()}"
            )
        for column in ("numerator", "denominator", "value"):
            a = pd.to_numeric(merged[column], errors="coerce").to_numpy(float)
            b = pd.to_numeric(merged[f"{column}_other"], errors="coerce").to_numpy(float)
            if not np.allclose(a, b, rtol=1e-6, atol=1e-6, equal_nan=True):
                bad = merged[~np.isclose(a, b, rtol=1e-6, atol=1e-6, equal_nan=True)]
                raise SystemExit(f"{name} and the engine disagree on {column}:\n{bad.head()}")
    print(f"agreement: engine = SQL = pandas on all {len(engine):,} cells of the base province")
    extra = [i.id for i in INDICATORS if i not in indicators]
    extra += [b.id for b in BREAKDOWNS if b not in breakdowns]
    if extra:
        print(f"  (the full report also has {', '.join(extra)}: not in the baselines, not compared)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--episodes", type=int, default=10_000_000)
    parser.add_argument("--base-clients", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--data", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.data)
        return
    if args.base_clients < 1000 or args.episodes < args.base_clients:
        parser.error("--base-clients must be at least 1,000 and --episodes at least --base-clients")
    base, full = _prepare(args.base_clients, args.episodes, args.seed)
    _check_agreement(base)
    scale = args.episodes / args.base_clients
    results = {}
    for kind, data in (
        ("engine", full),
        ("engine-indicators", full),
        ("sql", full),
        ("engine-indicators@base", base),
        ("sql@base", base),
        ("pandas@base", base),
    ):
        results[kind] = _measure(kind.split("@")[0], data)
        r = results[kind]
        print(
            f"  {kind:<24} {r['seconds']:8.1f} s   peak {r['peak_gb']:5.2f} GB   ({r['rows']:,} rows)",
            flush=True,
        )
        for stage, seconds in r["stages"].items():
            print(f"      {stage:<22} {seconds:8.1f} s", flush=True)
    full_report = results["engine"]
    print(
        f"\nfull provincial report on {args.episodes:,} episodes: {full_report['seconds']:.1f} s "
        f"(target <= {TIME_LIMIT_S:g} s: {'met' if full_report['seconds'] <= TIME_LIMIT_S else 'NOT met'}), "
        f"peak {full_report['peak_gb']:.2f} GB (target <= {MEMORY_LIMIT_GB:g} GB: "
        f"{'met' if full_report['peak_gb'] <= MEMORY_LIMIT_GB else 'NOT met'})"
    )
    indicators = results["engine-indicators"]["seconds"]
    print(
        f"indicators only (same work as the baselines), {args.episodes:,} episodes: engine {indicators:.1f} s"
    )
    print(f"  ratio hand-written DuckDB SQL / engine: {results['sql']['seconds'] / indicators:.2f}")
    pandas_full = results["pandas@base"]["seconds"] * scale
    print(
        f"  ratio pandas / engine: {pandas_full / indicators:.2f} (pandas extrapolated x{scale:g} from "
        f"{args.base_clients:,} episodes: {pandas_full:.0f} s)"
    )
    same = results["engine-indicators@base"]["seconds"]
    pandas_ratio = results["pandas@base"]["seconds"] / same
    print(
        f"  on {args.base_clients:,} episodes: pandas / engine {pandas_ratio:.2f}, "
        f"SQL / engine {results['sql@base']['seconds'] / same:.2f}"
    )


if __name__ == "__main__":
    main()
