"""Every parameter of the segmentation engine, with its default (documented in docs/segmentation.md)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from .errors import SegmentationDataError


@dataclass(frozen=True)
class TrainingSettings:
    bins: int = 20  # quantile bins for a numeric feature
    min_level_count: int = 30  # rarer levels (training rows) fall into "other"
    l2: float = 1.0  # L2 penalty on the coefficients (not the intercept)
    holdout_share: float = 0.3  # share of rows held out for evaluation
    split_seed: int = 20260601  # seed of the deterministic train / held-out split
    min_rows: int = 200  # fewest usable rows
    min_class_rows: int = 20  # fewest rows of each outcome class
    max_iterations: int = 500  # L-BFGS iterations
    calibration_bins: int = 10  # equal-count bins for the calibration error and curve
    top_factors: int = 10  # factors reported as weighing most

    def __post_init__(self) -> None:
        if self.bins < 2:
            raise SegmentationDataError(f"bins must be at least 2, not {self.bins}.")
        if not 0.05 <= self.holdout_share <= 0.5:
            raise SegmentationDataError(f"holdout_share must be 0.05-0.5, not {self.holdout_share}.")
        if self.l2 < 0:
            raise SegmentationDataError(f"l2 cannot be negative ({self.l2}).")

    def as_dict(self) -> dict:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class StreamSettings:
    """Risk cut-offs: A below ``b_from``, C at or above ``c_from``, B between."""

    b_from: float = 0.50
    c_from: float = 0.675

    def __post_init__(self) -> None:
        if not 0 < self.b_from < self.c_from < 1:
            raise SegmentationDataError(f"need 0 < b_from < c_from < 1, not {self.b_from}, {self.c_from}.")

    def as_dict(self) -> dict:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class AuditSettings:
    min_cell: int = 10  # groups with fewer held-out people are suppressed
    parity_low: float = 0.8  # a ratio to the reference group below this is flagged
    parity_high: float = 1.25  # ... or above this
    max_group_ece: float = 0.03  # a group's calibration error above this is flagged
    max_auc_drop: float = 0.05  # a group's AUC this far below the overall AUC is flagged
    min_rows_for_flags: int = 500  # rate-based flags need this many held-out people in the group

    def as_dict(self) -> dict:
        return dataclasses.asdict(self)
