"""The fixed lists of segmentation: which model, a version's states."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ModelKind(models.TextChoices):
    LONG_TERM = "long_term_unemployed", _("Risk of long-term unemployment")
    OW_RETURN = "ow_return_12m", _("Risk of returning to Ontario Works within 12 months")


class VersionState(models.TextChoices):
    TRAINED = "trained", _("Trained and evaluated")
    APPROVED = "approved", _("Approved")
    ACTIVE = "active", _("Active")
    RETIRED = "retired", _("Retired")


# train → evaluate (at training) → approve (by a person with that role) → activate; activating retires the
# version that was active.
MOVES = {VersionState.TRAINED: VersionState.APPROVED, VersionState.APPROVED: VersionState.ACTIVE}
