"""Benchmark of the evaluation engine against the usual way of bootstrapping a doubly robust estimate
(resample the rows, refit scikit-learn's logistic and linear regressions, recompute), measured in the same
run on the same simulated province.

    OPENBLAS_NUM_THREADS=1 .venv/bin/python bench/evaluation.py                  # 200,000 clients
    OPENBLAS_NUM_THREADS=1 .venv/bin/python bench/evaluation.py --clients 50000 --baseline-replicates 5

careerlens runs every method (naive, regression, two matchings, IPW, doubly robust; ATT and ATE) with
``--replicates`` bootstrap replicates, plus the diagnostics, without the specification checks; the
baseline runs the doubly robust ATT alone on ``--baseline-replicates`` replicates. Both are reported per
replicate, and their ratio. Before timing, the bench checks that both give the same doubly robust ATT on
the full sample (to 1e-3). Set OPENBLAS_NUM_THREADS=1 on a shared machine (docs/evaluation.md, "Speed").
"""

from __future__ import annotations

import argparse
import time

import numpy as np


def _baseline_att(x: np.ndarray, t: np.ndarray, y: np.ndarray, rows: np.ndarray) -> float:
    """Doubly robust ATT on the rows ``rows`` (indices, with repeats), refitting both models."""
    from sklearn.linear_model import LinearRegression, LogisticRegression

    xs, ts, ys = x[rows], t[rows], y[rows]
    propensity = LogisticRegression(C=1e6, max_iter=500).fit(xs, ts).predict_proba(xs)[:, 1]
    propensity = np.clip(propensity, 0.01, 0.99)
    control = LinearRegression().fit(xs[ts == 0], ys[ts == 0]).predict(xs)
    residual = ys - control
    odds = propensity / (1 - propensity)
    treated = ts == 1
    return float(residual[treated].mean() - np.average(residual[~treated], weights=odds[~treated]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--treatment", default="skills_training")
    parser.add_argument("--replicates", type=int, default=200)
    parser.add_argument("--baseline-replicates", type=int, default=10)
    args = parser.parse_args()

    from careerlens.analytics.evaluation import EvaluationSettings, covariates_for, evaluate, evaluation_table
    from careerlens.analytics.evaluation.data import prepare
    from careerlens.analytics.evaluation.engine import fit
    from careerlens.analytics.synth import simulate, writer

    table = evaluation_table(writer.tables(simulate(args.clients, args.seed)))
    covariates = covariates_for(args.treatment)
    dataset = prepare(table, args.treatment, "job_12m", covariates)
    x = dataset.design.matrix[:, 1:]
    t = dataset.treated.astype(int)
    y = dataset.outcome
    print(f"{table.num_rows} clients with intake, {x.shape[1]} covariate columns, treatment {args.treatment}")

    settings = EvaluationSettings(bootstrap=args.replicates, seed=args.seed)
    start = time.perf_counter()
    result = evaluate(
        table, args.treatment, "job_12m", covariates, settings=settings, specification_checks=False
    )
    ours = time.perf_counter() - start
    chosen = result.find("doubly_robust", "ATT")

    kept = np.flatnonzero(fit(dataset, dataset.design, settings).kept)
    check = _baseline_att(x, t, y, kept)
    print(f"doubly robust ATT: careerlens {chosen.estimate:.4f}, baseline {check:.4f}")
    if abs(check - chosen.estimate) > 1e-3:
        raise SystemExit("the two implementations disagree: not timing them")
    rng = np.random.default_rng(args.seed)
    start = time.perf_counter()
    draws = [_baseline_att(x, t, y, rng.choice(kept, len(kept))) for _ in range(args.baseline_replicates)]
    baseline = time.perf_counter() - start
    per_ours = ours / max(args.replicates, 1)
    per_baseline = baseline / args.baseline_replicates
    print(
        f"careerlens: {ours:.1f} s for every method with {args.replicates} replicates "
        f"({per_ours * 1000:.0f} ms a replicate); interval [{chosen.ci_low:.4f}, {chosen.ci_high:.4f}]"
    )
    print(
        f"baseline:   {baseline:.1f} s for the doubly robust ATT alone with {args.baseline_replicates} "
        f"replicates ({per_baseline * 1000:.0f} ms a replicate); replicate sd {np.std(draws):.4f}"
    )
    print(f"ratio: careerlens is {per_baseline / per_ours:.1f} times faster per replicate")


if __name__ == "__main__":
    main()
