"""The fixed lists of casework: streams, statuses, evidence types, exit reasons."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stream(models.TextChoices):
    A = "A", _("Stream A (lowest support needs)")
    B = "B", _("Stream B")
    C = "C", _("Stream C (highest support needs)")


class ExitReason(models.TextChoices):
    EMPLOYED = "employed", _("Employed")
    TRAINING = "training", _("Went on to training or education")
    PLAN_COMPLETED = "plan_completed", _("Plan completed")
    DISENGAGED = "disengaged", _("Stopped taking part")
    MOVED = "moved", _("Moved or transferred")
    OTHER = "other", _("Other")


class Occasion(models.TextChoices):
    INTAKE = "intake", _("Intake")
    REVIEW = "review", _("Review")
    EXIT = "exit", _("Exit")


class AssessmentStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")


class PlanStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    CLOSED = "closed", _("Closed")


class ItemStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


class Evidence(models.TextChoices):
    PAY_STUB = "pay_stub", _("Pay stub")
    EMPLOYER_LETTER = "employer_letter", _("Employer letter")
    SELF_REPORT = "self_report", _("Client's own report")
    NONE = "none", _("No evidence")


# Evidence that can verify a funded outcome: never the client's own report alone.
VERIFYING_EVIDENCE = (Evidence.PAY_STUB, Evidence.EMPLOYER_LETTER)


class CheckpointStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    DUE = "due", _("Due")
    VERIFIED = "verified", _("Verified")
