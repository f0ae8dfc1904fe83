"""Assignments check language and competencies; transfers need a reason."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from careerlens.accounts.models import User
from careerlens.accounts.roles import Role
from careerlens.casework.services import assignments, plans
from careerlens.clients.models import Referral
from careerlens.network.models import Assignment, PractitionerProfile


@pytest.fixture
def colleague(world):
    user = User.objects.create(
        username="colleague",
        role=Role.PRACTITIONER,
        organisation=world.site,
        first_name="Colette",
        last_name="Lavoie",
    )
    PractitionerProfile.objects.create(user=user, competency_areas=["pp3"], languages=["fr"])
    return user


def test_a_transfer_checks_language_and_competencies(case, world, colleague):
    manager = world.users["provider_manager"]
    amira = case.people.amira  # served in English; her plan needs career counselling
    with pytest.raises(ValidationError) as raised:
        assignments.assign(manager, amira, colleague, reason="Closer to home")
    problems = " ".join(raised.value.message_dict["practitioner"])
    assert (
        "language" in problems and "Career counselling" in problems and "Foundational knowledge" in problems
    )
    profile = colleague.practitioner_profile
    profile.languages = ["en", "fr"]
    profile.competency_areas = ["pp3", "ch10", "ex_career_counselling"]
    profile.save()
    with pytest.raises(ValidationError) as raised:
        assignments.assign(manager, amira, colleague)
    assert "reason" in raised.value.message_dict
    moved = assignments.assign(manager, amira, colleague, reason="Closer to home")
    assert Assignment.objects.filter(client=amira, ended_at__isnull=True).get() == moved
    ended = Assignment.objects.get(client=amira, practitioner=world.users["practitioner"])
    assert ended.ended_at is not None and ended.reason == "Closer to home"


def test_an_added_plan_item_can_make_a_practitioner_unfit(case, world, colleague):
    profile = colleague.practitioner_profile
    profile.languages = ["en"]
    profile.competency_areas = ["pp3", "ch10", "ex_career_counselling"]
    profile.save()
    assert assignments.check_fit(case.people.amira, colleague) == []
    plans.add_item(world.users["practitioner"], case.amira.plan, intervention="work_placement")
    assert "Work development" in " ".join(assignments.check_fit(case.people.amira, colleague))


def test_only_practitioners_of_the_provider_can_be_assigned(case, world):
    with pytest.raises(ValidationError, match="your provider"):
        assignments.assign(
            world.users["provider_manager"], case.people.amira, world.users["other_practitioner"]
        )


def test_a_transfer_to_another_provider_is_a_referral_with_the_reason(case, world):
    with pytest.raises(ValidationError):
        assignments.transfer_to_provider(
            world.users["practitioner"], case.people.amira, world.other_provider, ""
        )
    referral = assignments.transfer_to_provider(
        world.users["practitioner"], case.people.amira, world.other_provider, "Moving to Toronto"
    )
    assert isinstance(referral, Referral) and referral.note == "Moving to Toronto"
    assert not Assignment.objects.filter(client=case.people.amira, ended_at__isnull=True).exists()
