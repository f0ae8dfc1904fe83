"""Client-mix adjustment: each provider's and SSM's actual outcome against the outcome expected for its
clients (model.py), with a confidence interval, empirical-Bayes shrinkage toward the province for small
units, and star bands (docs/performance.md)."""

from __future__ import annotations

import ibis
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from scipy import stats

from careerlens.analytics.performance import model
from careerlens.analytics.performance.settings import PerformanceError, PerformanceSettings
from careerlens.analytics.performance.snapshot import Snapshot
from careerlens.analytics.suppression import suppress

LEVELS = ("provider", "ssm")


def client_outcomes(snapshot: Snapshot, facts: ibis.Table, outcomes: list[str]) -> pa.Table:
    """Clients with an intake: their provider, SSM and stream, each outcome (null outside its population)
    and the model's columns. One pull from the backend serves every outcome."""
    unknown = [o for o in outcomes if o not in facts.columns]
    if unknown:
        raise PerformanceError(f"adjustment_outcome {unknown[0]!r} is not a client-level outcome")
    unknown = model.unknown_catchments(snapshot["clients"])
    if unknown:
        raise PerformanceError(f"no unemployment rate for catchment(s): {', '.join(unknown)}")
    people = facts.filter(facts.intake).select("client_id", "provider", "ssm", "stream", *outcomes)
    joined = people.join(snapshot["clients"].select(*model.CLIENT_COLUMNS), "client_id")
    return joined.select(
        "client_id", "provider", "ssm", "stream", *outcomes, **model.variables(joined)
    ).to_pyarrow()


CHUNK = 1_000_000  # clients per block of the design matrix when predicting


def expected(
    table: pa.Table, outcome: str, settings: PerformanceSettings
) -> tuple[pa.Table, np.ndarray, np.ndarray]:
    """(clients in the outcome's population, actual, expected) per client; the model is fitted on at most
    settings.fit_sample of them drawn at random (settings.seed), and predicts every one block by block."""
    if table[outcome].null_count:
        table = table.filter(pc.is_valid(table[outcome]))
    y = np.asarray(table[outcome].to_numpy(zero_copy_only=False), dtype=float)
    rows = np.arange(len(y))
    if len(y) > settings.fit_sample:
        rows = np.sort(
            np.random.default_rng(settings.seed).choice(len(y), settings.fit_sample, replace=False)
        )
    fitted = model.fit(model.design(table.take(rows)), y[rows])
    p = np.concatenate(
        [fitted.predict(model.design(table.slice(start, CHUNK))) for start in range(0, len(y), CHUNK)]
        or [np.zeros(0)]
    )
    return table, y, p


def stars(shrunk: np.ndarray, cutoffs: tuple[float, ...]) -> np.ndarray:
    """1 to 5 stars: the number of cut-offs the shrunk difference reaches, plus one."""
    return (np.searchsorted(np.asarray(cutoffs), shrunk, side="right") + 1).astype(np.int8)


def compare(
    units: pa.ChunkedArray, y: np.ndarray, p: np.ndarray, settings: PerformanceSettings
) -> dict[str, np.ndarray]:
    """Actual against expected per unit, before suppression (units sorted by name)."""
    encoded = pc.dictionary_encode(units).combine_chunks()
    names = np.asarray(encoded.dictionary.to_pylist(), dtype=object)
    order = np.argsort(names.astype(str))
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    names, index = names[order].astype(str), rank[encoded.indices.to_numpy(zero_copy_only=False)]
    n = np.bincount(index).astype(float)
    observed = np.bincount(index, weights=y)
    expect = np.bincount(index, weights=p)
    variance = np.bincount(index, weights=p * (1 - p)) / n**2
    difference = (observed - expect) / n
    z = stats.norm.ppf(0.5 + settings.confidence / 2)
    se = np.sqrt(variance)
    weights = 1 / np.maximum(variance, 1e-12)
    mean = np.sum(weights * difference) / np.sum(weights)
    q = np.sum(weights * (difference - mean) ** 2)
    tau2 = max(0.0, (q - (len(n) - 1)) / (np.sum(weights) - np.sum(weights**2) / np.sum(weights)))
    shrinkage = tau2 / (tau2 + variance)
    shrunk = shrinkage * difference
    province = y.mean()
    return {
        "unit": names,
        "clients": n.astype(np.int64),
        "actual": observed.astype(np.int64),
        "expected": expect,
        "actual_rate": observed / n,
        "expected_rate": expect / n,
        "difference": difference,
        "ci_low": difference - z * se,
        "ci_high": difference + z * se,
        "shrinkage": shrinkage,
        "shrunk_difference": shrunk,
        "adjusted_rate": province + shrunk,
        "stars": stars(shrunk, settings.star_cutoffs),
    }


def adjust(table: pa.Table, settings: PerformanceSettings) -> pa.Table:
    """Actual against expected per provider and per SSM, suppressed (units of fewer than the threshold).
    ``table`` comes from client_outcomes() with settings.adjustment_outcome among its outcomes."""
    table, y, p = expected(table, settings.adjustment_outcome, settings)
    parts = []
    for level in LEVELS:
        result = compare(table[level], y, p, settings)
        hidden = suppress(result["clients"], settings.suppression_threshold)
        columns = {
            "level": np.array([level] * len(hidden)),
            "outcome": np.array([settings.adjustment_outcome] * len(hidden)),
        }
        for name, values in result.items():
            if name == "unit":
                columns[name] = values
            else:
                columns[name] = pa.array(values, mask=hidden)
        columns["suppressed"] = hidden
        parts.append(pa.table(columns))
    return pa.concat_tables(parts)
