"""How a column becomes a model feature: numeric columns are cut into quantile bins, categorical ones
(text, dictionary, booleans, and numbers with few distinct values) keep their levels; a null is its own
level (``missing``), "prefer_not_to_answer" stays a level of its own, and levels rarer than
``min_level_count`` training rows (or unseen in training) fall into ``other``.

A ``Feature`` is plain data (``as_dict``/``from_dict``) and encodes a whole Arrow column (vectorised) or
one value (for scoring one client).
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from .errors import SegmentationDataError

MISSING = "missing"
OTHER = "other"
NUMERIC = "numeric"
CATEGORICAL = "categorical"


def _format(value: float) -> str:
    return f"{value:g}"


@dataclass(frozen=True)
class Feature:
    """One model input: its name, kind, and the levels (bins) it maps values to."""

    name: str
    kind: str  # NUMERIC or CATEGORICAL
    levels: tuple[str, ...]  # the last two are OTHER (categorical only) and MISSING
    edges: tuple[float, ...] = ()  # NUMERIC: inner cut points, bin i is [edges[i-1], edges[i])

    @property
    def width(self) -> int:
        return len(self.levels)

    def as_dict(self) -> dict:
        return {"name": self.name, "kind": self.kind, "levels": list(self.levels), "edges": list(self.edges)}

    @classmethod
    def from_dict(cls, data: dict) -> Feature:
        return cls(data["name"], data["kind"], tuple(data["levels"]), tuple(float(e) for e in data["edges"]))

    def encode(self, column: pa.ChunkedArray | pa.Array) -> np.ndarray:
        """Level index (0..width-1) of every row."""
        missing = self.width - 1
        nulls = pc.is_null(column, nan_is_null=True).to_numpy(zero_copy_only=False)
        if self.kind == NUMERIC:
            values = pc.cast(pc.fill_null(column, 0), pa.float64()).to_numpy(zero_copy_only=False)
            values = np.nan_to_num(values)
            codes = np.searchsorted(np.asarray(self.edges), values, side="right")
        else:
            text = _as_text(column)
            found = pc.index_in(text, value_set=pa.array(self.levels[:-2], pa.string()))
            codes = pc.fill_null(found, self.width - 2).to_numpy(zero_copy_only=False)
        return np.where(nulls, missing, codes).astype(np.int32)

    def encode_value(self, value) -> int:
        """Level index of one value (None, NaN or absent → missing)."""
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return self.width - 1
        if self.kind == NUMERIC:
            try:
                number = float(value)
            except (TypeError, ValueError):
                raise SegmentationDataError(f"{self.name}: {value!r} is not a number.") from None
            return bisect.bisect_right(self.edges, number)
        text = _text_value(value)
        try:
            return self.levels.index(text, 0, self.width - 2)
        except ValueError:
            return self.width - 2

    def level_range(self, index: int) -> tuple[float | None, float | None]:
        """NUMERIC: the bin's lower and upper bound (None where open)."""
        low = self.edges[index - 1] if index > 0 else None
        high = self.edges[index] if index < len(self.edges) else None
        return low, high


def _text_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _as_text(column) -> pa.ChunkedArray | pa.Array:
    kind = column.type
    if pa.types.is_dictionary(kind):
        column = pc.cast(column, kind.value_type)
        kind = kind.value_type
    if pa.types.is_boolean(kind):
        return pc.if_else(column, "true", "false")
    if pa.types.is_floating(kind):
        column = pc.cast(pc.if_else(pc.is_nan(column), pa.scalar(None, kind), column), pa.int64())
    return pc.cast(column, pa.string())


def is_numeric(column) -> bool:
    kind = column.type
    return pa.types.is_integer(kind) or pa.types.is_floating(kind)


def learn(name: str, column, bins: int, min_level_count: int, max_levels: int = 12) -> Feature:
    """A feature from its training rows (raises if the column has a single value)."""
    values = pc.drop_null(column)
    if pa.types.is_floating(column.type):
        values = pc.filter(values, pc.invert(pc.is_nan(values)))
    distinct = pc.unique(values)
    has_null = len(values) < len(column)
    if len(distinct) + has_null < 2:
        raise SegmentationDataError(
            f"feature column {name!r} has a single value; it cannot inform the model."
        )
    if is_numeric(column) and not _few_integers(distinct, max_levels):
        numbers = np.asarray(values.to_numpy(zero_copy_only=False), dtype=np.float64)
        quantiles = np.quantile(numbers, np.arange(1, bins) / bins)
        edges = tuple(sorted({float(q) for q in quantiles if q > numbers.min()}))
        levels = [_bin_label(edges, i) for i in range(len(edges) + 1)]
        return Feature(name, NUMERIC, (*levels, MISSING), edges)
    text = _as_text(values)
    counts = pc.value_counts(text).to_pylist()
    kept = sorted(
        (item for item in counts if item["counts"] >= min_level_count),
        key=lambda item: (-item["counts"], str(item["values"])),
    )
    levels = tuple(str(item["values"]) for item in kept)
    if not is_numeric(column):
        levels = tuple(sorted(levels, key=_natural))
    else:
        levels = tuple(sorted(levels, key=float))
    return Feature(name, CATEGORICAL, (*levels, OTHER, MISSING))


def _natural(level: str) -> tuple[int, str]:
    return (level == "prefer_not_to_answer", level)


def _few_integers(distinct, max_levels: int) -> bool:
    if len(distinct) > max_levels:
        return False
    numbers = np.asarray(distinct.to_numpy(zero_copy_only=False), dtype=np.float64)
    return bool(np.all(numbers == np.round(numbers)))


def _bin_label(edges: tuple[float, ...], index: int) -> str:
    if not edges:
        return "all"
    if index == 0:
        return f"< {_format(edges[0])}"
    if index == len(edges):
        return f">= {_format(edges[-1])}"
    return f"{_format(edges[index - 1])} to < {_format(edges[index])}"
