"""Jobs and their checkpoints: recording a job schedules its checkpoints at 1, 3, 6 and 12 months (and a
background reminder for each), and a person verifies each checkpoint with its evidence."""

from __future__ import annotations

import calendar
import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from careerlens.casework import ies
from careerlens.casework.models import Assessment, Checkpoint, Job
from careerlens.casework.services.common import changeable
from careerlens.casework.services.plans import current_plan
from careerlens.clients.models import Client
from careerlens.reference.occupations import Occupation


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later (the month's last day when it is shorter)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _last_job(client: Client) -> tuple[Occupation | None, Decimal | None]:
    """The last occupation and wage the client reported in their latest completed assessment."""
    answers = (
        Assessment.objects.filter(client=client, status="completed")
        .order_by("-completed_at")
        .values_list("answers", flat=True)
        .first()
    ) or {}
    occupation = Occupation.objects.filter(code=answers.get("last_occupation") or "").first()
    wage = answers.get("last_hourly_wage")
    return occupation, (Decimal(wage) if wage not in (None, "", "prefer_not") else None)


def career_quality(client: Client, occupation: Occupation, wage: Decimal) -> dict:
    """In the field of the career goal (same unit group or minor group), TEER change (positive: a step up,
    to a lower TEER number) and wage change against the last job."""
    plan = current_plan(client)
    goal = plan.career_goal if plan else None
    in_goal = None if goal is None else goal.minor_group_id == occupation.minor_group_id
    last, last_wage = _last_job(client)
    return {
        "in_goal_field": in_goal,
        "teer_change": None if last is None else last.teer - occupation.teer,
        "wage_change": None if last_wage is None else wage - last_wage,
    }


@transaction.atomic
def record_job(actor, client: Client, **values) -> Job:
    changeable(actor, client)
    job = Job(client=client, recorded_by=actor, **values)
    job.episode = client.episodes.filter(closed_on__isnull=True).first()
    job.full_clean()
    for name, value in career_quality(client, job.occupation, job.hourly_wage).items():
        setattr(job, name, value)
    job.save()
    schedule_checkpoints(job)
    return job


def schedule_checkpoints(job: Job) -> list[Checkpoint]:
    from careerlens.casework.tasks import checkpoint_reminder

    checkpoints = []
    for months in settings.CHECKPOINT_MONTHS:
        checkpoint = Checkpoint.objects.create(
            job=job, months=months, due_date=add_months(job.start_date, months)
        )
        due = datetime.datetime.combine(
            checkpoint.due_date, datetime.time(6), tzinfo=timezone.get_current_timezone()
        )
        pk = checkpoint.pk
        transaction.on_commit(lambda pk=pk, due=due: checkpoint_reminder.using(run_after=due).enqueue(pk))
        checkpoints.append(checkpoint)
    return checkpoints


def verify_checkpoint(
    actor,
    checkpoint: Checkpoint,
    *,
    employed: bool,
    evidence: str,
    hours_per_week: Decimal | None = None,
    hourly_wage: Decimal | None = None,
) -> Checkpoint:
    """A person records what was found at the checkpoint; the IES rule decides whether the outcome counts."""
    job = checkpoint.job
    changeable(actor, job.client)
    if checkpoint.due_date > timezone.localdate():
        raise ValidationError(
            _("This checkpoint is not due yet (due %(date)s).") % {"date": checkpoint.due_date}
        )
    if employed and (hours_per_week is None or hourly_wage is None):
        raise ValidationError(_("Give the hours a week and the hourly wage of someone still working."))
    if not employed:
        hours_per_week = hourly_wage = None
    checkpoint.employed = employed
    checkpoint.hours_per_week = hours_per_week
    checkpoint.hourly_wage = hourly_wage
    checkpoint.evidence = evidence
    checkpoint.outcome_met = ies.outcome_met(
        employed=employed,
        hours_per_week=hours_per_week,
        hourly_wage=hourly_wage,
        evidence=evidence,
        due_date=checkpoint.due_date,
        subsidy_end_date=job.subsidy_end_date,
    )
    checkpoint.verified_by = actor
    checkpoint.verified_at = timezone.now()
    checkpoint.full_clean()
    checkpoint.save()
    checkpoint.reminders.filter(done_at__isnull=True).update(done_at=checkpoint.verified_at)
    return checkpoint
