"""Practitioner profiles: who may edit whose, and what a profile may hold."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from careerlens.network import services
from careerlens.network.framework import area_choices, area_codes


def test_the_framework_has_its_four_categories():
    groups = area_choices()
    assert len(groups) == 4 and {"pp1", "ch10", "ex_career_counselling", "lo1"} <= area_codes()


def test_who_may_edit_a_profile(world):
    practitioner = world.users["practitioner"]
    assert services.may_edit(practitioner, practitioner)
    assert services.may_edit(world.users["provider_manager"], practitioner)
    assert services.may_edit(world.users["administrator"], practitioner)
    assert not services.may_edit(world.users["provider_manager"], world.users["other_practitioner"])
    assert not services.may_edit(world.users["ssm_manager"], practitioner)
    assert not services.may_edit(practitioner, world.users["provider_manager"])  # not a practitioner
    with pytest.raises(Http404):
        services.save_profile(world.users["caseworker"], practitioner, languages=["en"])


def test_a_profile_refuses_unknown_areas_and_inconsistent_certification(world):
    practitioner = world.users["practitioner"]
    with pytest.raises(ValidationError) as raised:
        services.save_profile(
            practitioner, practitioner, competency_areas=["pp1", "astrology"], languages=["en"]
        )
    assert "competency_areas" in raised.value.message_dict
    with pytest.raises(ValidationError) as raised:
        services.save_profile(
            practitioner, practitioner, languages=[], certified_on=datetime.date(2020, 1, 1)
        )
    assert {"languages", "certified_on"} <= set(raised.value.message_dict)
    profile = services.save_profile(
        practitioner,
        practitioner,
        competency_areas=["pp1", "ch10"],
        languages=["fr"],
        ccdp_certified=True,
        certified_on=datetime.date(2020, 1, 1),
    )
    assert profile.area_names()[1].startswith("Foundational") and profile.lacks(["ch10", "pp3"]) == ["pp3"]
