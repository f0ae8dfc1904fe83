"""``evaluate()``: the whole evaluation of one treatment on one outcome (every method, the diagnostics, the
recommendation, subgroups with small-cell suppression, sensitivity to the method and the specification)
as one result that prints as JSON."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa

from ..suppression import suppress
from . import engine
from .data import Dataset, prepare
from .diagnostics import Balance, Overlap, balance, overlap
from .engine import Estimate
from .messages import ESTIMAND_NAMES, METHOD_NAMES, statement
from .recommend import Recommendation, recommend
from .settings import EvaluationSettings

ADJUSTED = ("regression", "matching_replacement", "matching_no_replacement", "ipw", "doubly_robust")


@dataclass(frozen=True)
class Subgroup:
    value: str
    n_treated: int
    n_control: int
    suppressed: bool
    estimates: tuple[Estimate, ...]  # empty when suppressed or too small

    def find(self, method: str, estimand: str) -> Estimate | None:
        return next((e for e in self.estimates if e.method == method and e.estimand == estimand), None)

    def as_dict(self) -> dict:
        return {
            "value": self.value,
            "n_treated": None if self.suppressed else self.n_treated,
            "n_control": None if self.suppressed else self.n_control,
            "suppressed": self.suppressed,
            "estimates": [e.as_dict() for e in self.estimates],
        }


@dataclass(frozen=True)
class Evaluation:
    treatment: str
    outcome: str
    covariates: tuple[str, ...]
    pre_outcome: str | None
    by: str | None
    rows: int
    dropped_missing: int
    estimates: tuple[Estimate, ...]
    balance: Balance
    overlap: Overlap
    recommendation: Recommendation
    specification: tuple[dict, ...]
    subgroups: tuple[Subgroup, ...]
    statements: tuple[dict, ...]
    caveats: tuple[dict, ...]
    settings: EvaluationSettings = field(repr=False)

    def find(self, method: str, estimand: str) -> Estimate:
        return next(e for e in self.estimates if e.method == method and e.estimand == estimand)

    @property
    def recommended(self) -> Estimate | None:
        r = self.recommendation
        return None if r.method is None else self.find(r.method, r.estimand)

    def as_dict(self) -> dict:
        r = self.recommendation
        estimates = []
        for e in self.estimates:
            row = e.as_dict()
            row["recommended"] = e.method == r.method and e.estimand == r.estimand
            row["label"] = {"method": METHOD_NAMES[e.method], "estimand": ESTIMAND_NAMES[e.estimand]}
            estimates.append(row)
        return {
            "methods": [e.as_dict() for e in self.estimates],
            "recommended": None if r.method is None else {"method": r.method, "estimand": r.estimand},
            "treatment": self.treatment,
            "outcome": self.outcome,
            "covariates": list(self.covariates),
            "pre_outcome": self.pre_outcome,
            "by": self.by,
            "rows": self.rows,
            "dropped_missing": self.dropped_missing,
            "recommendation_reason": r.reason,
            "supported": r.method is not None,
            "estimates": estimates,
            "statements": list(self.statements),
            "caveats": list(self.caveats),
            "diagnostics": {
                "balance": self.balance.as_dict(),
                "overlap": self.overlap.as_dict(),
                "methods": _method_spread(self.estimates),
                "specification": list(self.specification),
            },
            "subgroups": [s.as_dict() for s in self.subgroups],
            "settings": self.settings.as_dict(),
        }


def _method_spread(estimates) -> dict:
    values = [
        e.estimate
        for e in estimates
        if e.method in ADJUSTED and e.estimand == "ATT" and e.estimate is not None
    ]
    if not values:
        return {"low": None, "high": None, "spread": None}
    low, high = min(values), max(values)
    return {"low": round(low, 6), "high": round(high, 6), "spread": round(high - low, 6)}


def _subgroups(dataset: Dataset, results, settings: EvaluationSettings, levels) -> tuple[Subgroup, ...]:
    t = dataset.treated
    counts = np.array([[int((dataset.by == v)[t].sum()), int((dataset.by == v)[~t].sum())] for v in levels])
    hidden = suppress(counts, settings.suppression_threshold).any(axis=1) if len(levels) else []
    found = []
    for i, value in enumerate(levels):
        n_treated, n_control = (int(c) for c in counts[i])
        enough = min(n_treated, n_control) >= settings.min_group
        estimates = tuple(results[value]) if enough and not hidden[i] else ()
        found.append(Subgroup(value, n_treated, n_control, bool(hidden[i]), estimates))
    return tuple(found)


def _specification(dataset: Dataset, settings: EvaluationSettings, recommendation: Recommendation) -> tuple:
    """Every ATT point estimate again with each covariate left out in turn."""
    if len(dataset.design.groups) < 2:
        return ()
    rows = []
    for name, _ in dataset.design.groups:
        _, results = engine.estimate(dataset, dataset.design.without(name), settings, bootstrap=0)
        estimates = {
            e.method: None if e.estimate is None else round(e.estimate, 6)
            for e in results[None]
            if e.estimand == "ATT" and e.method in ADJUSTED
        }
        rows.append({"dropped": name, "estimates": estimates})
    return tuple(rows)


def _warnings(estimates, specification, recommendation: Recommendation) -> list[dict]:
    """Statements when the methods disagree, or when one covariate moves the recommended estimate by more
    than its interval's half-width."""
    if recommendation.method is None:
        return []
    chosen = next(e for e in estimates if e.method == recommendation.method and e.estimand == "ATT")
    if chosen.estimate is None or chosen.ci_low is None:
        return []
    half = (chosen.ci_high - chosen.ci_low) / 2
    found = []
    spread = _method_spread(estimates)
    if spread["spread"] is not None and spread["spread"] > 2 * half:
        found.append(statement("methods_disagree", low=spread["low"], high=spread["high"]))
    for row in specification:
        changed = row["estimates"].get(recommendation.method)
        if changed is not None and abs(changed - chosen.estimate) > half:
            found.append(
                statement(
                    "specification_sensitive",
                    covariate=row["dropped"],
                    estimate=chosen.estimate,
                    changed=float(changed),
                )
            )
    return found


def evaluate(
    table: pa.Table,
    treatment: str,
    outcome: str,
    covariates: list[str],
    *,
    pre_outcome: str | None = None,
    by: str | None = None,
    settings: EvaluationSettings | None = None,
    specification_checks: bool = True,
) -> Evaluation:
    """Evaluate the effect of ``treatment`` (a yes/no column) on ``outcome`` given ``covariates``."""
    settings = settings or EvaluationSettings()
    dataset = prepare(table, treatment, outcome, list(covariates), pre_outcome, by)
    levels = sorted(set(dataset.by.tolist())) if dataset.by is not None else []
    groups = {value: dataset.by == value for value in levels}
    f, results = engine.estimate(dataset, dataset.design, settings, groups)
    found_balance = balance(dataset.design, f)
    found_overlap = overlap(f, settings)
    n_treated, n_control = int(dataset.treated.sum()), int((~dataset.treated).sum())
    recommendation = recommend(found_balance, found_overlap, n_treated, n_control, settings)
    estimates = tuple(results[None])
    specification = (
        _specification(dataset, settings, recommendation)
        if specification_checks and recommendation.method is not None
        else ()
    )
    statements = [*recommendation.statements, *_warnings(estimates, specification, recommendation)]
    caveats = [statement("observed_only"), statement("interval")]
    trimmed = found_overlap.trimmed_treated + found_overlap.trimmed_control
    if trimmed:
        caveats.append(statement("trimmed", n=trimmed))
    if pre_outcome:
        caveats.append(statement("parallel_trends"))
    return Evaluation(
        treatment=treatment,
        outcome=outcome,
        covariates=tuple(covariates),
        pre_outcome=pre_outcome,
        by=by,
        rows=len(dataset.outcome),
        dropped_missing=dataset.dropped_missing,
        estimates=estimates,
        balance=found_balance,
        overlap=found_overlap,
        recommendation=recommendation,
        specification=specification,
        subgroups=_subgroups(dataset, results, settings, levels),
        statements=tuple(statements),
        caveats=tuple(caveats),
        settings=settings,
    )
