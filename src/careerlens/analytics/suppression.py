"""Small-cell suppression for every aggregate that leaves careerlens.

A count below the threshold (default 10 people) is suppressed. So that a suppressed cell cannot be
recovered by subtraction from a published total, complementary suppression then hides, in every group
(row) that has exactly one suppressed cell, the next smallest cell as well; the same is done across
groups for each column. Repeats until stable.
"""

from __future__ import annotations

import numpy as np


def primary_mask(counts: np.ndarray, threshold: int = 10) -> np.ndarray:
    """True where a cell must be hidden: more than zero and fewer than ``threshold`` people."""
    counts = np.asarray(counts)
    if threshold < 1:
        raise ValueError(f"threshold must be at least 1, not {threshold}.")
    if np.any(counts < 0):
        raise ValueError("counts cannot be negative.")
    return (counts > 0) & (counts < threshold)


def _complete_lines(counts: np.ndarray, mask: np.ndarray) -> bool:
    """Hide one more cell in each row with a single hidden cell; True if anything changed."""
    changed = False
    for row in range(counts.shape[0]):
        hidden = mask[row]
        if hidden.sum() == 1 and (~hidden & (counts[row] > 0)).any():
            candidates = np.where(~hidden & (counts[row] > 0), counts[row], np.iinfo(np.int64).max)
            mask[row, int(np.argmin(candidates))] = True
            changed = True
    return changed


def suppress(counts, threshold: int = 10, also=None) -> np.ndarray:
    """A boolean mask of the cells to hide in a 1-D or 2-D table of counts (primary + complementary).

    ``also`` (same shape) marks further cells to hide before the complementary step, e.g. the cells
    whose numerator is small when ``counts`` are the denominators of rates.
    """
    table = np.asarray(counts, dtype=np.int64)
    one_dimensional = table.ndim == 1
    if one_dimensional:
        table = table.reshape(1, -1)
    if table.ndim != 2:
        raise ValueError("counts must be a 1-D or 2-D table.")
    mask = primary_mask(table, threshold)
    if also is not None:
        extra = np.asarray(also, dtype=bool).reshape(table.shape)
        mask |= extra
    while True:
        changed = _complete_lines(table, mask)
        if not one_dimensional:
            transposed = mask.T.copy()
            changed |= _complete_lines(table.T, transposed)
            mask = transposed.T.copy()
        if not changed:
            break
    return mask[0] if one_dimensional else mask


def suppress_rates(numerators, denominators, threshold: int = 10) -> np.ndarray:
    """Cells to hide in a line of rates: a numerator or a denominator of 1 to threshold - 1 people, then
    complementary suppression on the denominators (they add up to the published total)."""
    numerators = np.asarray(numerators, dtype=np.int64)
    denominators = np.asarray(denominators, dtype=np.int64)
    if numerators.shape != denominators.shape:
        raise ValueError("numerators and denominators must have the same shape.")
    if np.any(numerators > denominators):
        raise ValueError("a numerator cannot exceed its denominator.")
    return suppress(denominators, threshold, also=primary_mask(numerators, threshold))
