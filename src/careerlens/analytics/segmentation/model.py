"""A fitted model as plain data: the features (bins, levels), one coefficient per level, the intercept,
each feature's reference (its mean coefficient over the training rows, so that a person's factor is how
far their level moves the risk from an average client), the settings and the evaluation.

``as_dict``/``from_dict`` give a JSON-serialisable form that the app stores as a model version; scoring
one client (``probability``) is a few dictionary and list look-ups.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
from scipy.special import expit

from .encoding import Feature
from .errors import SegmentationDataError

FORMAT = "careerlens-segmentation-model/1"


@dataclass(frozen=True)
class Factor:
    """One feature's part in a person's risk: the level and its effect on the log-odds against an average
    client (positive raises the risk)."""

    feature: str
    level: str
    contribution: float


@dataclass
class Model:
    outcome: str
    features: list[Feature]
    intercept: float
    weights: list[np.ndarray]  # per feature, one coefficient per level
    reference: list[float]  # per feature, mean coefficient over the training rows
    metadata: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._lists = [[float(w) for w in weights] for weights in self.weights]

    @property
    def feature_names(self) -> list[str]:
        return [f.name for f in self.features]

    # -- scoring ------------------------------------------------------------------------------------
    def codes(self, table: pa.Table) -> np.ndarray:
        """(rows x features) level indices of a table that has every feature column."""
        missing = [name for name in self.feature_names if name not in table.column_names]
        if missing:
            raise SegmentationDataError(f"missing feature column(s): {', '.join(missing)}.")
        if not self.features:
            return np.zeros((table.num_rows, 0), dtype=np.int32)
        return np.column_stack([f.encode(table.column(f.name)) for f in self.features])

    def linear(self, codes: np.ndarray) -> np.ndarray:
        """Log-odds from level indices."""
        eta = np.full(len(codes), self.intercept)
        for j in range(len(self.features)):
            eta += self.weights[j][codes[:, j]]
        return eta

    def predict(self, table: pa.Table) -> np.ndarray:
        """Calibrated probability of the outcome for every row."""
        return expit(self.linear(self.codes(table)))

    def probability(self, answers: dict) -> float:
        """Probability for one client from a dict of answers (absent keys count as missing)."""
        eta = self.intercept
        for feature, weights in zip(self.features, self._lists, strict=True):
            eta += weights[feature.encode_value(answers.get(feature.name))]
        return 1.0 / (1.0 + math.exp(-eta))

    def factors(self, answers: dict) -> list[Factor]:
        """Every feature's contribution for one client, largest effect first."""
        found = []
        for feature, weights, reference in zip(self.features, self._lists, self.reference, strict=True):
            level = feature.encode_value(answers.get(feature.name))
            found.append(Factor(feature.name, feature.levels[level], weights[level] - reference))
        return sorted(found, key=lambda f: -abs(f.contribution))

    def weighing_most(self, top: int = 10) -> list[dict]:
        """The features whose levels spread the risk most (range of coefficients), with their extremes."""
        rows = []
        for feature, weights in zip(self.features, self.weights, strict=True):
            low, high = int(np.argmin(weights)), int(np.argmax(weights))
            rows.append(
                {
                    "feature": feature.name,
                    "spread": float(weights[high] - weights[low]),
                    "raises_risk": feature.levels[high],
                    "lowers_risk": feature.levels[low],
                }
            )
        return sorted(rows, key=lambda r: -r["spread"])[:top]

    # -- plain data ---------------------------------------------------------------------------------
    def as_dict(self) -> dict:
        return {
            "format": FORMAT,
            "outcome": self.outcome,
            "intercept": self.intercept,
            "features": [
                {**f.as_dict(), "coefficients": [float(w) for w in weights], "reference": float(reference)}
                for f, weights, reference in zip(self.features, self.weights, self.reference, strict=True)
            ],
            "metadata": self.metadata,
        }

    @classmethod
    def from_dict(cls, data: dict) -> Model:
        if data.get("format") != FORMAT:
            raise SegmentationDataError(f"not a segmentation model (format {data.get('format')!r}).")
        features = [Feature.from_dict(item) for item in data["features"]]
        weights = [np.asarray(item["coefficients"], dtype=np.float64) for item in data["features"]]
        for feature, w in zip(features, weights, strict=True):
            if len(w) != feature.width:
                raise SegmentationDataError(
                    f"{feature.name}: {len(w)} coefficients for {feature.width} levels."
                )
        return cls(
            outcome=data["outcome"],
            features=features,
            intercept=float(data["intercept"]),
            weights=weights,
            reference=[float(item["reference"]) for item in data["features"]],
            metadata=dict(data.get("metadata", {})),
        )
