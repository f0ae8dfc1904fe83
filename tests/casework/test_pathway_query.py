"""casework.selectors.pathway_query: the case file's link to the pathway explorer, from the last occupation
of the client's latest completed assessment, with their Holland code, to their plan's career goal."""

from __future__ import annotations

import datetime
from types import SimpleNamespace
from urllib.parse import parse_qs

import pytest

from careerlens.casework.selectors import pathway_query

DAY = datetime.datetime(2026, 3, 1, 10, 0, tzinfo=datetime.UTC)


def assessment(occupation="72106", holland="SEC", *, status="completed", days=0):
    return SimpleNamespace(
        status=status,
        completed_at=DAY + datetime.timedelta(days=days) if status == "completed" else None,
        answers={} if occupation is None else {"last_occupation": occupation},
        scores={} if holland is None else {"holland_code": holland},
    )


def plan(goal=None):
    return SimpleNamespace(career_goal_id=goal)


def query(assessments, the_plan=None):
    return {key: values[0] for key, values in parse_qs(pathway_query(assessments, the_plan)).items()}


def test_origin_and_interests_from_the_assessment_and_the_goal_from_the_plan():
    assert query([assessment()], plan("72310")) == {"origin": "72106", "interests": "SEC", "goal": "72310"}


def test_no_plan_or_no_goal_gives_no_goal():
    assert query([assessment()]) == {"origin": "72106", "interests": "SEC"}
    assert query([assessment()], plan(None)) == {"origin": "72106", "interests": "SEC"}


def test_a_goal_equal_to_the_origin_is_left_out():
    assert "goal" not in query([assessment("72106")], plan("72106"))


def test_the_latest_completed_assessment_wins():
    older = assessment("65100", "RIA", days=0)
    newer = assessment("14110", "CES", days=30)
    draft = assessment("41200", "IAS", status="in_progress", days=60)
    assert query([newer, draft, older]) == {"origin": "14110", "interests": "CES"}


def test_completed_without_a_date_does_not_count():
    undated = assessment("41200", "IAS")
    undated.completed_at = None
    assert query([assessment("65100", "RIA"), undated]) == {"origin": "65100", "interests": "RIA"}


@pytest.mark.parametrize(
    "assessments",
    [
        [],
        [assessment(status="in_progress")],
        [assessment(None)],
        [assessment("")],
        [assessment("prefer_not")],
        [assessment("72106", days=0), assessment("prefer_not", days=5)],  # the latest has none
    ],
    ids=["none", "not completed", "no answer", "empty", "prefer not to say", "latest prefers not"],
)
def test_no_last_occupation_gives_no_link(assessments):
    assert pathway_query(assessments, plan("72310")) == ""


def test_no_holland_code_gives_empty_interests():
    assert query([assessment(holland=None)]) == {"origin": "72106"}
    assert pathway_query([assessment(holland=None)], None) == "origin=72106&interests="


@pytest.mark.django_db
def test_the_link_opens_the_explorer_with_the_clients_data(client):
    link = pathway_query([assessment("72106", "SEC")], plan("72310"))
    response = client.get(f"/en/pathways/?{link}")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Paths to 72310 Carpenters" in body
    assert 'value="SEC"' in body and 'id="form-errors"' not in body
