"""The action plan: items from the catalogue, statuses, and who sees the plan summary."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from careerlens.casework.models import ActionPlan, PlanItem
from careerlens.casework.services import plans
from careerlens.clients import services as client_services
from careerlens.clients.choices import ConsentTopic


def test_items_come_from_the_catalogue(case, world):
    practitioner = world.users["practitioner"]
    with pytest.raises(ValidationError) as raised:
        plans.add_item(practitioner, case.amira.plan, intervention="astrology")
    assert "intervention" in raised.value.message_dict
    item = plans.add_item(
        practitioner,
        case.amira.plan,
        intervention="better_jobs_ontario",
        planned_start=datetime.date(2026, 1, 5),
    )
    assert "Better Jobs Ontario" in item.intervention_name


def test_moving_an_item_sets_its_dates(case, world):
    practitioner = world.users["practitioner"]
    day = datetime.date(2026, 3, 2)
    item = plans.move_item(practitioner, case.amira.item, "in_progress", day)
    assert item.started_on == day and item.ended_on is None
    item = plans.move_item(practitioner, item, "completed", day + datetime.timedelta(days=30))
    assert item.ended_on == day + datetime.timedelta(days=30)


def test_needed_competencies_follow_the_plan(case, world):
    assert plans.needed_competencies(case.people.amira) == {"ch10", "ex_career_counselling", "pp3"}
    plans.add_item(world.users["practitioner"], case.amira.plan, intervention="job_matching")
    assert "ex_work_development" in plans.needed_competencies(case.people.amira)


def test_a_caseworker_sees_the_plan_summary_only_while_the_consent_is_in_force(case, world):
    caseworker = world.users["caseworker"]
    amira = case.people.amira
    assert not ActionPlan.objects.restrict(caseworker).filter(client=amira).exists()
    consent = client_services.grant_consent(
        world.users["practitioner"], amira, world.office, ConsentTopic.PLAN_SUMMARY, None
    )
    assert ActionPlan.objects.restrict(caseworker).filter(client=amira).exists()
    assert PlanItem.objects.restrict(caseworker).filter(plan__client=amira).exists()
    assert not ActionPlan.objects.restrict(caseworker, "change").exists()
    client_services.withdraw_consent(world.users["practitioner"], consent)
    assert not ActionPlan.objects.restrict(caseworker).filter(client=amira).exists()
    assert not PlanItem.objects.restrict(caseworker).exists()
