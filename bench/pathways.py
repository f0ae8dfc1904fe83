"""Benchmark of the pathway engine against a straightforward pandas implementation of the same model
(bench/pathways_pandas.py), measured in the same run.

    .venv/bin/python bench/pathways.py                       # 1,000,000 people, pandas on 1,000
    .venv/bin/python bench/pathways.py --people 200000 --baseline-people 500

Targets (issue 5): build the index for all 516 occupations <= 2 s; one query (top 20 for one person)
<= 2 ms p50; 1,000,000 people in a batch <= 60 s. People are an origin occupation plus, for half of them,
their own ratings of the 33 OaSIS skills and their top three interests; 30 % have a largest TEER step and
30 % a longest training. The pandas batch runs on fewer people and is extrapolated (stated in the output).
Before timing, the bench checks that both implementations give the same scores and rankings.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

BUILD_LIMIT_S = 2.0
QUERY_LIMIT_MS = 2.0
BATCH_LIMIT_S = 60.0


def _people(engine, n: int, seed: int):
    """A reproducible PersonBatch of n people (see the module docstring)."""
    from careerlens.analytics.pathways import PersonBatch
    from careerlens.analytics.pathways.oasis import HOLLAND

    rng = np.random.default_rng(seed)
    skills = [d.id for d in engine.taxonomy.descriptors if d.facet == "skills"]
    holland = list(HOLLAND.values())
    columns = tuple(skills + holland)
    origin = rng.integers(0, len(engine.codes), n).astype(np.int32)
    ratings = np.full((n, len(columns)), np.nan, dtype=np.float32)
    rated = rng.random(n) < 0.5
    m = int(rated.sum())
    ratings[rated, : len(skills)] = rng.integers(0, 6, (m, len(skills)))
    top3 = np.argsort(rng.random((m, 6)), axis=1)[:, :3]
    interests = np.zeros((m, 6), dtype=np.float32)
    np.put_along_axis(interests, top3, np.tile(np.array([3.0, 2.0, 1.0], np.float32), (m, 1)), axis=1)
    ratings[rated, len(skills) :] = interests
    step = np.where(rng.random(n) < 0.3, rng.integers(0, 3, n), -1).astype(np.int8)
    weeks = np.where(rng.random(n) < 0.3, rng.choice([26.0, 52.0, 104.0], n), np.nan).astype(np.float32)
    batch = PersonBatch(
        origin=origin, columns=columns, ratings=ratings, max_teer_step=step, max_training_weeks=weeks
    )
    return batch


def _pandas_person(engine, batch, i: int) -> dict:
    facets = {d.id: d.facet for d in engine.taxonomy.descriptors}
    row = batch.ratings[i]
    ratings = {(facets[c], c): float(v) for c, v in zip(batch.columns, row, strict=True) if not np.isnan(v)}
    return {
        "origin": str(engine.codes[batch.origin[i]]),
        "ratings": ratings,
        "max_teer_step": None if batch.max_teer_step[i] < 0 else int(batch.max_teer_step[i]),
        "max_training_weeks": None
        if np.isnan(batch.max_training_weeks[i])
        else float(batch.max_training_weeks[i]),
    }


def _person(engine, batch, i: int):
    from careerlens.analytics.pathways import Person

    row = batch.ratings[i]
    ratings = {
        c: int(v)
        for c, v in zip(batch.columns, row, strict=True)
        if not np.isnan(v) and not c.startswith("C01a")
    }
    holland = {
        c: v
        for c, v in zip(batch.columns, row, strict=True)
        if c.startswith("C01a") and not np.isnan(v) and v > 0
    }
    letters = [("RIASEC")[int(c[-1]) - 1] for c, _ in sorted(holland.items(), key=lambda kv: -kv[1])]
    return Person(
        str(engine.codes[batch.origin[i]]),
        ratings=ratings,
        interests=letters,
        max_teer_step=None if batch.max_teer_step[i] < 0 else int(batch.max_teer_step[i]),
        max_training_weeks=None
        if np.isnan(batch.max_training_weeks[i])
        else float(batch.max_training_weeks[i]),
    )


def _timed(fn, repeat: int = 1):
    times = []
    result = None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--baseline-people", type=int, default=1_000)
    parser.add_argument("--queries", type=int, default=1_000)
    parser.add_argument("--baseline-queries", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    import pandas as pd
    from pathways_pandas import PandasModel

    from careerlens.analytics.pathways import (
        Engine,
        PathwaySettings,
        aggregate,
        exposure,
        from_long,
        labour,
        oasis,
    )

    settings = PathwaySettings()
    rows = []

    # ---- reading the files (not part of the index build target, shown for completeness)
    read_s, (ratings, descriptors) = _timed(lambda: oasis.read_ratings(oasis.DATA))
    groups = oasis.read_unit_groups(oasis.DATA)

    # ---- 1. index build from the long table
    def build():
        profiles = from_long(ratings, None, descriptors)
        tax = aggregate(profiles, lambda c: c[:5], "mean", groups)
        return Engine(
            tax, settings, outlooks=labour.read_cops(tax.codes), exposures=exposure.build(tax.codes)
        )

    build_s, engine = _timed(build, repeat=3)

    def cold():
        oasis.load.cache_clear()
        return Engine.from_reference()

    cold_s, _ = _timed(cold, repeat=1)
    long_df = ratings.to_pandas()
    extra = pd.Series(engine.extra, index=list(engine.codes))
    occupations = groups.to_pandas()[["occupation", "teer"]]
    pandas_build_s, (model, (p_fit, p_gap)) = _timed(
        lambda: (m := PandasModel(long_df, occupations, settings, extra), m.build()), repeat=1
    )
    order = list(engine.codes)
    diff = max(
        float(np.abs(p_fit.loc[order, order].to_numpy() - engine.fit).max()),
        float(np.abs(p_gap.loc[order, order].to_numpy() - engine.gap).max()),
    )
    if diff > 1e-4:
        sys.exit(f"pandas and careerlens disagree on the index (max difference {diff:.2e})")
    rows.append(("index build, 516 occupations", build_s, pandas_build_s, "", BUILD_LIMIT_S, "s"))

    # ---- 2. one query: top 20 for one person
    batch = _people(engine, max(args.queries, args.baseline_queries), args.seed)
    people = [_person(engine, batch, i) for i in range(args.queries)]
    for i in range(min(args.baseline_queries, 50)):  # agreement on a sample
        mine = engine.transitions(people[i], top=20, explain=False)
        theirs = model.query(**_pandas_person(engine, batch, i), top=20)
        mine_scores = np.array([t.score for t in mine])
        if len(mine) != len(theirs) or not np.allclose(mine_scores, theirs.to_numpy(), atol=1e-4):
            sys.exit(f"pandas and careerlens disagree on person {i}")
    engine.transitions(people[0], top=20)  # warm-up
    q_times = []
    for p in people:
        started = time.perf_counter_ns()
        engine.transitions(p, top=20, explain=False)
        q_times.append((time.perf_counter_ns() - started) / 1e6)
    e_times = []
    for p in people[: max(100, args.queries // 5)]:
        started = time.perf_counter_ns()
        engine.transitions(p, top=20, explain=True)
        e_times.append((time.perf_counter_ns() - started) / 1e6)
    p_times = []
    for i in range(args.baseline_queries):
        person = _pandas_person(engine, batch, i)
        started = time.perf_counter_ns()
        model.query(**person, top=20)
        p_times.append((time.perf_counter_ns() - started) / 1e6)
    q50, e50, p50 = statistics.median(q_times), statistics.median(e_times), statistics.median(p_times)
    rows.append(("one query, top 20, p50", q50 / 1000, p50 / 1000, "", QUERY_LIMIT_MS / 1000, "ms"))
    rows.append(
        ("one query, top 20 + explanations, p50", e50 / 1000, p50 / 1000, "", QUERY_LIMIT_MS / 1000, "ms")
    )

    # ---- 3. a batch of people
    big = _people(engine, args.people, args.seed + 1)
    batch_s, result = _timed(lambda: engine.rank_batch(big, top=20))
    sample = range(min(args.baseline_people, args.people))
    started = time.perf_counter()
    for i in sample:
        model.query(**_pandas_person(engine, big, i), top=20)
    pandas_sample_s = time.perf_counter() - started
    pandas_batch_s = pandas_sample_s * args.people / len(sample)
    factor = args.people / len(sample)
    note = f"pandas: {len(sample):,} people in {pandas_sample_s:.1f} s, extrapolated ×{factor:,.0f}"
    rows.append(
        (f"batch of {args.people:,} people, top 20", batch_s, pandas_batch_s, note, BATCH_LIMIT_S, "s")
    )
    filled = float((result.targets >= 0).mean())

    print(
        f"careerlens pathway engine benchmark (seed {args.seed}); "
        f"reading the OaSIS CSV files: {read_s:.2f} s;"
    )
    print(f"cold start from the reference files (read + build + COPS + crosswalks): {cold_s:.2f} s")
    print(f"{'task':<42} {'careerlens':>12} {'pandas':>12} {'ratio':>9} {'target':>10}  ok")
    for name, mine, theirs, note, limit, unit in rows:
        scale = 1000 if unit == "ms" else 1
        ok = "yes" if mine <= limit else "NO"
        print(
            f"{name:<42} {mine * scale:>10.3f}{unit:>2} {theirs * scale:>10.2f}{unit:>2} "
            f"{theirs / mine:>8.0f}× "
            f"{'≤ ' + format(limit * scale, 'g') + ' ' + unit:>10}  {ok}"
        )
        if note:
            print(f"  ({note})")
    print(
        f"batch: {filled:.1%} of the top-20 slots filled with a viable target; index agreement with pandas "
        f"within {diff:.1e}"
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024
    print(f"peak memory (whole run): {peak:.2f} GB")


if __name__ == "__main__":
    main()
