"""The estimators, each computed for the point estimate and every bootstrap replicate at once: a row of
``weights`` is one replicate (row 0 is all ones: the sample itself), and a zero weight leaves a row out
(outside common support, or outside a subgroup).

Every function returns one value per replicate. ``t`` is the treatment (0/1), ``y`` the outcome, ``e`` the
propensity score and ``mu0``/``mu1`` the outcome model's predictions without/with treatment, each
replicates x rows (or one row, broadcast).
"""

from __future__ import annotations

import numpy as np

from .matching import Matches


def _mean(weights: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Weighted mean per replicate (NaN where the weights are all zero)."""
    total = weights.sum(axis=1, dtype=np.float64)
    if values.ndim == 1:
        weighted = weights @ values.astype(weights.dtype)
    else:
        weighted = np.einsum("ij,ij->i", weights, np.broadcast_to(values, weights.shape))
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, weighted / np.where(total > 0, total, 1.0), np.nan)


def naive(weights, t, y) -> np.ndarray:
    """Difference of means, treated minus controls."""
    return _mean(weights * t, y) - _mean(weights * (1 - t), y)


def regression_att(weights, t, y, mu0) -> np.ndarray:
    return _mean(weights * t, y - mu0)


def regression_ate(weights, mu0, mu1) -> np.ndarray:
    return _mean(weights, mu1 - mu0)


def ipw_att(weights, t, y, e) -> np.ndarray:
    """Treated mean minus the controls' mean weighted by e/(1-e), weights normalised to one."""
    return _mean(weights * t, y) - _mean(weights * (1 - t) * e / (1 - e), y)


def ipw_ate(weights, t, y, e) -> np.ndarray:
    return _mean(weights * t / e, y) - _mean(weights * (1 - t) / (1 - e), y)


def doubly_robust_att(weights, t, y, e, mu0) -> np.ndarray:
    """Augmented IPW for the treated: regression, corrected by the weighted controls' residuals."""
    residual = y - mu0
    return _mean(weights * t, residual) - _mean(weights * (1 - t) * e / (1 - e), residual)


def doubly_robust_ate(weights, t, y, e, mu0, mu1) -> np.ndarray:
    return (
        _mean(weights, mu1 - mu0)
        + _mean(weights * t / e, y - mu1)
        - _mean(weights * (1 - t) / (1 - e), y - mu0)
    )


def matched_differences(matches: Matches, t: np.ndarray, y: np.ndarray, mu0, mu1) -> np.ndarray:
    """Per matched row, treated minus control outcome, bias-corrected (Abadie & Imbens 2011): a partner's
    outcome is moved by the outcome model from the partner's covariates to the row's own (0 where
    unmatched)."""
    own = np.where(t > 0, mu1, mu0)
    other = matches.counterpart(y - own) + np.where(t > 0, mu0, mu1)
    return np.nan_to_num(np.where(t > 0, y - other, other - y))


def matching(weights, rows, uses, differences, t, y, mu0, mu1) -> np.ndarray:
    """Mean matched difference over ``rows`` (matched treated rows for ATT, every matched row for ATE).

    Replicates perturb its linear form (Abadie & Imbens 2006; the weighted bootstrap of Otsu & Rai 2017):
    each row contributes ``1[row](mu1 - mu0 - tau) + (2t - 1)(1[row] + K)(y - mu_t)``, where ``K`` is how
    often it serves as a match, so that reusing a control widens the interval as it should."""
    size = max(int(rows.sum()), 1)
    point = float(differences[rows].sum(dtype=np.float64) / size)
    own = np.where(t > 0, mu1, mu0)
    sign = 2.0 * t - 1.0
    contribution = np.where(rows, mu1 - mu0 - point, 0.0) + sign * (rows + uses) * (y - own)
    return point + ((weights - 1.0) @ contribution) / size
