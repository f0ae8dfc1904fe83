"""Taking the check-up again: a person with a saved check-up starts from its answers (from their page or
the start page), sees what changed since then, and saves the new one next to the old."""

from __future__ import annotations

import pytest

from careerlens.portal.journey import SESSION_KEY
from careerlens.portal.models import CheckUp
from tests.portal.conftest import SUPERVISOR, text, walk

pytestmark = pytest.mark.django_db


def test_the_start_page_offers_the_saved_answers(saved):
    saved.post("/en/check-up/restart/")  # a new visit: nothing in the session
    page = text(saved.get("/en/check-up/"))
    assert "Start from the answers you saved on" in page and "/en/check-up/mine/retake/" in page


def test_taking_it_again_starts_from_the_saved_answers(saved):
    saved.post("/en/check-up/restart/")
    response = saved.post("/en/check-up/mine/retake/")
    assert response.status_code == 302 and response["Location"].endswith("/check-up/step/situation/")
    kept = CheckUp.objects.get().answers
    assert saved.session[SESSION_KEY] == kept
    assert 'value="retail supervisor"' in text(saved.get("/en/check-up/step/occupation/"))


def test_the_results_compare_with_the_saved_check_up_and_a_new_save_joins_it(saved):
    saved.post("/en/check-up/mine/retake/")
    changed = {"occupation": "welder", "years": "6", "training": "3", "then": "next"}
    assert saved.post("/en/check-up/step/occupation/", changed).status_code == 302
    assert saved.post("/en/check-up/step/skills/", {"then": "next"}).status_code == 302  # a new occupation
    page = text(saved.get("/en/check-up/results/"))
    assert "Since your check-up of" in page and "Then: Low risk of a career interruption." in page
    assert "Your occupation has changed since then." in page
    assert saved.post("/en/check-up/save/").status_code == 302
    assert [c.answers["occupation"]["noc"] for c in CheckUp.objects.all()] == ["72106", "62010"]


def test_the_results_of_a_visitor_compare_with_nothing(visitor, world):
    walk(visitor, SUPERVISOR)
    assert "Since your check-up" not in text(visitor.get("/en/check-up/results/"))
