"""The fairness audit of a model version on held-out rows, per group of every protected characteristic
and per age band: AUC, calibration error and curve, false-negative and false-positive rates at the
stream C cut-off (a person who became long-term unemployed but was not put in stream C; a person who did
not but was), stream shares, and parity ratios against the reference group (the largest), with flags
where they fail the settings. Groups under ``min_cell`` people are suppressed (with complementary
suppression of the count) by careerlens.analytics.suppression: a group under ``min_cell`` shows nothing;
a group hidden only to protect another shows its rates but not its count (``people`` is None).
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from careerlens.analytics.suppression import primary_mask, suppress

from . import metrics
from .groups import membership
from .settings import AuditSettings, StreamSettings
from .streams import STREAMS, stream_index

RATIOS = ("false_positive_rate", "false_negative_rate", "share_c")


def _rates(y: np.ndarray, p: np.ndarray, streams: np.ndarray, bins: int) -> dict:
    high = streams == 2
    positives, negatives = int(y.sum()), int((~y).sum())
    counts = np.bincount(streams, minlength=3)
    return {
        "people": int(len(y)),
        "observed_rate": float(y.mean()),
        "mean_predicted": float(p.mean()),
        "auc": metrics.auc(y, p),
        "ece": metrics.ece(y, p, bins),
        "calibration_curve": metrics.calibration_curve(y, p, bins),
        "false_negative_rate": float((y & ~high).sum() / positives) if positives else None,
        "false_positive_rate": float((~y & high).sum() / negatives) if negatives else None,
        **{f"share_{s.lower()}": float(counts[i] / len(y)) for i, s in enumerate(STREAMS)},
    }


def audit(
    table: pa.Table,
    outcome: np.ndarray,
    probability: np.ndarray,
    streams: StreamSettings | None = None,
    settings: AuditSettings | None = None,
    bins: int = 10,
) -> dict:
    """The audit of held-out rows: ``table`` holds their protected columns (and age)."""
    settings = settings or AuditSettings()
    y = np.asarray(outcome, dtype=bool)
    p = np.asarray(probability, dtype=np.float64)
    index = stream_index(p, streams)
    overall = _rates(y, p, index, bins)
    flags: list[dict] = []
    characteristics = {}
    for name, groups in membership(table).items():
        names, counts = np.unique(groups.astype(str), return_counts=True)
        small = primary_mask(counts, settings.min_cell)
        hidden_count = suppress(counts, settings.min_cell)
        rows = {}
        for group, small_cell, count_hidden in zip(names, small, hidden_count, strict=True):
            if small_cell:
                rows[group] = {"people": None, "suppressed": True}
                continue
            chosen = groups == group
            rows[group] = {**_rates(y[chosen], p[chosen], index[chosen], bins), "suppressed": False}
            if count_hidden:  # complementary suppression: the count alone would give the small cell away
                rows[group]["people"] = None
        reference = str(names[np.argmax(counts)])
        _parity(rows, reference, settings)
        sizes = dict(zip(names.tolist(), counts.tolist(), strict=True))
        flags += _flags(name, rows, sizes, overall, settings)
        characteristics[name] = {"reference": reference, "groups": rows}
    return {
        "overall": overall,
        "characteristics": characteristics,
        "flags": flags,
        "settings": settings.as_dict(),
        "streams": (streams or StreamSettings()).as_dict(),
    }


def audit_held_out(
    table: pa.Table,
    training,
    streams: StreamSettings | None = None,
    settings: AuditSettings | None = None,
) -> dict:
    """The audit of a training's held-out rows; ``table`` is the table it was trained on (with the
    protected columns)."""
    held_out = training.rows[training.holdout]
    bins = training.model.metadata.get("settings", {}).get("calibration_bins", 10)
    return audit(
        table.take(pa.array(held_out)),
        training.outcome[training.holdout],
        training.probability[training.holdout],
        streams,
        settings,
        bins,
    )


def _parity(rows: dict, reference: str, settings: AuditSettings) -> None:
    base = rows[reference]
    for row in rows.values():
        if row["suppressed"]:
            continue
        row["parity"] = {
            measure: (row[measure] / base[measure]) if row[measure] is not None and base[measure] else None
            for measure in RATIOS
        }


def _flags(name: str, rows: dict, sizes: dict, overall: dict, settings: AuditSettings) -> list[dict]:
    found = []
    for group, row in rows.items():
        if row["suppressed"] or sizes[group] < settings.min_rows_for_flags:
            continue
        for measure, ratio in row["parity"].items():
            if ratio is not None and not settings.parity_low <= ratio <= settings.parity_high:
                found.append(
                    {"characteristic": name, "group": group, "measure": f"parity_{measure}", "value": ratio}
                )
        if row["ece"] is not None and row["ece"] > settings.max_group_ece:
            found.append({"characteristic": name, "group": group, "measure": "ece", "value": row["ece"]})
        if row["auc"] is not None and overall["auc"] - row["auc"] > settings.max_auc_drop:
            found.append({"characteristic": name, "group": group, "measure": "auc_drop", "value": row["auc"]})
    return found
