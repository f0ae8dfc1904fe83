"""What a reviewer checks before trusting an estimate: covariate balance before and after adjustment
(standardised mean differences), overlap of the propensity scores and how many rows were trimmed, and how
stable the control weights are (their effective sample size)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .data import Design
from .engine import Fit
from .settings import EvaluationSettings


def _matchings(f: Fit):
    return (("matching_replacement", f.replacement), ("matching_no_replacement", f.no_replacement))


def _weighted_mean(x: np.ndarray, weights: np.ndarray) -> np.ndarray:
    total = weights.sum()
    return (weights @ x) / total if total > 0 else np.full(x.shape[1], np.nan)


def standardised_differences(x: np.ndarray, treated_weights, control_weights, scale) -> np.ndarray:
    """(weighted treated mean - weighted control mean) / the pooled sd before adjustment."""
    difference = _weighted_mean(x, treated_weights) - _weighted_mean(x, control_weights)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(scale > 0, difference / np.where(scale > 0, scale, 1.0), 0.0)


@dataclass(frozen=True)
class Balance:
    labels: tuple[str, ...]
    before: np.ndarray
    after: dict[str, np.ndarray]  # adjustment -> SMD per covariate column

    def worst(self, adjustment: str | None = None) -> float:
        values = self.before if adjustment is None else self.after[adjustment]
        finite = np.abs(values[np.isfinite(values)])
        return float(finite.max()) if len(finite) else 0.0

    def as_dict(self) -> dict:
        def number(value) -> float | None:
            return round(float(value), 4) if np.isfinite(value) else None

        rows = []
        for j, label in enumerate(self.labels):
            row = {"covariate": label, "before": number(self.before[j])}
            row.update({name: number(values[j]) for name, values in self.after.items()})
            rows.append(row)
        worst = {"before": round(self.worst(), 4)}
        worst.update({name: round(self.worst(name), 4) for name in self.after})
        return {"covariates": rows, "largest": worst}


def balance(design: Design, f: Fit) -> Balance:
    """SMD of every covariate column for the ATT: before, after weighting by e/(1-e), after each matching."""
    x = design.matrix[:, 1:]
    t = f.treated
    ones = np.ones(len(t))
    treated_x, control_x = x[t], x[~t]
    scale = np.sqrt((treated_x.var(axis=0) + control_x.var(axis=0)) / 2)
    before = standardised_differences(x, ones * t, ones * ~t, scale)
    odds = f.score / np.maximum(1 - f.score, 1e-12)
    after = {
        "weighting": standardised_differences(x, ones * (t & f.kept), odds * (~t & f.kept), scale),
    }
    for name, matches in _matchings(f):
        rows = matches.matched(t)
        after[name] = standardised_differences(x, ones * rows, matches.uses(rows) * ~t, scale)
    return Balance(design.labels, before, after)


@dataclass(frozen=True)
class Overlap:
    edges: np.ndarray
    treated_counts: np.ndarray
    control_counts: np.ndarray
    trimmed_treated: int
    trimmed_control: int
    treated_range: tuple[float, float]
    control_range: tuple[float, float]
    effective_share: float  # effective sample size of the weighted controls / controls kept
    matched_share: dict[str, float]  # matched treated / treated kept
    caliper: float  # on the logit of the propensity score
    converged: bool  # the propensity model converged

    @property
    def trimmed_share(self) -> float:
        total = int(self.treated_counts.sum())  # every treated row, trimmed or not
        return self.trimmed_treated / total if total else 0.0

    def as_dict(self) -> dict:
        return {
            "bins": [round(float(v), 4) for v in self.edges],
            "treated": self.treated_counts.tolist(),
            "control": self.control_counts.tolist(),
            "trimmed_treated": self.trimmed_treated,
            "trimmed_control": self.trimmed_control,
            "trimmed_share_of_treated": round(self.trimmed_share, 4),
            "treated_range": [round(v, 4) for v in self.treated_range],
            "control_range": [round(v, 4) for v in self.control_range],
            "effective_share": round(self.effective_share, 4),
            "matched_share": {name: round(v, 4) for name, v in self.matched_share.items()},
            "caliper": round(self.caliper, 4),
            "propensity_model_converged": self.converged,
        }


def overlap(f: Fit, settings: EvaluationSettings) -> Overlap:
    t, score, kept = f.treated, f.score, f.kept
    edges = np.linspace(0.0, 1.0, settings.histogram_bins + 1)
    odds = score[~t & kept] / np.maximum(1 - score[~t & kept], 1e-12)
    effective = odds.sum() ** 2 / (odds**2).sum() if len(odds) and (odds**2).sum() > 0 else 0.0
    treated_kept = int((t & kept).sum())
    matched = {
        name: (int(m.matched(t).sum()) / treated_kept if treated_kept else 0.0) for name, m in _matchings(f)
    }
    return Overlap(
        edges=edges,
        treated_counts=np.histogram(score[t], edges)[0],
        control_counts=np.histogram(score[~t], edges)[0],
        trimmed_treated=int((t & ~kept).sum()),
        trimmed_control=int((~t & ~kept).sum()),
        treated_range=(float(score[t].min()), float(score[t].max())),
        control_range=(float(score[~t].min()), float(score[~t].max())),
        effective_share=float(effective / len(odds)) if len(odds) else 0.0,
        matched_share=matched,
        caliper=f.replacement.caliper,
        converged=f.propensity.converged,
    )
