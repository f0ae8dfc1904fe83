"""The common assessment instrument: data checks, answer checks and scores."""

from __future__ import annotations

import pytest
from django.utils import translation

from careerlens.casework.instrument import instrument, scores
from tests.casework.world import complete_answers


def test_the_instrument_has_its_five_modules_with_english_and_french_wording():
    found = instrument()
    codes = [module.code for module in found.modules]
    assert codes == ["life_stabilization", "employment", "career_management", "interests", "adaptability"]
    assert len(found.module("career_management").questions) == 11  # the Blueprint competencies
    assert {q.raw["riasec"] for q in found.module("interests").questions} == set("RIASEC")
    dimensions = {q.raw["dimension"] for q in found.module("adaptability").questions}
    assert dimensions == {"concern", "control", "curiosity", "confidence"}
    question = found.module("employment").questions[0]
    with translation.override("fr"):
        assert question.text == question.raw["fr"] != question.raw["en"]


@pytest.mark.parametrize(
    ("question_id", "value", "expected"),
    [
        ("housing", "stable", "stable"),
        ("housing", "prefer_not", "prefer_not"),
        ("cm_change_and_grow", "5", 5),
        ("months_out_of_work", " 12 ", 12),
        ("last_hourly_wage", "24.5", "24.50"),
        ("last_hourly_wage", "prefer_not", "prefer_not"),
        ("last_occupation", "72106", "72106"),
        ("housing", "", None),
    ],
)
def test_good_answers_are_stored_in_their_plain_form(question_id, value, expected):
    question = next(q for q in instrument().questions() if q.id == question_id)
    assert question.clean(value) == expected


@pytest.mark.parametrize(
    ("question_id", "value", "message"),
    [
        ("housing", "castle", "Choose one of the answers"),
        ("transportation", "prefer_not", "Choose one of the answers"),  # not offered here
        ("cm_change_and_grow", "6", "from 1 to 5"),
        ("months_out_of_work", "2.5", "whole number"),
        ("months_out_of_work", "many", "Enter a number"),
        ("last_hourly_wage", "-3", "from 0 to 500"),
        ("last_occupation", "7210", "five-digit"),
    ],
)
def test_bad_answers_are_refused_with_a_reason(question_id, value, message):
    question = next(q for q in instrument().questions() if q.id == question_id)
    with pytest.raises(ValueError, match=message):
        question.clean(value)


def test_scores_summarise_career_management_interests_and_adaptability():
    answers = complete_answers()
    answers.update({"riasec_s1": 5, "riasec_s2": 5, "riasec_e1": 1, "riasec_e2": 2, "adapt_concern1": 1})
    found = scores(answers)
    assert found["career_management"] == 4.0
    assert found["interests"]["S"] == 5.0 and found["interests"]["E"] == 1.5
    assert found["holland_code"][0] == "S" and "E" not in found["holland_code"]
    assert found["adaptability"]["concern"] == 3.0
    assert found["adaptability_overall"] == 3.75


def test_missing_lists_required_questions_without_answers():
    answers = complete_answers()
    assert instrument().missing(answers) == []
    del answers["housing"]
    assert [q.id for q in instrument().missing(answers)] == ["housing"]
