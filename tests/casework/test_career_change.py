"""Career indicators measured again at exit: the change from the intake assessment to the exit assessment,
the case file's prompt once an episode closes, and the table once both are completed."""

from __future__ import annotations

import datetime

from django.utils import timezone

from careerlens.casework import career_change
from careerlens.casework.choices import AssessmentStatus, Occasion
from careerlens.casework.instrument import scores
from careerlens.casework.models import Assessment, Episode
from careerlens.casework.services import episodes
from tests.casework.world import complete_answers


def _exit_assessment(case, world, rating: int) -> Assessment:
    """A completed exit assessment of Amira's whose scale answers (4 at intake) are ``rating``."""
    answers = {
        key: (rating if isinstance(value, int) and not isinstance(value, bool) and value == 4 else value)
        for key, value in complete_answers().items()
    }
    return Assessment.objects.create(
        client=case.people.amira,
        provider=world.provider,
        occasion=Occasion.EXIT,
        status=AssessmentStatus.COMPLETED,
        answers=answers,
        scores=scores(answers),
        completed_at=timezone.now() + datetime.timedelta(minutes=1),
    )


def _assessments(case):
    return list(Assessment.objects.filter(client=case.people.amira))


def test_no_change_without_an_exit_assessment(case):
    intake, exit_ = career_change.measured(_assessments(case))
    assert intake is not None and intake.occasion == Occasion.INTAKE and exit_ is None
    assert career_change.change(_assessments(case)) == []


def test_the_change_of_every_indicator_from_intake_to_exit(case, world):
    _exit_assessment(case, world, rating=5)
    rows = career_change.change(_assessments(case))
    assert [row.label for row in rows][:2] == [
        "Career management (the 11 Blueprint competencies)",
        "Career adaptability, overall",
    ]
    by_label = {row.label: row for row in rows}
    management = by_label["Career management (the 11 Blueprint competencies)"]
    assert (management.intake, management.exit, management.change) == (4.0, 5.0, 1.0)
    assert all(row.change == 1.0 for row in rows)


def test_an_exit_before_the_intake_does_not_count(case, world):
    earlier = _exit_assessment(case, world, rating=2)
    earlier.completed_at = timezone.now() - datetime.timedelta(days=400)
    earlier.save()
    assert career_change.change(_assessments(case)) == []


def test_closing_the_episode_asks_for_the_exit_measure_then_shows_the_change(case, world, client_for):
    browser = client_for("practitioner")
    amira = case.people.amira
    page = browser.get(f"/en/casework/clients/{amira.pk}/").content.decode()
    assert "Career indicators, intake to exit" in page
    assert "Start the exit assessment" not in page
    episode = Episode.objects.get(client=amira, provider=world.provider)
    episodes.close_episode(
        world.users["practitioner"], episode, closed_on=timezone.localdate(), exit_reason="employed"
    )
    page = browser.get(f"/en/casework/clients/{amira.pk}/").content.decode()
    assert "measure the career indicators again" in page and "Start the exit assessment" in page
    started = browser.post(f"/en/casework/clients/{amira.pk}/assessments/new/", {"occasion": "exit"})
    assert started.status_code == 302
    assert Assessment.objects.filter(client=amira, occasion=Occasion.EXIT).exists()
    _exit_assessment(case, world, rating=3)
    page = browser.get(f"/en/casework/clients/{amira.pk}/").content.decode()
    assert "Start the exit assessment" not in page
    assert "<td>4.0</td><td>3.0</td><td>-1.0</td>" in page


def test_the_french_case_file_names_the_indicators_in_french(case, world, client_for):
    _exit_assessment(case, world, rating=5)
    page = client_for("practitioner").get(f"/fr/casework/clients/{case.people.amira.pk}/").content.decode()
    assert "Gestion de carrière" in page and "<td>+1,0</td>" in page  # French decimals
