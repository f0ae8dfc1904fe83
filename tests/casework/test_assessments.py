"""The common assessment: save part-way, complete, who may see it, and reuse with the client's consent."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from careerlens.casework.models import Assessment
from careerlens.casework.services import assessments
from careerlens.clients import services as client_services
from careerlens.clients.choices import ConsentTopic
from careerlens.clients.models import Referral
from tests.casework.world import complete_answers


def test_a_module_with_a_bad_answer_stores_nothing(case, world):
    draft = case.amira.draft
    errors = assessments.save_module(
        world.users["practitioner"], draft, "employment", {"situation": "employed", "months_out_of_work": "x"}
    )
    assert set(errors) == {"months_out_of_work"}
    draft.refresh_from_db()
    assert "situation" not in draft.answers


def test_save_part_way_then_complete(case, world):
    practitioner = world.users["practitioner"]
    draft = case.amira.draft
    with pytest.raises(ValidationError, match="required question"):
        assessments.complete(practitioner, draft)
    answers = complete_answers()
    for module in draft.instrument.modules:
        part = {q.id: answers.get(q.id) for q in module.questions}
        assert assessments.save_module(practitioner, draft, module.code, part) == {}
    done = assessments.complete(practitioner, draft)
    assert done.is_completed and done.valid_until and done.scores["holland_code"]
    with pytest.raises(ValidationError, match="completed"):
        assessments.save_module(practitioner, done, "employment", {})


def _refer_to_toronto(case, world):
    return client_services.create_referral(
        world.users["practitioner"], case.people.amira, world.other_provider
    )


def test_another_provider_sees_the_assessment_only_with_the_clients_consent(case, world):
    _refer_to_toronto(case, world)
    toronto = world.users["other_practitioner"]
    visible = Assessment.objects.restrict(toronto).filter(client=case.people.amira)
    assert not visible.exists()
    consent = client_services.grant_consent(
        world.users["practitioner"], case.people.amira, world.other_provider, ConsentTopic.ASSESSMENT, None
    )
    assert set(visible.all()) == {case.amira.assessment, case.amira.draft}
    assert not Assessment.objects.restrict(toronto, "change").filter(client=case.people.amira).exists()
    client_services.withdraw_consent(world.users["practitioner"], consent)
    assert not visible.all().exists()


def test_reuse_copies_a_valid_shared_assessment_for_the_other_provider(case, world):
    _refer_to_toronto(case, world)
    toronto = world.users["other_practitioner"]
    amira = case.people.amira
    assert Referral.objects.filter(client=amira, provider=world.other_provider).exists()
    with pytest.raises(ValidationError, match="shared with you"):
        assessments.reuse(toronto, amira, case.amira.assessment)
    client_services.grant_consent(
        world.users["practitioner"], amira, world.other_provider, ConsentTopic.ASSESSMENT, None
    )
    copy = assessments.reuse(toronto, amira, case.amira.assessment)
    assert copy.provider == world.other_provider and copy.reused_from == case.amira.assessment
    assert copy.answers == case.amira.assessment.answers
    with pytest.raises(ValidationError, match="still valid"):
        assessments.reuse(toronto, amira, case.amira.draft)
