"""The "outcomes" file: one row per checkpoint verified (a job imported before, by its job_id, and the
checkpoint's months after the start). The IES funded-outcome rule decides from what was verified whether
the outcome counts, as on the checkpoint page."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from careerlens.accounts.scoping import Action
from careerlens.casework.choices import Evidence
from careerlens.casework.imports.fields import RowCheck, choice, text, yes_no
from careerlens.casework.imports.jobs import HOURS, WAGE
from careerlens.casework.imports.reading import Row
from careerlens.casework.imports.scope import ImportContext
from careerlens.casework.models import Checkpoint, Job
from careerlens.casework.models.external_ids import ExternalKind
from careerlens.casework.services.jobs import verify_checkpoint


@dataclass
class OutcomePlan:
    row: int
    checkpoint: Checkpoint
    employed: bool
    evidence: str
    hours_per_week: Decimal | None
    hourly_wage: Decimal | None

    def write(self, context: ImportContext) -> None:
        verify_checkpoint(
            context.actor,
            self.checkpoint,
            employed=self.employed,
            evidence=self.evidence,
            hours_per_week=self.hours_per_week,
            hourly_wage=self.hourly_wage,
        )
        context.report.counts["checkpoints"] += 1


def _job(check: RowCheck, context: ImportContext) -> Job | None:
    job_id = check.read("job_id", text(100), required=True)
    if job_id is None:
        return None
    job = (
        Job.objects.restrict(context.actor, Action.CHANGE)
        .filter(
            external_ids__system=context.system,
            external_ids__kind=ExternalKind.JOB,
            external_ids__value=job_id,
        )
        .first()
    )
    if job is None:
        check.problem(
            "job_id", _("No job with this job_id in %(system)s that you may change."), system=context.system
        )
    return job


def _checkpoint(check: RowCheck, context: ImportContext, job: Job, months: int) -> Checkpoint | None:
    checkpoint = job.checkpoints.filter(months=months).first()
    if checkpoint is None:
        check.problem("months", _("This job has no checkpoint at %(months)s months."), months=months)
    elif checkpoint.due_date > context.today:
        check.problem("months", _("This checkpoint is not due yet (due %(date)s)."), date=checkpoint.due_date)
    elif checkpoint.verified_at is not None:
        check.problem(
            "months",
            _("This checkpoint was already verified on %(date)s."),
            date=checkpoint.verified_at.date(),
        )
    else:
        return checkpoint
    return None


def check(context: ImportContext, rows: list[Row]) -> list[OutcomePlan]:
    months_allowed = [str(months) for months in settings.CHECKPOINT_MONTHS]
    seen: dict[tuple, int] = {}
    plans = []
    for row in rows:
        check_ = RowCheck(row, context.report)
        job = _job(check_, context)
        months = check_.read("months", choice(months_allowed), required=True)
        employed = check_.read("employed", yes_no, required=True)
        hours = check_.read("hours_per_week", HOURS, required=bool(employed))
        wage = check_.read("hourly_wage", WAGE, required=bool(employed))
        evidence = check_.read("evidence", choice(Evidence.values), required=True)
        if job is None or months is None:
            continue
        key = (job.pk, months)
        if key in seen:
            check_.problem("months", _("Row %(row)s verifies the same checkpoint."), row=seen[key])
            continue
        seen[key] = row.number
        checkpoint = _checkpoint(check_, context, job, int(months))
        if check_.ok:
            plans.append(OutcomePlan(row.number, checkpoint, employed, evidence, hours, wage))
    return plans
