"""Benchmark of the segmentation engine against scikit-learn's default LogisticRegression pipeline
(bench/segmentation_sklearn.py), measured in the same run on the same rows.

    .venv/bin/python bench/segmentation.py                    # 1,000,000 training rows
    .venv/bin/python bench/segmentation.py --rows 200000

Rows are the long-term-unemployment table of a simulated province (intake answers, docs/segmentation.md).
Targets (issue 6): train on 1,000,000 rows <= 60 s; score one client <= 1 ms p50; score 1,000,000 <= 10 s.
Each side runs in its own subprocess so that its peak memory (maximum resident set size) is its own.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

TRAIN_LIMIT_S = 60.0
ONE_LIMIT_MS = 1.0
MANY_LIMIT_S = 10.0
ONE_CLIENTS = 2_000


def _province_table(rows: int, path: Path) -> None:
    import pyarrow.parquet as pq

    from careerlens.analytics.segmentation import province
    from careerlens.analytics.synth import simulate, writer

    clients = int(rows / 0.84) + 10_000  # about 84 % of referrals reach intake
    table = province.long_term_table(writer.tables(simulate(clients, 1)))
    if table.num_rows < rows:
        sys.exit(f"the province gave {table.num_rows} rows, fewer than {rows}")
    pq.write_table(table.slice(0, rows), path)


def _worker(kind: str, path: str, rows: int) -> None:
    if kind == "province":
        _province_table(rows, Path(path))
        return
    import numpy as np
    import pyarrow.parquet as pq

    from careerlens.analytics.segmentation import province, train

    table = pq.read_table(path)
    features = list(province.INTAKE_FEATURES)
    clients = table.slice(0, ONE_CLIENTS).to_pylist()
    out: dict = {}
    if kind == "careerlens":
        started = time.perf_counter()
        result = train(table, province.LONG_TERM, features)
        out["train_s"] = time.perf_counter() - started
        model = result.model
        started = time.perf_counter()
        many = model.predict(table)
        out["many_s"] = time.perf_counter() - started
        times = []
        for client in clients:
            begun = time.perf_counter_ns()
            model.probability(client)
            times.append((time.perf_counter_ns() - begun) / 1e6)
        out["auc"] = result.evaluation["auc"]
    else:
        import segmentation_sklearn as baseline

        numeric = ["months_out_of_work", "past_hourly_wage", "goal_hourly_wage"]
        y = table.column(province.LONG_TERM).to_numpy(zero_copy_only=False)
        started = time.perf_counter()
        model = baseline.fit(table, features, numeric, y)
        out["train_s"] = time.perf_counter() - started
        started = time.perf_counter()
        many = model.predict_proba(baseline.frame(table, features, numeric))[:, 1]
        out["many_s"] = time.perf_counter() - started
        one = table.slice(0, ONE_CLIENTS)
        times = []
        for i in range(ONE_CLIENTS // 10):
            begun = time.perf_counter_ns()
            model.predict_proba(baseline.frame(one.slice(i, 1), features, numeric))
            times.append((time.perf_counter_ns() - begun) / 1e6)
    out["one_ms"] = statistics.median(times)
    out["mean_probability"] = float(np.mean(many))
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(out))


def _run(kind: str, path: Path, rows: int) -> dict:
    """One worker in a fresh subprocess (Linux keeps the parent's maximum resident set size across fork
    and exec, so the parent stays small and builds nothing itself)."""
    done = subprocess.run(
        [sys.executable, __file__, "--worker", kind, str(path), "--rows", str(rows)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        sys.exit(f"{kind} worker failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1]) if kind != "province" else {}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--worker", nargs=2, metavar=("KIND", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        _worker(*args.worker, args.rows)
        return
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "long_term.parquet"
        started = time.perf_counter()
        _run("province", path, args.rows)
        print(f"simulated province table of {args.rows:,} rows in {time.perf_counter() - started:.1f} s")
        mine = _run("careerlens", path, args.rows)
        theirs = _run("sklearn", path, args.rows)
    rows = [
        (f"train on {args.rows:,} rows", mine["train_s"], theirs["train_s"], TRAIN_LIMIT_S, "s"),
        ("score one client, p50", mine["one_ms"], theirs["one_ms"], ONE_LIMIT_MS, "ms"),
        (f"score {args.rows:,} rows", mine["many_s"], theirs["many_s"], MANY_LIMIT_S, "s"),
        ("peak memory", mine["peak_mb"], theirs["peak_mb"], None, "MB"),
    ]
    print(f"{'measure':<28}{'careerlens':>12}{'sklearn':>12}{'ratio':>8}  target")
    for name, ours, base, limit, unit in rows:
        target = "" if limit is None else f"<= {limit:g} {unit}: {'met' if ours <= limit else 'NOT met'}"
        print(f"{name:<28}{ours:>10.3f}{unit:>2}{base:>10.3f}{unit:>2}{base / ours:>7.1f}x  {target}")
    print(
        f"held-out AUC (careerlens) {mine['auc']:.3f}; mean probability {mine['mean_probability']:.3f} vs "
        f"{theirs['mean_probability']:.3f}"
    )


if __name__ == "__main__":
    main()
