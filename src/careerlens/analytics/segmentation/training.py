"""Train a glass-box model on any table with a binary outcome column and feature columns, and evaluate it
on a deterministic held-out share of the rows.

    from careerlens.analytics.segmentation import train
    result = train(table, "long_term_unemployed")      # protected characteristics left out
    result.evaluation["auc"], result.model.probability({"program": "odsp", ...})
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from scipy.special import expit

from . import fitting, metrics
from .encoding import learn
from .errors import SegmentationDataError
from .model import Model
from .protected import is_protected
from .settings import TrainingSettings

TRUE_VALUES = {"1", "true", "yes", "y", "t"}
FALSE_VALUES = {"0", "false", "no", "n", "f"}


@dataclass
class Training:
    model: Model
    evaluation: dict
    holdout: np.ndarray  # bool per usable row of the table: held out for evaluation
    rows: np.ndarray  # indices of the usable rows (outcome not null) in the input table
    outcome: np.ndarray  # bool per usable row
    probability: np.ndarray  # per usable row, the fitted model's probability


def binary_outcome(table: pa.Table, outcome: str) -> tuple[np.ndarray, np.ndarray]:
    """(indices of rows with an outcome, outcome as bool); raises unless the column is binary."""
    if outcome not in table.column_names:
        raise SegmentationDataError(
            f"outcome column {outcome!r} is not in the data (columns: {', '.join(table.column_names)})."
        )
    column = table.column(outcome)
    if pa.types.is_dictionary(column.type):
        column = pc.cast(column, column.type.value_type)
    valid = pc.invert(pc.is_null(column, nan_is_null=True))
    rows = np.flatnonzero(valid.to_numpy(zero_copy_only=False))
    values = pc.filter(column, valid)
    if pa.types.is_boolean(column.type):
        return rows, values.to_numpy(zero_copy_only=False).astype(bool)
    text = pc.utf8_lower(pc.utf8_trim_whitespace(pc.cast(values, pa.string())))
    if pa.types.is_floating(column.type):
        text = pc.cast(pc.cast(values, pa.int64(), safe=False), pa.string())
        if not pc.all(pc.equal(values, pc.round(values))).as_py():
            raise SegmentationDataError(f"outcome column {outcome!r} is not binary (it has fractions).")
    distinct = set(pc.unique(text).to_pylist())
    unknown = distinct - TRUE_VALUES - FALSE_VALUES
    if unknown:
        shown = ", ".join(sorted(map(repr, unknown))[:5])
        raise SegmentationDataError(f"outcome column {outcome!r} is not binary (values such as {shown}).")
    y = pc.is_in(text, value_set=pa.array(sorted(TRUE_VALUES))).to_numpy(zero_copy_only=False)
    return rows, y.astype(bool)


def choose_features(
    table: pa.Table, outcome: str, features: list[str] | None, allow_protected: tuple[str, ...] = ()
) -> tuple[list[str], list[str]]:
    """(feature columns, protected columns left out); explicit features must exist and may be protected
    only when allowed."""
    columns = table.column_names
    allowed = {name.casefold() for name in allow_protected}
    unknown = [name for name in allow_protected if name not in columns]
    if unknown:
        raise SegmentationDataError(f"--allow-protected names unknown column(s): {', '.join(unknown)}.")
    not_protected = [name for name in allow_protected if not is_protected(name)]
    if not_protected:
        raise SegmentationDataError(
            f"not a protected characteristic, nothing to allow: {', '.join(not_protected)}."
        )
    if features:
        missing = [name for name in features if name not in columns]
        if missing:
            raise SegmentationDataError(f"feature column(s) not in the data: {', '.join(missing)}.")
        if outcome in features:
            raise SegmentationDataError(f"the outcome column {outcome!r} cannot also be a feature.")
        blocked = [name for name in features if is_protected(name) and name.casefold() not in allowed]
        if blocked:
            raise SegmentationDataError(
                f"protected characteristic(s) {', '.join(blocked)} cannot be model inputs unless allowed "
                "(--allow-protected)."
            )
        chosen = list(dict.fromkeys(features))
    else:
        chosen = [
            name
            for name in columns
            if name != outcome
            and not _is_identifier(name)
            and (not is_protected(name) or name.casefold() in allowed)
        ]
    left_out = [name for name in columns if is_protected(name) and name not in chosen]
    if not chosen:
        raise SegmentationDataError("no feature columns to train on.")
    return chosen, left_out


def _is_identifier(name: str) -> bool:
    lowered = name.casefold()
    return lowered == "id" or lowered.endswith("_id")


def split(rows: int, settings: TrainingSettings) -> np.ndarray:
    """True for held-out rows: the same rows for the same number of rows and seed."""
    return np.random.default_rng(settings.split_seed).random(rows) < settings.holdout_share


def train(
    table: pa.Table,
    outcome: str,
    features: list[str] | None = None,
    allow_protected: tuple[str, ...] = (),
    settings: TrainingSettings | None = None,
    description: dict | None = None,
) -> Training:
    settings = settings or TrainingSettings()
    rows, y = binary_outcome(table, outcome)
    names, left_out = choose_features(table, outcome, features, tuple(allow_protected))
    holdout = split(len(rows), settings)
    _check_rows(outcome, y, holdout, settings)
    data = table.select(names)
    if len(rows) < table.num_rows:
        data = data.take(pa.array(rows))
    train_rows = pa.array(np.flatnonzero(~holdout))
    learned = [
        learn(name, data.column(name).take(train_rows), settings.bins, settings.min_level_count)
        for name in names
    ]
    width = sum(f.width for f in learned)
    offsets = np.cumsum([0] + [f.width for f in learned])[:-1]
    codes = np.column_stack([f.encode(data.column(f.name)) for f in learned])
    train_codes = (codes[~holdout] + offsets).astype(np.int32)
    bases = np.array(
        [
            o + np.bincount(train_codes[:, j] - o, minlength=f.width).argmax()
            for j, (o, f) in enumerate(zip(offsets, learned, strict=True))
        ]
    )
    intercept, flat = fitting.fit(
        train_codes, y[~holdout], width, settings.l2, settings.max_iterations, bases
    )
    weights = [flat[o : o + f.width] for o, f in zip(offsets, learned, strict=True)]
    reference = [float(weights[j][codes[~holdout, j]].mean()) for j in range(len(learned))]
    model = Model(outcome, learned, intercept, weights, reference)
    probability = expit(model.linear(codes))
    evaluation = evaluate(y[holdout], probability[holdout], model, settings)
    evaluation["rows"] = {"train": int((~holdout).sum()), "held_out": int(holdout.sum())}
    model.metadata = {
        "outcome": outcome,
        "features": names,
        "protected_left_out": left_out,
        "protected_allowed": list(allow_protected),
        "settings": settings.as_dict(),
        "base_rate": float(y[~holdout].mean()),
        "evaluation": evaluation,
        **(description or {}),
    }
    return Training(model, evaluation, holdout, rows, y, probability)


def _check_rows(outcome: str, y: np.ndarray, holdout: np.ndarray, settings: TrainingSettings) -> None:
    if len(y) < settings.min_rows:
        raise SegmentationDataError(
            f"too few rows with an outcome: {len(y)} (at least {settings.min_rows} needed)."
        )
    smaller = min(int(y.sum()), int((~y).sum()))
    if smaller == 0:
        raise SegmentationDataError(f"outcome column {outcome!r} has one class only.")
    if smaller < settings.min_class_rows:
        raise SegmentationDataError(
            f"outcome column {outcome!r} has too few rows of one class "
            f"({smaller}; at least {settings.min_class_rows} needed)."
        )
    if not all(part.any() and not part.all() for part in (y[holdout], y[~holdout])):
        raise SegmentationDataError(
            f"outcome column {outcome!r}: too few rows of one class to hold some out."
        )


def evaluate(y: np.ndarray, probability: np.ndarray, model: Model, settings: TrainingSettings) -> dict:
    return {
        "auc": metrics.auc(y, probability),
        "ece": metrics.ece(y, probability, settings.calibration_bins),
        "calibration_curve": metrics.calibration_curve(y, probability, settings.calibration_bins),
        "observed_rate": float(y.mean()),
        "mean_predicted": float(probability.mean()),
        "weighing_most": model.weighing_most(settings.top_factors),
    }
