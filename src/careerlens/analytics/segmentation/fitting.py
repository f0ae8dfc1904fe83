"""Penalised (L2) logistic regression on one-hot binned features, fitted with SciPy's L-BFGS.

Every row has exactly one active column per feature, so the design matrix is a sparse 0/1 matrix with
``features`` non-zeros per row (CSR): the linear predictor and the gradient are one sparse product each.
The objective is the mean log-loss plus ``l2 / (2 n)`` times the squared coefficients (not the intercept);
each feature's most common level is the base (coefficient 0).
"""

from __future__ import annotations

import numpy as np
from scipy import sparse
from scipy.optimize import minimize
from scipy.special import expit

from .errors import SegmentationDataError


def design(columns: np.ndarray, width: int) -> sparse.csr_matrix:
    """The one-hot matrix from an (n x features) array of global column indices."""
    n, k = columns.shape
    data = np.ones(n * k, dtype=np.float64)
    indptr = np.arange(0, n * k + 1, k, dtype=np.int64)
    return sparse.csr_matrix((data, columns.ravel().astype(np.int32), indptr), shape=(n, width))


def fit(
    columns: np.ndarray, outcome: np.ndarray, width: int, l2: float, max_iterations: int, bases: np.ndarray
) -> tuple[float, np.ndarray]:
    """(intercept, coefficients) minimising the penalised log-loss; the columns ``bases`` (each feature's
    most common level) stay at 0, so that the intercept and the levels are identified.

    The optimiser works on coefficients scaled by the square root of each column's share of rows plus the
    penalty (a diagonal preconditioner: the log-loss Hessian of a one-hot column grows with its count), so
    rare and common levels converge together."""
    x = design(columns, width)
    xt = x.T.tocsr()
    y = np.asarray(outcome, dtype=np.float64)
    n = len(y)
    rate = y.mean()
    scale = 1.0 / np.sqrt((np.bincount(columns.ravel(), minlength=width) + l2) / n)
    scale[bases] = 0.0
    start = np.zeros(width + 1)
    start[0] = np.log(rate / (1 - rate))

    def objective(theta: np.ndarray) -> tuple[float, np.ndarray]:
        beta = theta[1:] * scale
        eta = theta[0] + x @ beta
        loss = np.logaddexp(0.0, eta) - y * eta  # log(1 + exp(eta)) - y * eta, stably
        residual = expit(eta) - y
        grad = np.empty_like(theta)
        grad[0] = residual.sum() / n
        grad[1:] = scale * (xt @ residual + l2 * beta) / n
        return float(loss.sum() / n + 0.5 * l2 * float(beta @ beta) / n), grad

    result = minimize(
        objective,
        start,
        jac=True,
        method="L-BFGS-B",
        options={"maxiter": max_iterations, "gtol": 1e-6, "ftol": 1e-11},
    )
    coefficients = result.x[1:] * scale
    if not np.all(np.isfinite(coefficients)):
        raise SegmentationDataError("the model did not converge (non-finite coefficients).")
    return float(result.x[0]), coefficients
