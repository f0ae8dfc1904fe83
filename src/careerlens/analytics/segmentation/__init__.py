"""careerlens.analytics.segmentation: glass-box client segmentation (no Django).

    from careerlens.analytics.segmentation import train, Model
    result = train(table, "outcome")                 # binned L2 logistic regression, held-out evaluation
    result.model.probability({"program": "odsp"})    # one client
    Model.from_dict(result.model.as_dict())          # a model version is plain JSON data

The model, its parameters, the province models, streams, the fairness audit, the model card and the
early warning are in docs/segmentation.md.
"""

from .errors import SegmentationDataError
from .model import Factor, Model
from .settings import AuditSettings, StreamSettings, TrainingSettings
from .training import Training, train

__all__ = [
    "AuditSettings",
    "Factor",
    "Model",
    "SegmentationDataError",
    "StreamSettings",
    "Training",
    "TrainingSettings",
    "train",
]
