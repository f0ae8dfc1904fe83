"""Casework records for the tests and the persona matrix, on top of ``tests/clients/world.py``.

Amira (Peel) has an open episode at Peel Careers in stream B, the practitioner persona assigned, a
completed intake assessment and one in progress, an action plan with a career-counselling item, a job that
started four months ago (its 1- and 3-month checkpoints due), a note and a task. The client persona's own
record has a plan too. Jean (Toronto) has the same kind of records at Toronto Jobs. Idempotent.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from types import SimpleNamespace

from django.utils import timezone

from careerlens.casework.choices import AssessmentStatus
from careerlens.casework.instrument import instrument, scores
from careerlens.casework.models import (
    ActionPlan,
    Assessment,
    CaseTask,
    Checkpoint,
    Episode,
    Job,
    Note,
    PlanItem,
)
from careerlens.casework.services.jobs import add_months
from careerlens.network.framework import area_codes
from careerlens.network.models import Assignment, PractitionerProfile
from tests.clients.world import build_clients


def complete_answers() -> dict:
    """An answer to every question of the current instrument (the first choice, 4 on scales)."""
    answers = {}
    for question in instrument().questions():
        if question.type == "choice":
            answers[question.id] = question.options[0]["value"]
        elif question.type == "scale":
            answers[question.id] = 4
        elif question.type == "noc":
            answers[question.id] = "72106"
        elif question.type in ("number", "money"):
            answers[question.id] = 6 if question.type == "number" else "24.50"
    return answers


def _records(client, provider, practitioner, stream: str) -> SimpleNamespace:
    today = timezone.localdate()
    episode = Episode.objects.filter(client=client, provider=provider).first() or Episode.objects.create(
        client=client, provider=provider, opened_on=today - datetime.timedelta(days=200), stream=stream
    )
    if not Assignment.objects.filter(client=client, ended_at__isnull=True).exists():
        Assignment.objects.create(client=client, practitioner=practitioner, provider=provider)
    answers = complete_answers()
    done = Assessment.objects.filter(client=client, status=AssessmentStatus.COMPLETED).first()
    done = done or Assessment.objects.create(
        client=client,
        provider=provider,
        status=AssessmentStatus.COMPLETED,
        answers=answers,
        scores=scores(answers),
        completed_at=timezone.now(),
        valid_until=today + datetime.timedelta(days=150),
    )
    draft = Assessment.objects.filter(client=client, status=AssessmentStatus.IN_PROGRESS).first()
    draft = draft or Assessment.objects.create(
        client=client, provider=provider, answers={"housing": "stable"}
    )
    plan = ActionPlan.objects.filter(client=client).first() or ActionPlan.objects.create(
        client=client, episode=episode, career_goal_id="72106", goal="Weld again, full time."
    )
    item = plan.items.first() or PlanItem.objects.create(plan=plan, intervention="career_counselling")
    start = add_months(today, -4)
    job = Job.objects.filter(client=client).first()
    if job is None:
        job = Job.objects.create(
            client=client,
            episode=episode,
            employer="Acme Fabrication",
            occupation_id="72106",
            hours_per_week=Decimal("37.5"),
            hourly_wage=Decimal("26.00"),
            start_date=start,
        )
        for months in (1, 3, 6, 12):
            Checkpoint.objects.create(job=job, months=months, due_date=add_months(start, months))
    note = Note.objects.filter(client=client).first() or Note.objects.create(client=client, text="Met today.")
    task = CaseTask.objects.filter(client=client).first() or CaseTask.objects.create(
        client=client, title="Call back", due_on=today, assigned_to=practitioner
    )
    return SimpleNamespace(
        episode=episode,
        assessment=done,
        draft=draft,
        plan=plan,
        item=item,
        job=job,
        checkpoint=job.checkpoints.get(months=3),
        future_checkpoint=job.checkpoints.get(months=12),
        note=note,
        task=task,
    )


def build_casework(world) -> SimpleNamespace:
    people = build_clients(world)
    for persona in ("practitioner", "other_practitioner"):
        PractitionerProfile.objects.get_or_create(
            user=world.users[persona],
            defaults={
                "competency_areas": sorted(area_codes()),
                "languages": ["en", "fr"],
                "ccdp_certified": True,
            },
        )
    amira = _records(people.amira, world.provider, world.users["practitioner"], "B")
    jean = _records(people.jean, world.other_provider, world.users["other_practitioner"], "C")
    own_plan = ActionPlan.objects.filter(client=people.own).first() or ActionPlan.objects.create(
        client=people.own, goal="Find part-time work close to home."
    )
    return SimpleNamespace(people=people, amira=amira, jean=jean, own_plan=own_plan)
