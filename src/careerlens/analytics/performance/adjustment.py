"""Client-mix adjustment: each provider's and SSM's actual outcome against the outcome expected for its
clients (model.py), with a confidence interval, empirical-Bayes shrinkage toward the province for small
units, and star bands (docs/performance.md).

The model's variables are columns of the facts (facts.py). It is fitted in NumPy on a sample of at most
``fit_sample`` clients; the backend then computes every client's expected outcome (the fitted logistic
is one expression) into a temporary table, so only per-unit sums come back."""

from __future__ import annotations

from collections.abc import Sequence

import ibis
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from scipy import stats

from careerlens.analytics.performance import codes, model
from careerlens.analytics.performance.settings import PerformanceError, PerformanceSettings
from careerlens.analytics.performance.snapshot import Snapshot, store
from careerlens.analytics.suppression import suppress

LEVELS = ("provider", "ssm")
EXPECTED_TABLE = "performance_expected"


def expected_column(outcome: str) -> str:
    """The column of EXPECTED_TABLE holding each client's expected ``outcome``."""
    return f"expected_{outcome}"


def _check(snapshot: Snapshot, facts: ibis.Table, outcomes: Sequence[str]) -> None:
    unknown = [o for o in outcomes if o not in facts.columns]
    if unknown:
        raise PerformanceError(f"adjustment_outcome {unknown[0]!r} is not a client-level outcome")
    unknown = model.unknown_catchments(snapshot["clients"])
    if unknown:
        raise PerformanceError(f"no unemployment rate for catchment(s): {', '.join(unknown)}")


def _fitting_sample(people: ibis.Table, outcomes: Sequence[str], size: int, seed: int) -> pa.Table:
    """The model's columns and the outcomes of at most ``size`` clients, drawn with ``seed`` among the
    clients sorted by id (only their ids travel to draw them)."""
    ids = people.select("client_id").to_pyarrow()["client_id"].to_numpy()
    if len(ids) > size:
        chosen = np.random.default_rng(seed).choice(np.sort(ids), size, replace=False)
        people = people.join(ibis.memtable(pa.table({"client_id": chosen})), "client_id")
    return people.select(*outcomes, **model.stored_variables(people)).to_pyarrow()


def fit_models(
    snapshot: Snapshot, facts: ibis.Table, outcomes: Sequence[str], settings: PerformanceSettings
) -> dict[str, model.ExpectedOutcomeModel]:
    """One expected-outcome model per outcome, each fitted on the sampled clients with an intake who are
    in the outcome's population (outcome not null)."""
    _check(snapshot, facts, outcomes)
    people = facts.filter(facts.intake).select("client_id", *outcomes, *model.PACKED_COLUMNS)
    sample = _fitting_sample(people, outcomes, settings.fit_sample, settings.seed)
    fitted = {}
    for outcome in outcomes:
        rows = sample.filter(pc.is_valid(sample[outcome]))
        y = np.asarray(rows[outcome].to_numpy(zero_copy_only=False), dtype=float)
        fitted[outcome] = model.fit(model.design(rows), y)
    return fitted


def predict(
    snapshot: Snapshot,
    facts: ibis.Table,
    models: dict[str, model.ExpectedOutcomeModel],
    keep: Sequence[str],
    extra: dict[str, ibis.Value] | None = None,
) -> ibis.Table:
    """Every client with an intake: client_id, the facts columns ``keep``, the ``extra`` expressions,
    and ``expected_<outcome>`` for each model, computed by the backend into a temporary table."""
    people = facts.filter(facts.intake)
    columns = model.stored_variables(people)
    expected = {expected_column(o): model.probability(columns, m.coefficients) for o, m in models.items()}
    return store(snapshot.con, EXPECTED_TABLE, people.select("client_id", *keep, **(extra or {}), **expected))


def unit_sums(table: ibis.Table, outcome: str, level: str) -> pa.Table:
    """Per unit of ``level`` (clients in the outcome's population): clients, actual and expected outcomes
    and the sum of p(1 - p), sorted by unit."""
    t = table.filter(table[outcome].notnull())
    y, p = t[outcome], t[expected_column(outcome)]
    sums = (
        t.group_by(unit=t[level])
        .aggregate(
            clients=t.count(),
            actual=ibis.ifelse(y, 1, 0).sum() if y.type().is_boolean() else y.sum(),
            expected=p.sum(),
            variance=(p * (model.number(1.0) - p)).sum(),
        )
        .to_pyarrow()
    )
    if level in codes.CODED:  # the facts' units are codes (codes.py)
        sums = codes.decode(sums, table.get_backend(), {"unit": level})
    order = np.argsort(np.asarray(sums["unit"].to_pylist(), dtype=object).astype(str), kind="stable")
    return sums.take(order)


def stars(shrunk: np.ndarray, cutoffs: tuple[float, ...]) -> np.ndarray:
    """1 to 5 stars: the number of cut-offs the shrunk difference reaches, plus one."""
    return (np.searchsorted(np.asarray(cutoffs), shrunk, side="right") + 1).astype(np.int8)


def compare(sums: pa.Table, province: float, settings: PerformanceSettings) -> dict[str, np.ndarray]:
    """Actual against expected per unit (unit_sums()), before suppression; ``province`` is the provincial
    rate the shrunk differences are added to."""
    n = sums["clients"].to_numpy().astype(float)
    observed = sums["actual"].to_numpy().astype(float)
    expect = sums["expected"].to_numpy()
    variance = sums["variance"].to_numpy() / n**2
    difference = (observed - expect) / n
    z = stats.norm.ppf(0.5 + settings.confidence / 2)
    se = np.sqrt(variance)
    weights = 1 / np.maximum(variance, 1e-12)
    mean = np.sum(weights * difference) / np.sum(weights)
    q = np.sum(weights * (difference - mean) ** 2)
    tau2 = max(0.0, (q - (len(n) - 1)) / (np.sum(weights) - np.sum(weights**2) / np.sum(weights)))
    shrinkage = tau2 / (tau2 + variance)
    shrunk = shrinkage * difference
    return {
        "unit": np.asarray(sums["unit"].to_pylist(), dtype=object).astype(str),
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


def adjust(table: ibis.Table, settings: PerformanceSettings) -> pa.Table:
    """Actual against expected per provider and per SSM, suppressed (units of fewer than the threshold).
    ``table`` comes from predict() with a model of settings.adjustment_outcome."""
    outcome = settings.adjustment_outcome
    sums = {level: unit_sums(table, outcome, level) for level in LEVELS}
    total = sums[LEVELS[0]]
    province = float(np.sum(total["actual"].to_numpy()) / np.sum(total["clients"].to_numpy()))
    parts = []
    for level in LEVELS:
        result = compare(sums[level], province, settings)
        hidden = suppress(result["clients"], settings.suppression_threshold)
        columns = {
            "level": np.array([level] * len(hidden)),
            "outcome": np.array([outcome] * len(hidden)),
        }
        for name, values in result.items():
            if name == "unit":
                columns[name] = values
            else:
                columns[name] = pa.array(values, mask=hidden)
        columns["suppressed"] = hidden
        parts.append(pa.table(columns))
    return pa.concat_tables(parts)
