"""The training shown under each pathway is filtered by the person's situation and age with the rules of the
check-up's own programs file; the late-career section follows LATE_CAREER_FROM."""

from __future__ import annotations

import json
import re

import pytest

from careerlens.portal import catalogue
from careerlens.portal.selectors import LATE_CAREER_FROM, eligible_training
from tests.portal.conftest import SUPERVISOR, WELDER, text, walk

ENGINE_PROGRAMS = catalogue.DATA.parents[1] / "analytics" / "pathways" / "data" / "programs.json"
YOUTH = ("Youth Job Connection", "Connexion Emploi jeunesse")


def engine_ids() -> list[str]:
    return [p["id"] for p in json.loads(ENGINE_PROGRAMS.read_text(encoding="utf-8"))["programs"]]


def every_program_under_a_pathway() -> list[dict]:
    return [{"target": "72106", "programs": [{"id": i, "name": i, "closes": []} for i in engine_ids()]}]


def shown_under_pathways(situation: str, age: int) -> set[str]:
    found = eligible_training(every_program_under_a_pathway(), situation, age)
    return {m["id"] for p in found for m in p["programs"]}


def test_every_program_of_the_pathway_engine_has_a_rule_in_the_check_up_file():
    assert set(engine_ids()) <= set(catalogue.by_id())


def test_an_employed_welder_of_58_is_offered_no_youth_or_laid_off_only_training():
    shown = shown_under_pathways("employed", 58)
    assert "youth_job_connection" not in shown
    assert "better_jobs_ontario" not in shown
    assert "targeted_initiative_older_workers" not in shown  # for people out of work
    assert {"canada_ontario_job_grant", "apprenticeship"} <= shown


def test_a_laid_off_person_is_offered_better_jobs_ontario():
    assert "better_jobs_ontario" in shown_under_pathways("notice", 41)
    assert "targeted_initiative_older_workers" in shown_under_pathways("notice", 58)


def test_a_young_person_out_of_work_is_offered_youth_job_connection():
    assert "youth_job_connection" in shown_under_pathways("unemployed", 22)


def pathways_section(body: str) -> str:
    return re.search(r'<h2 id="pathways">(.*?)<section aria-labelledby="(?:late|programs)">', body).group(1)


@pytest.mark.django_db
def test_the_welders_results_show_no_youth_program_under_the_pathways(visitor):
    for language in ("en", "fr"):
        visitor.post(f"/{language}/check-up/restart/")
        walk(visitor, WELDER, language)
        body = text(visitor.get(f"/{language}/check-up/results/"))
        section = pathways_section(body)
        assert "<h3>" in section  # pathways were found
        assert not any(name in section for name in YOUTH), language
        assert "Better Jobs Ontario" not in section and "Meilleurs emplois Ontario" not in section
        # Listed in the programs, with the reason, never hidden.
        assert YOUTH[0 if language == "en" else 1] in body


@pytest.mark.django_db
def test_the_laid_off_supervisors_results_show_better_jobs_ontario_under_the_pathways(visitor):
    walk(visitor, SUPERVISOR)
    section = pathways_section(text(visitor.get("/en/check-up/results/")))
    assert "Training that closes these gaps" in section and "Better Jobs Ontario" in section


@pytest.mark.django_db
def test_the_late_career_section_shows_from_its_age_only(visitor):
    assert 35 < LATE_CAREER_FROM <= 58
    walk(visitor, WELDER)
    assert 'id="late"' in text(visitor.get("/en/check-up/results/"))
    visitor.post("/en/check-up/restart/")
    walk(visitor, {**WELDER, "situation": {"situation": "employed", "age": "35"}})
    assert 'id="late"' not in text(visitor.get("/en/check-up/results/"))
