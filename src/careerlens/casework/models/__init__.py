"""The casework models: service episodes, assessments, action plans, jobs and checkpoints, notes and tasks."""

from careerlens.casework.models.assessments import Assessment
from careerlens.casework.models.episodes import Episode
from careerlens.casework.models.external_ids import ExternalId as ExternalId
from careerlens.casework.models.jobs import Checkpoint, Job
from careerlens.casework.models.notes import CaseTask, Note
from careerlens.casework.models.plans import ActionPlan, PlanItem

__all__ = ["ActionPlan", "Assessment", "CaseTask", "Checkpoint", "Episode", "Job", "Note", "PlanItem"]
