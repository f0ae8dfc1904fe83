"""Evaluation measures on held-out rows: AUC, expected calibration error and the calibration curve.

ECE uses equal-count bins of the predicted probability (``bins``, default 10): the share-weighted mean of
|mean predicted - observed rate| over the bins.
"""

from __future__ import annotations

import numpy as np
from scipy.stats import rankdata


def auc(outcome: np.ndarray, probability: np.ndarray) -> float | None:
    """Area under the ROC curve (Mann-Whitney, ties counted half); None with one class only."""
    y = np.asarray(outcome, dtype=bool)
    positives = int(y.sum())
    negatives = len(y) - positives
    if positives == 0 or negatives == 0:
        return None
    ranks = rankdata(probability)
    return float((ranks[y].sum() - positives * (positives + 1) / 2) / (positives * negatives))


def _bin_index(probability: np.ndarray, bins: int) -> np.ndarray:
    order = np.argsort(probability, kind="stable")
    index = np.empty(len(probability), dtype=np.int64)
    index[order] = np.arange(len(probability)) * bins // max(len(probability), 1)
    return index


def calibration_curve(outcome: np.ndarray, probability: np.ndarray, bins: int = 10) -> list[dict]:
    """Per equal-count bin: rows, mean predicted probability, observed rate."""
    y = np.asarray(outcome, dtype=np.float64)
    p = np.asarray(probability, dtype=np.float64)
    if len(p) == 0:
        return []
    index = _bin_index(p, bins)
    count = np.bincount(index, minlength=bins)
    predicted = np.bincount(index, weights=p, minlength=bins)
    observed = np.bincount(index, weights=y, minlength=bins)
    return [
        {"rows": int(n), "predicted": float(predicted[b] / n), "observed": float(observed[b] / n)}
        for b, n in enumerate(count)
        if n > 0
    ]


def ece(outcome: np.ndarray, probability: np.ndarray, bins: int = 10) -> float | None:
    """Expected calibration error over equal-count bins; None without rows."""
    curve = calibration_curve(outcome, probability, bins)
    total = sum(point["rows"] for point in curve)
    if total == 0:
        return None
    return float(sum(point["rows"] * abs(point["predicted"] - point["observed"]) for point in curve) / total)
