"""The check-up journey, anonymously: every step, answers kept on back and forward and after an error that
names the field, the place found from the postal code or chosen, and the results."""

from __future__ import annotations

import re

import pytest

from careerlens.portal import journey
from tests.portal.conftest import SUPERVISOR, WELDER, items, text, walk

pytestmark = pytest.mark.django_db


def checked(body: str, name: str, value: str) -> bool:
    tags = re.findall(r"<input[^>]*>", body)
    return any(f'name="{name}"' in t and f'value="{value}"' in t and " checked" in t for t in tags)


def test_the_start_page_is_public_and_lists_the_steps(visitor):
    response = visitor.get("/en/check-up/")
    assert response.status_code == 200
    body = text(response)
    for _code, label in journey.STEPS:
        assert str(label) in body
    assert "/en/check-up/step/situation/" in body


def test_a_whole_journey_anonymously_ends_on_the_results(visitor):
    walk(visitor, SUPERVISOR)
    response = visitor.get("/en/check-up/results/")
    assert response.status_code == 200
    body = text(response)
    assert "62010" in body and "Retail sales supervisors" in body
    for section in ('id="health"', 'id="signals"', 'id="pathways"', 'id="programs"', 'id="providers"'):
        assert section in body
    assert "Better Jobs Ontario" in body  # laid off: training with a living allowance
    assert "Peel Careers" in body  # L5B is Mississauga: the providers of Peel
    assert "COPS 2024" in body and "Frey &amp; Osborne" in body  # where the signals come from
    assert "Holland code: CR" in body  # ties of the others break alphabetically
    assert "What you want from work: Better pay, Room to grow and learn." in body


def test_the_progress_shows_the_step_and_the_count(visitor):
    body = text(visitor.get("/en/check-up/step/wants/"))
    assert f"Step 3 of {len(journey.STEPS)}" in body
    assert 'aria-current="step"' in body


def test_back_and_forward_keep_the_answers(visitor):
    visitor.post("/en/check-up/step/situation/", {**WELDER["situation"], "then": "next"})
    response = visitor.post("/en/check-up/step/occupation/", {**WELDER["occupation"], "then": "back"})
    assert response.status_code == 302 and response["Location"].endswith("/step/situation/")
    situation = text(visitor.get("/en/check-up/step/situation/"))
    assert 'value="58"' in situation and checked(situation, "situation", "employed")
    assert not checked(situation, "situation", "notice")
    occupation = text(visitor.get("/en/check-up/step/occupation/"))
    assert 'value="soudeur"' in occupation and 'value="30.0"' in occupation


def test_answers_survive_a_new_request_of_the_same_session(visitor):
    walk(visitor, WELDER, "fr")
    first = visitor.get("/fr/check-up/results/")
    assert first.status_code == 200
    # A reload: new requests of the same session find every answer where it was.
    start = text(visitor.get("/fr/check-up/"))
    assert '<a class="cl-button" href="/fr/check-up/results/">Voir vos résultats</a>' in start
    assert "/fr/check-up/step/situation/" not in start.split("<main", 1)[1]  # no "start the check-up"
    again = visitor.get("/fr/check-up/results/")
    assert again.status_code == 200 and again.context["found"] == first.context["found"]
    assert again.context["found"]["occupation"]["code"] == "72106" and again.context["found"]["age"] == 58
    situation = text(visitor.get("/fr/check-up/step/situation/"))
    assert 'value="58"' in situation and checked(situation, "situation", "employed")


def test_bad_input_names_the_field_and_keeps_the_answers(visitor):
    answers = {"occupation": "welder", "years": "200", "training": "2", "then": "next"}
    response = visitor.post("/en/check-up/step/occupation/", answers)
    assert response.status_code == 400
    body = text(response)
    assert "Years in this occupation" in body and "less than or equal to 60" in body
    assert 'value="welder"' in body and 'value="2"' in body


def test_an_unknown_occupation_is_named(visitor):
    answers = {"occupation": "zzqqxx", "years": "2", "training": "2", "then": "next"}
    response = visitor.post("/en/check-up/step/occupation/", answers)
    assert response.status_code == 400
    assert "No occupation matches “zzqqxx”" in text(response)


def test_interests_need_every_item(visitor):
    answers = items("interests", "R")
    answers.pop(next(iter(answers)))
    response = visitor.post("/en/check-up/step/interests/", {**answers, "then": "next"})
    assert response.status_code == 400 and "This field is required" in text(response)


def test_a_postal_code_outside_ontario_is_refused(visitor):
    response = visitor.post("/en/check-up/step/place/", {"postal_code": "H2X 1Y4", "then": "next"})
    assert response.status_code == 400
    assert "Enter an Ontario postal code" in text(response)


def test_an_unknown_prefix_asks_the_person_to_choose_never_a_guess(visitor):
    walk(visitor, {**SUPERVISOR, "place": {"postal_code": "L5B"}})
    response = visitor.post("/en/check-up/step/place/", {"postal_code": "K0A 1A0", "then": "next"})
    assert response.status_code == 400
    assert "We do not know which region K0A is in" in text(response)
    response = visitor.post(
        "/en/check-up/step/place/", {"postal_code": "K0A 1A0", "catchment": "ottawa", "then": "next"}
    )
    assert response.status_code == 302
    assert journey.answers(visitor.session)["place"] == {"fsa": "K0A", "catchment": "ottawa", "chosen": True}


def test_skill_ratings_change_the_pathways(visitor):
    walk(visitor, WELDER)
    before = journey.answers(visitor.session)
    typical = text(visitor.get("/en/check-up/results/"))
    skills = dict.fromkeys(text(visitor.get("/en/check-up/step/skills/")).split('name="')[1:], "0")
    low = {name.split('"')[0]: "0" for name in skills if name.startswith("F")}
    assert len(low) == 6
    visitor.post("/en/check-up/step/skills/", {**low, "then": "next"})
    assert journey.answers(visitor.session)["skills"] != before.get("skills")
    rated = text(visitor.get("/en/check-up/results/"))
    assert rated.split('id="pathways"')[1] != typical.split('id="pathways"')[1]


def test_results_before_the_end_go_to_the_first_missing_step(visitor):
    visitor.post("/en/check-up/step/situation/", {**WELDER["situation"], "then": "next"})
    response = visitor.get("/en/check-up/results/")
    assert response.status_code == 302 and response["Location"].endswith("/step/occupation/")


def test_the_french_results_are_in_french(visitor):
    walk(visitor, WELDER, "fr")
    body = text(visitor.get("/fr/check-up/results/"))
    assert '<html lang="fr"' in body
    assert "Soudeurs/soudeuses" in body
    assert "Initiative ciblée pour les travailleurs âgés" in body  # 58: listed if the job ends
    assert "Subvention Canada-Ontario pour l&#x27;emploi" in body  # employed: the employer's training grant


def test_the_summary_prints_and_downloads_as_a_pdf(visitor):
    walk(visitor, WELDER, "fr")
    page = visitor.get("/fr/check-up/results/summary/")
    assert page.status_code == 200 and '<html lang="fr"' in text(page)
    pdf = visitor.get("/fr/check-up/results/summary/?format=pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF") and "career-check-up-fr.pdf" in pdf["Content-Disposition"]


def test_start_over_clears_the_answers(visitor):
    walk(visitor, WELDER)
    visitor.post("/en/check-up/restart/")
    assert journey.answers(visitor.session) == {}


def test_skill_names_are_marked_english_on_the_french_page(visitor):
    walk(visitor, WELDER, "fr")
    body = text(visitor.get("/fr/check-up/step/skills/"))
    assert '<legend class="ontario-fieldset__legend"><span lang="en">' in body
    assert 'name="F03a01"' in body  # Equipment and Tool Selection, a welder's first skill
