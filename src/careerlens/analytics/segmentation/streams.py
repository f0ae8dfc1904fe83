"""Streams A, B, C from calibrated risk: A below ``b_from``, B from ``b_from``, C from ``c_from``
(StreamSettings; the defaults give about 22 / 31 / 47 % on the simulated province)."""

from __future__ import annotations

import numpy as np

from .settings import StreamSettings

STREAMS = ("A", "B", "C")
LABELS = {
    "A": {
        "en": "Stream A: lower risk, mostly self-directed help",
        "fr": "Volet A : risque plus faible, aide surtout autonome",
    },
    "B": {
        "en": "Stream B: moderate risk, some assisted help",
        "fr": "Volet B : risque modéré, aide en partie accompagnée",
    },
    "C": {"en": "Stream C: higher risk, intensive help", "fr": "Volet C : risque plus élevé, aide intensive"},
}


def stream_index(risk: np.ndarray, settings: StreamSettings | None = None) -> np.ndarray:
    """0 = A, 1 = B, 2 = C for every risk."""
    settings = settings or StreamSettings()
    risk = np.asarray(risk)
    return ((risk >= settings.b_from).astype(np.int8) + (risk >= settings.c_from)).astype(np.int8)


def stream(risk: float, settings: StreamSettings | None = None) -> str:
    settings = settings or StreamSettings()
    return STREAMS[int(risk >= settings.b_from) + int(risk >= settings.c_from)]


def shares(risk: np.ndarray, settings: StreamSettings | None = None) -> dict[str, float]:
    index = stream_index(risk, settings)
    counts = np.bincount(index, minlength=3)
    return {name: float(counts[i] / max(len(index), 1)) for i, name in enumerate(STREAMS)}
