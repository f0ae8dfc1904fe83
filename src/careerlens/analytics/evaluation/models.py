"""The two working models: a logistic regression for the propensity score and a linear regression for the
outcome in each group, both fitted with NumPy (Newton steps with a small ridge penalty), and their
one-step refits under bootstrap weights (a Newton step from the full-sample fit, for every replicate at
once)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .errors import EvaluationError


def logistic(z: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def _penalty(columns: int, ridge: float, rows: float) -> np.ndarray:
    """Ridge on every coefficient but the intercept, scaled by the number of rows."""
    penalty = np.full(columns, ridge * rows)
    penalty[0] = 0.0
    return np.diag(penalty)


@dataclass(frozen=True)
class Logit:
    coef: np.ndarray
    hessian_inverse: np.ndarray
    converged: bool

    def logit(self, x: np.ndarray) -> np.ndarray:
        return x @ self.coef

    def replicates(self, x32: np.ndarray, t: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """Propensity scores (replicates x rows) after one Newton step under each row of ``weights``
        (``x32``: the covariate matrix in single precision)."""
        score = logistic(x32 @ self.coef.astype(np.float32))
        gradient = (((weights - 1.0) * (t - score)[None, :]).astype(np.float32) @ x32).astype(np.float64)
        coef = self.coef[None, :] + gradient @ self.hessian_inverse
        return logistic(coef.astype(np.float32) @ x32.T)


def fit_logit(x: np.ndarray, t: np.ndarray, ridge: float, steps: int) -> Logit:
    """Maximum (penalised) likelihood by Newton's method."""
    penalty = _penalty(x.shape[1], ridge, len(t))
    coef = np.zeros(x.shape[1])
    mean = float(np.clip(t.mean(), 1e-6, 1 - 1e-6))
    coef[0] = np.log(mean / (1 - mean))
    converged = False
    previous = -np.inf
    for _ in range(steps):
        z = x @ coef
        score = logistic(z)
        # penalised log-likelihood; a change below 1e-9 per row is convergence (under separation the
        # coefficients keep growing while the fit no longer changes)
        likelihood = float(t @ z - np.logaddexp(0.0, z).sum() - 0.5 * coef @ penalty @ coef)
        if likelihood - previous < 1e-9 * len(t):
            converged = True
            break
        previous = likelihood
        hessian = (x * (score * (1 - score))[:, None]).T @ x + penalty
        gradient = x.T @ (t - score) - penalty @ coef
        coef = coef + np.linalg.solve(hessian, gradient)
    score = logistic(x @ coef)
    hessian = (x * (score * (1 - score))[:, None]).T @ x + penalty
    if not np.all(np.isfinite(coef)):
        raise EvaluationError(
            "the propensity model did not converge (a covariate may predict the treatment exactly)."
        )
    return Logit(coef, np.linalg.inv(hessian), converged)


@dataclass(frozen=True)
class Linear:
    coef: np.ndarray
    gram_inverse: np.ndarray
    rows: np.ndarray  # bool mask of the rows it was fitted on

    def predict(self, x: np.ndarray) -> np.ndarray:
        return x @ self.coef

    def replicates(self, x32: np.ndarray, y: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """Predictions for every row (replicates x rows) after refitting under each row of ``weights``
        (``x32``: the covariate matrix in single precision)."""
        residual = np.where(self.rows, y - x32 @ self.coef.astype(np.float32), 0.0)
        gradient = (((weights - 1.0) * residual[None, :]).astype(np.float32) @ x32).astype(np.float64)
        coef = self.coef[None, :] + gradient @ self.gram_inverse
        return coef.astype(np.float32) @ x32.T


def fit_linear(x: np.ndarray, y: np.ndarray, rows: np.ndarray, ridge: float) -> Linear:
    """Least squares on the rows in ``rows`` (one model per group: treated, or controls)."""
    xs = x[rows]
    gram = xs.T @ xs + _penalty(x.shape[1], ridge, int(rows.sum()))
    gram_inverse = np.linalg.pinv(gram)
    coef = gram_inverse @ (xs.T @ y[rows])
    return Linear(coef, gram_inverse, rows)
