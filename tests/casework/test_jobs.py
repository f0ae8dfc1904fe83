"""Jobs and checkpoints: scheduling (as background reminders), career quality, verification, reminders."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from careerlens.casework.models import CaseTask, Checkpoint
from careerlens.casework.services import jobs
from careerlens.casework.tasks import remind_due_checkpoints
from careerlens.reference.occupations import Occupation


@pytest.fixture
def record(case, world, django_capture_on_commit_callbacks):
    """Record a job for Amira as the practitioner, running what waits for the commit (the enqueueing)."""

    def make(**change):
        with django_capture_on_commit_callbacks(execute=True):
            return _job(case, world, **change)

    return make


def _job(case, world, **change):
    values = {
        "employer": "Northern Steel",
        "occupation": Occupation.objects.get(code="72106"),
        "hours_per_week": Decimal("40"),
        "hourly_wage": Decimal("27.50"),
        "start_date": timezone.localdate() - datetime.timedelta(days=100),
        **change,
    }
    return jobs.record_job(world.users["practitioner"], case.people.amira, **values)


@pytest.mark.parametrize(
    ("start", "months", "due"),
    [
        (datetime.date(2026, 1, 31), 1, datetime.date(2026, 2, 28)),
        (datetime.date(2026, 1, 31), 3, datetime.date(2026, 4, 30)),
        (datetime.date(2025, 11, 15), 12, datetime.date(2026, 11, 15)),
        (datetime.date(2025, 12, 1), 1, datetime.date(2026, 1, 1)),
    ],
)
def test_add_months_keeps_the_day_or_takes_the_month_end(start, months, due):
    assert jobs.add_months(start, months) == due


def test_a_job_gets_four_checkpoints_each_with_a_background_reminder(record):
    before = DBTaskResult.objects.count()
    job = record()
    assert [c.months for c in job.checkpoints.order_by("months")] == [1, 3, 6, 12]
    assert DBTaskResult.objects.count() == before + 4
    queued = DBTaskResult.objects.order_by("-pk")[:4]
    assert {r.task_path for r in queued} == {"careerlens.casework.tasks.checkpoint_reminder"}
    assert sorted(r.run_after.date() for r in queued) == sorted(c.due_date for c in job.checkpoints.all())


def test_the_worker_runs_the_due_reminders_and_leaves_the_others(record, world, monkeypatch):
    # The worker closes database connections between tasks; inside this test's transaction it must not.
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)
    job = record()
    call_command("db_worker", batch=True, startup_delay=False, verbosity=0)
    reminded = CaseTask.objects.filter(checkpoint__job=job)
    assert sorted(task.checkpoint.months for task in reminded) == [1, 3]  # 100 days after the start
    assert {task.assigned_to for task in reminded} == {world.users["practitioner"]}
    assert "3-month checkpoint" in reminded.get(checkpoint__months=3).title
    assert DBTaskResult.objects.filter(status="READY").count() >= 2  # 6 and 12 months wait their turn


def test_career_quality_against_the_goal_and_the_last_job(case, record):
    job = record(occupation=Occupation.objects.get(code="72310"), hourly_wage=Decimal("30.00"))
    # The plan's goal is 72106 (welders), the same minor group as 72310? No: 7210 vs 7231.
    goal = case.amira.plan.career_goal
    assert job.in_goal_field is (goal.minor_group_id == job.occupation.minor_group_id)
    assert job.teer_change == Occupation.objects.get(code="72106").teer - job.occupation.teer
    assert job.wage_change == Decimal("5.50")  # the assessment says 24.50 an hour before


def test_a_checkpoint_cannot_be_verified_before_it_is_due(case, world):
    with pytest.raises(ValidationError, match="not due yet"):
        jobs.verify_checkpoint(
            world.users["practitioner"], case.amira.future_checkpoint, employed=False, evidence="none"
        )


def test_verifying_applies_the_rule_and_closes_the_reminder(case, world):
    checkpoint = case.amira.checkpoint
    remind_due_checkpoints()
    assert checkpoint.reminders.filter(done_at__isnull=True).exists()
    with pytest.raises(ValidationError, match="hours a week"):
        jobs.verify_checkpoint(world.users["practitioner"], checkpoint, employed=True, evidence="pay_stub")
    done = jobs.verify_checkpoint(
        world.users["practitioner"],
        checkpoint,
        employed=True,
        evidence="pay_stub",
        hours_per_week=Decimal("37.5"),
        hourly_wage=Decimal("26"),
    )
    assert done.outcome_met is True and done.status == "verified"
    assert not checkpoint.reminders.filter(done_at__isnull=True).exists()
    other = Checkpoint.objects.get(job=checkpoint.job, months=1)
    again = jobs.verify_checkpoint(
        world.users["practitioner"],
        other,
        employed=True,
        evidence="self_report",
        hours_per_week=Decimal("37.5"),
        hourly_wage=Decimal("26"),
    )
    assert again.outcome_met is False


def test_reminders_are_made_once(case, world):
    first = remind_due_checkpoints()
    assert first >= 2
    assert remind_due_checkpoints() == 0


def test_a_stranger_to_the_client_cannot_record_a_job(case, world):
    from django.http import Http404

    with pytest.raises(Http404):
        jobs.record_job(
            world.users["other_practitioner"],
            case.people.amira,
            employer="X",
            occupation=Occupation.objects.get(code="72106"),
            hours_per_week=Decimal(20),
            hourly_wage=Decimal(20),
            start_date=timezone.localdate(),
        )
