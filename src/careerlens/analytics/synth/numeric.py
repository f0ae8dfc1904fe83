"""Small vectorised helpers: random streams per purpose, logistic, categorical draws, normal cdf."""

from __future__ import annotations

import zlib

import numpy as np


def generator(seed: int, purpose: str) -> np.random.Generator:
    """An independent random stream for one purpose, so that a change in one module's draws does not
    shift another module's numbers (and the same seed always gives the same province)."""
    sequence = np.random.SeedSequence(entropy=int(seed), spawn_key=(zlib.crc32(purpose.encode()),))
    return np.random.Generator(np.random.PCG64(sequence))


def logistic(x):
    return 1.0 / (1.0 + np.exp(-x))


def logit(p):
    p = np.asarray(p, dtype=np.float64)
    return np.log(p) - np.log1p(-p)


def categorical(rng: np.random.Generator, probabilities, n: int | None = None) -> np.ndarray:
    """Draw category codes (int8). ``probabilities`` is one vector (all rows alike, ``n`` draws) or one row
    per draw (shape n x k)."""
    probabilities = np.asarray(probabilities, dtype=np.float64)
    if probabilities.ndim == 1:
        cumulative = np.cumsum(probabilities / probabilities.sum())
        cumulative[-1] = 1.0
        codes = np.searchsorted(cumulative, rng.random(n), side="right")
    else:
        cumulative = np.cumsum(probabilities / probabilities.sum(axis=1, keepdims=True), axis=1)
        cumulative[:, -1] = 1.0
        u = rng.random(probabilities.shape[0])
        codes = (u[:, None] >= cumulative).sum(axis=1)
    return np.minimum(codes, probabilities.shape[-1] - 1).astype(np.int8)


def weighted_choice(rng: np.random.Generator, weights: np.ndarray, n: int) -> np.ndarray:
    """Indices drawn with probability proportional to ``weights`` (int32)."""
    cumulative = np.cumsum(np.asarray(weights, dtype=np.float64))
    cumulative /= cumulative[-1]
    return np.minimum(np.searchsorted(cumulative, rng.random(n), side="right"), len(cumulative) - 1).astype(
        np.int32
    )


def norm_cdf(x):
    """Standard normal cdf (Abramowitz & Stegun 7.1.26; absolute error below 1.5e-7)."""
    x = np.asarray(x, dtype=np.float64)
    z = np.abs(x) / np.sqrt(2.0)
    t = 1.0 / (1.0 + 0.3275911 * z)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    erf = 1.0 - poly * np.exp(-z * z)
    return 0.5 * (1.0 + np.sign(x) * erf)


def gauss_hermite(points: int = 7) -> tuple[np.ndarray, np.ndarray]:
    """Nodes and weights to take the expectation of f(Z), Z standard normal: sum(w * f(nodes))."""
    nodes, weights = np.polynomial.hermite_e.hermegauss(points)
    return nodes, weights / weights.sum()
