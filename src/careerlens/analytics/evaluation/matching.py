"""Nearest-neighbour matching on the logit of the propensity score, within a caliper: with replacement
(each unit takes the nearest units of the other group, all of them when several are equally near) or
without (greedy, the treated with the highest score first, each control used once)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Side:
    """Rows of one group matched to a block ``[low, high)`` of the other group's rows sorted by score."""

    rows: np.ndarray
    pool: np.ndarray  # the other group's rows, sorted by score
    low: np.ndarray
    high: np.ndarray  # high == low: no match within the caliper


@dataclass(frozen=True)
class Matches:
    sides: tuple[Side, ...]
    caliper: float

    def matched(self, base: np.ndarray) -> np.ndarray:
        """The rows of ``base`` that found a match."""
        found = np.zeros(len(base), dtype=bool)
        for side in self.sides:
            found[side.rows[side.high > side.low]] = True
        return base & found

    def uses(self, rows: np.ndarray) -> np.ndarray:
        """Each row's weight as a partner of the rows in ``rows`` (a block of k tied rows shares 1)."""
        weight = np.zeros(len(rows))
        for side in self.sides:
            chosen = rows[side.rows] & (side.high > side.low)
            share = 1.0 / np.maximum(side.high - side.low, 1)[chosen]
            steps = np.zeros(len(side.pool) + 1)
            np.add.at(steps, side.low[chosen], share)
            np.add.at(steps, side.high[chosen], -share)
            weight[side.pool] += np.cumsum(steps)[:-1]
        return weight

    def counterpart(self, y: np.ndarray) -> np.ndarray:
        """Each matched row's partners' mean outcome (NaN when unmatched)."""
        out = np.full(len(y), np.nan)
        for side in self.sides:
            total = np.concatenate([[0.0], np.cumsum(y[side.pool])])
            size = side.high - side.low
            with np.errstate(invalid="ignore", divide="ignore"):
                out[side.rows] = np.where(size > 0, (total[side.high] - total[side.low]) / size, np.nan)
        return out


def _sorted(rows: np.ndarray, score: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    pool = rows[np.argsort(score[rows], kind="stable")]
    return pool, score[pool]


def _nearest(source: np.ndarray, pool_rows: np.ndarray, score: np.ndarray, caliper: float) -> Side:
    """The block of nearest pool rows (ties all kept) for each source row."""
    pool, values = _sorted(pool_rows, score)
    s = score[source]
    m = len(pool)
    position = np.searchsorted(values, s)
    left_value = values[np.clip(position - 1, 0, max(m - 1, 0))] if m else s
    right_value = values[np.clip(position, 0, max(m - 1, 0))] if m else s
    left_gap = np.where(position > 0, s - left_value, np.inf)
    right_gap = np.where(position < m, right_value - s, np.inf)
    gap = np.minimum(left_gap, right_gap)
    low = np.where(left_gap <= right_gap, np.searchsorted(values, left_value, "left"), position)
    high = np.where(right_gap <= left_gap, np.searchsorted(values, right_value, "right"), position)
    inside = np.isfinite(gap) & (gap <= caliper)
    return Side(source, pool, np.where(inside, low, 0), np.where(inside, high, 0))


def with_replacement(score: np.ndarray, treated: np.ndarray, kept: np.ndarray, caliper: float) -> Matches:
    """Treated rows are matched to controls and controls to treated rows (so that ATE is defined)."""
    treated_rows = np.flatnonzero(treated & kept)
    control_rows = np.flatnonzero(~treated & kept)
    return Matches(
        (
            _nearest(treated_rows, control_rows, score, caliper),
            _nearest(control_rows, treated_rows, score, caliper),
        ),
        caliper,
    )


def _find(pointer: list[int], k: int) -> int:
    root = k
    while pointer[root] != root:
        root = pointer[root]
    while pointer[k] != root:
        pointer[k], k = root, pointer[k]
    return root


def without_replacement(score: np.ndarray, treated: np.ndarray, kept: np.ndarray, caliper: float) -> Matches:
    """Greedy one-to-one matching of treated rows (highest score first) to the nearest unused control."""
    pool, values = _sorted(np.flatnonzero(~treated & kept), score)
    m = len(pool)
    source = np.flatnonzero(treated & kept)
    source = source[np.argsort(-score[source], kind="stable")]
    positions = np.searchsorted(values, score[source]).tolist()
    sorted_values = values.tolist()
    # union-find: right[k] leads to the nearest unused control at or after k (m: none); left[k] to the
    # nearest unused control before k, stored as its index + 1 (0: none)
    right = list(range(m + 1))
    left = list(range(m + 1))
    low = np.zeros(len(source), dtype=np.int64)
    high = np.zeros(len(source), dtype=np.int64)
    for i, (value, position) in enumerate(zip(score[source].tolist(), positions, strict=True)):
        r = _find(right, position)
        before = _find(left, position) - 1
        best = r if r < m else -1
        if before >= 0 and (best < 0 or value - sorted_values[before] <= sorted_values[best] - value):
            best = before
        if best < 0 or abs(sorted_values[best] - value) > caliper:
            continue
        low[i], high[i] = best, best + 1
        right[best] = best + 1
        left[best + 1] = best
    return Matches((Side(source, pool, low, high),), caliper)
