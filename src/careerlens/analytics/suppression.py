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


def suppress(counts, threshold: int = 10) -> np.ndarray:
    """A boolean mask of the cells to hide in a 1-D or 2-D table of counts (primary + complementary)."""
    table = np.asarray(counts, dtype=np.int64)
    one_dimensional = table.ndim == 1
    if one_dimensional:
        table = table.reshape(1, -1)
    if table.ndim != 2:
        raise ValueError("counts must be a 1-D or 2-D table.")
    mask = primary_mask(table, threshold)
    while True:
        changed = _complete_lines(table, mask)
        if not one_dimensional:
            transposed = mask.T.copy()
            changed |= _complete_lines(table.T, transposed)
            mask = transposed.T.copy()
        if not changed:
            break
    return mask[0] if one_dimensional else mask
