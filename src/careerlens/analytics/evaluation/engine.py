"""Fit the propensity and outcome models once, match, then compute every method's estimate for the whole
table and for each subgroup, with percentile bootstrap intervals (replicates drawn with a seeded
generator and processed in blocks, so memory stays bounded on large tables)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from . import estimators
from .data import Dataset, Design
from .matching import Matches, with_replacement, without_replacement
from .models import Linear, Logit, fit_linear, fit_logit, logistic
from .settings import EvaluationSettings

ATT, ATE, DIFFERENCE = "ATT", "ATE", "difference"
METHODS: tuple[tuple[str, str], ...] = (
    ("naive", DIFFERENCE),
    ("regression", ATT),
    ("regression", ATE),
    ("matching_replacement", ATT),
    ("matching_replacement", ATE),
    ("matching_no_replacement", ATT),
    ("ipw", ATT),
    ("ipw", ATE),
    ("doubly_robust", ATT),
    ("doubly_robust", ATE),
)
DID_METHODS: tuple[tuple[str, str], ...] = (("did", ATT), ("did_weighted", ATT))
BLOCK_CELLS = 4_000_000  # replicates x rows processed at once


@dataclass(frozen=True)
class Estimate:
    method: str
    estimand: str
    estimate: float | None
    ci_low: float | None
    ci_high: float | None
    n_treated: int
    n_control: int
    n_trimmed: int
    rows: np.ndarray = field(repr=False, compare=False)  # the rows the estimand averages over

    def as_dict(self) -> dict:
        def number(value):
            return None if value is None else round(float(value), 6)

        return {
            "method": self.method,
            "estimand": self.estimand,
            "estimate": number(self.estimate),
            "ci_low": number(self.ci_low),
            "ci_high": number(self.ci_high),
            "n_treated": self.n_treated,
            "n_control": self.n_control,
            "n_trimmed": self.n_trimmed,
        }


@dataclass(frozen=True)
class Fit:
    """The fitted models and matches shared by every method, subgroup and diagnostic."""

    treated: np.ndarray
    score: np.ndarray  # propensity score
    kept: np.ndarray  # inside [trim_low, trim_high]
    propensity: Logit
    control_model: Linear
    treated_model: Linear
    replacement: Matches
    no_replacement: Matches


def fit(dataset: Dataset, design: Design, settings: EvaluationSettings) -> Fit:
    x = design.matrix
    treated = dataset.treated
    propensity = fit_logit(x, treated.astype(np.float64), settings.ridge, settings.max_newton_steps)
    logit = propensity.logit(x)
    score = logistic(logit)
    kept = (score >= settings.trim_low) & (score <= settings.trim_high)
    spread = float(logit[kept].std()) if kept.any() else 0.0
    caliper = settings.caliper_sd * spread
    return Fit(
        treated=treated,
        score=score,
        kept=kept,
        propensity=propensity,
        control_model=fit_linear(x, dataset.outcome, ~treated & kept, settings.ridge),
        treated_model=fit_linear(x, dataset.outcome, treated & kept, settings.ridge),
        replacement=with_replacement(logit, treated, kept, caliper),
        no_replacement=without_replacement(logit, treated, kept, caliper),
    )


def replicate_weights(n: int, replicates: int, seed: int):
    """Blocks of bootstrap weights (how many times each row is drawn), the first row of the first block all
    ones (the sample itself)."""
    rng = np.random.default_rng(seed)
    per_block = max(1, BLOCK_CELLS // max(n, 1))
    first = True
    remaining = replicates
    while first or remaining > 0:
        size = min(per_block - (1 if first else 0), remaining)
        draws = rng.integers(0, n, size=(size, n))
        offsets = (np.arange(size) * n)[:, None]
        counts = np.bincount((draws + offsets).ravel(), minlength=size * n).reshape(size, n)
        counts = counts.astype(np.float64)
        if first:
            counts = np.vstack([np.ones((1, n)), counts])
            first = False
        remaining -= size
        yield counts


@dataclass(frozen=True)
class _Cell:
    """Which rows a method uses in one group, and its counts."""

    weight_rows: np.ndarray  # rows given weight
    rows: np.ndarray  # rows the estimand averages over
    uses: np.ndarray | None  # matching: how often each row serves as a match
    n_treated: int
    n_control: int
    n_trimmed: int


def _cells(f: Fit, group: np.ndarray, did: bool) -> dict[tuple[str, str], _Cell]:
    t, kept = f.treated, f.kept
    everyone = _Cell(group, group & t, None, int((group & t).sum()), int((group & ~t).sum()), 0)
    supported = group & kept
    trimmed = int((group & ~kept).sum())
    cells = {}
    for method, estimand in METHODS:
        if method == "naive":
            cells[(method, estimand)] = everyone
        elif method.startswith("matching"):
            matches = f.replacement if method == "matching_replacement" else f.no_replacement
            base = group & t if estimand == ATT else group
            rows = matches.matched(base)
            uses = matches.uses(rows)
            involved = rows | (uses > 0)
            cells[(method, estimand)] = _Cell(
                rows,
                rows & t if estimand == ATT else rows,
                uses,
                int((involved & t).sum()),
                int((involved & ~t).sum()),
                int((base & ~rows).sum()),
            )
        else:
            rows = supported & t if estimand == ATT else supported
            cells[(method, estimand)] = _Cell(
                supported, rows, None, int((supported & t).sum()), int((supported & ~t).sum()), trimmed
            )
    if did:
        cells[("did", ATT)] = everyone
        cells[("did_weighted", ATT)] = _Cell(
            supported, supported & t, None, int((supported & t).sum()), int((supported & ~t).sum()), trimmed
        )
    return cells


@dataclass(frozen=True)
class _Arrays:
    """One block's arrays: rows as float32, models' predictions per replicate, matched differences."""

    t: np.ndarray
    y: np.ndarray
    change: np.ndarray | None  # outcome minus pre-outcome
    e: np.ndarray  # propensity score per replicate
    mu0: np.ndarray
    mu1: np.ndarray
    point0: np.ndarray  # full-sample predictions
    point1: np.ndarray
    differences: dict[str, np.ndarray]


def _arrays(f: Fit, dataset: Dataset, design: Design, weights: np.ndarray, settings) -> _Arrays:
    x = design.matrix
    x32 = design.matrix32
    t = f.treated.astype(np.float32)
    y = dataset.outcome.astype(np.float32)
    bounds = max(settings.trim_low, 1e-6), min(settings.trim_high, 1 - 1e-6)
    point0 = f.control_model.predict(x).astype(np.float32)
    point1 = f.treated_model.predict(x).astype(np.float32)
    return _Arrays(
        t=t,
        y=y,
        change=None if dataset.pre_outcome is None else y - dataset.pre_outcome.astype(np.float32),
        e=np.clip(f.propensity.replicates(x32, t, weights), *bounds),
        mu0=f.control_model.replicates(x32, y, weights),
        mu1=f.treated_model.replicates(x32, y, weights),
        point0=point0,
        point1=point1,
        differences={
            name: estimators.matched_differences(matches, t, y, point0, point1)
            for name, matches in (
                ("matching_replacement", f.replacement),
                ("matching_no_replacement", f.no_replacement),
            )
        },
    )


def _value(method: str, estimand: str, cell: _Cell, weights: np.ndarray, a: _Arrays) -> np.ndarray:
    """One method's value for every replicate of a block."""
    if method.startswith("matching"):
        return estimators.matching(
            weights, cell.rows, cell.uses, a.differences[method], a.t, a.y, a.point0, a.point1
        )
    w = weights * cell.weight_rows
    att = estimand == ATT
    if method == "naive":
        return estimators.naive(w, a.t, a.y)
    if method == "did":
        return estimators.naive(w, a.t, a.change)
    if method == "did_weighted":
        return estimators.ipw_att(w, a.t, a.change, a.e)
    if method == "regression":
        return (
            estimators.regression_att(w, a.t, a.y, a.mu0)
            if att
            else estimators.regression_ate(w, a.mu0, a.mu1)
        )
    if method == "ipw":
        return (estimators.ipw_att if att else estimators.ipw_ate)(w, a.t, a.y, a.e)
    if att:
        return estimators.doubly_robust_att(w, a.t, a.y, a.e, a.mu0)
    return estimators.doubly_robust_ate(w, a.t, a.y, a.e, a.mu0, a.mu1)


def _values(f: Fit, dataset: Dataset, design: Design, weights: np.ndarray, groups, settings) -> dict:
    """Every (group, method, estimand) value for one block of replicates."""
    arrays = _arrays(f, dataset, design, weights, settings)
    weights = weights.astype(np.float32)
    return {
        (key, method, estimand): _value(method, estimand, cell, weights, arrays)
        for key, (_, cells) in groups.items()
        for (method, estimand), cell in cells.items()
    }


def estimate(
    dataset: Dataset,
    design: Design,
    settings: EvaluationSettings,
    groups: dict[str | None, np.ndarray] | None = None,
    bootstrap: int | None = None,
) -> tuple[Fit, dict[str | None, list[Estimate]]]:
    """Every method for the whole table (key ``None``) and for each group mask in ``groups``."""
    f = fit(dataset, design, settings)
    n = len(dataset.outcome)
    masks = {None: np.ones(n, dtype=bool), **(groups or {})}
    did = dataset.pre_outcome is not None
    prepared = {key: (mask, _cells(f, mask, did)) for key, mask in masks.items()}
    replicates = settings.bootstrap if bootstrap is None else bootstrap
    blocks = [
        _values(f, dataset, design, weights, prepared, settings)
        for weights in replicate_weights(n, replicates, settings.seed)
    ]
    tail = (1 - settings.confidence) / 2 * 100
    results: dict[str | None, list[Estimate]] = {}
    for key, (_, cells) in prepared.items():
        found = []
        for (method, estimand), cell in cells.items():
            values = np.concatenate([block[(key, method, estimand)] for block in blocks])
            point = values[0]
            usable = cell.n_treated > 0 and cell.n_control > 0 and np.isfinite(point)
            low = high = None
            draws = values[1:][np.isfinite(values[1:])]
            if usable and len(draws) >= 2:
                low, high = (float(v) for v in np.percentile(draws, [tail, 100 - tail]))
            found.append(
                Estimate(
                    method,
                    estimand,
                    float(point) if usable else None,
                    low,
                    high,
                    cell.n_treated,
                    cell.n_control,
                    cell.n_trimmed,
                    cell.rows,
                )
            )
        results[key] = found
    return f, results
