"""Stream overrides: a practitioner may change the proposed stream, always with a reason; the report
counts overrides (up to a higher stream, down to a lower one) by practitioner, provider or any group
column, with small cells suppressed (careerlens.analytics.suppression)."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from careerlens.analytics.suppression import suppress

from .errors import SegmentationDataError
from .streams import STREAMS

MIN_REASON_LENGTH = 10
OVERRIDE_COLUMNS = ("proposed_stream", "final_stream")


def check_override(proposed: str, final: str, reason: str) -> str:
    """'up' or 'down' for a valid override; raises with what is wrong otherwise."""
    for name, stream in (("proposed", proposed), ("final", final)):
        if stream not in STREAMS:
            raise SegmentationDataError(f"{name} stream must be A, B or C, not {stream!r}.")
    if proposed == final:
        raise SegmentationDataError("the final stream is the proposed one: nothing to override.")
    if len((reason or "").strip()) < MIN_REASON_LENGTH:
        raise SegmentationDataError(f"an override needs a reason of at least {MIN_REASON_LENGTH} characters.")
    return "up" if final > proposed else "down"


def report(decisions: pa.Table, by: str, min_cell: int = 10) -> list[dict]:
    """Per value of ``by``: decisions, overrides up and down, and the override rate. ``decisions`` has one
    row per stream decision with ``proposed_stream``, ``final_stream`` and the ``by`` column. Counts
    under ``min_cell`` (and the cells that would give them away) are None."""
    missing = [c for c in (*OVERRIDE_COLUMNS, by) if c not in decisions.column_names]
    if missing:
        raise SegmentationDataError(f"the decisions lack column(s): {', '.join(missing)}.")
    proposed = np.asarray(decisions.column("proposed_stream").to_pylist(), dtype=object)
    final = np.asarray(decisions.column("final_stream").to_pylist(), dtype=object)
    keys = np.asarray(pc.fill_null(pc.cast(decisions.column(by), pa.string()), "not_recorded").to_pylist())
    names, index = np.unique(keys, return_inverse=True)
    up = (final > proposed).astype(int)
    down = (final < proposed).astype(int)
    table = np.column_stack(
        [np.bincount(index, minlength=len(names)), np.bincount(index, up), np.bincount(index, down)]
    )
    hidden = suppress(table[:, 1:], min_cell)
    rows = []
    for i, name in enumerate(names):
        total, n_up, n_down = (int(v) for v in table[i])
        row = {
            by: str(name),
            "decisions": total,
            "overrides_up": None if hidden[i, 0] else n_up,
            "overrides_down": None if hidden[i, 1] else n_down,
        }
        row["override_rate"] = None if hidden[i].any() else (n_up + n_down) / total
        rows.append(row)
    return rows
