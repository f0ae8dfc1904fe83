"""The postal-code table (longest prefix wins, unknown prefixes are not guessed) and the program rules
(age never hides a program: it only decides where it is listed; every rule cites an official source)."""

from __future__ import annotations

import csv
import json
import re
from datetime import date
from urllib.parse import urlsplit

import pytest

from careerlens.portal import catalogue
from careerlens.portal.selectors import programs

CATCHMENTS = catalogue.DATA.parents[1] / "reference" / "data" / "ontario" / "catchments.csv"


@pytest.mark.parametrize(
    ("postal_code", "catchment"),
    [
        ("M5V 3L9", "toronto"),
        ("k1a 0b1", "ottawa"),
        ("K2P", "ottawa"),
        ("L5B 3C2", "peel"),
        ("L8P", "hamilton-niagara"),
        ("N2L 3G1", "kitchener-waterloo-barrie"),
        ("P3E", "northeast"),
        ("P7B", "northwest"),
    ],
)
def test_known_prefixes_find_their_catchment(postal_code, catchment):
    assert catalogue.catchment_for(postal_code)[0] == catchment


@pytest.mark.parametrize("postal_code", ["K0A 1A0", "L0R", "N0B", "H2X 1Y4", ""])
def test_unknown_prefixes_are_not_guessed(postal_code):
    assert catalogue.catchment_for(postal_code) is None


def test_the_table_names_only_real_catchments_and_no_prefix_twice():
    with CATCHMENTS.open(encoding="utf-8") as handle:
        known = {row["code"] for row in csv.DictReader(handle)}
    rows = list(csv.DictReader((catalogue.DATA / "fsa_catchments.csv").open(encoding="utf-8")))
    assert {row["catchment"] for row in rows} <= known
    assert len({row["prefix"] for row in rows}) == len(rows)
    assert all(catalogue.FSA.match(row["prefix"]) or len(row["prefix"]) < 3 for row in rows)


def ids(found: list[dict]) -> set[str]:
    return {program["id"] for program in found}


def test_an_employed_welder_of_58_sees_the_older_workers_program_if_their_job_ends():
    found = programs("employed", 58, "en")
    assert {"canada_ontario_job_grant", "employment_services", "apprenticeship"} <= ids(found["now"])
    assert {"targeted_initiative_older_workers", "better_jobs_ontario"} <= ids(found["later"])


def test_a_laid_off_person_of_58_is_told_of_the_older_workers_program_now():
    now = ids(programs("notice", 58, "fr")["now"])
    assert {"targeted_initiative_older_workers", "better_jobs_ontario"} <= now


SITUATIONS = json.loads((catalogue.DATA / "programs.json").read_text())["situations"]


def shown(situation: str, age: int) -> set[str]:
    found = programs(situation, age, "en")
    return ids(found["now"]) | ids(found["later"]) | ids(found["check"])


@pytest.mark.parametrize("situation", SITUATIONS)
@pytest.mark.parametrize("age", [58, 65, 70])
def test_an_older_person_is_shown_every_program(situation, age):
    every = {program.id for program in catalogue.programs()}
    assert shown(situation, age) == every
    assert shown(situation, age) >= shown(situation, 35)


@pytest.mark.parametrize("age", [65, 70])
def test_past_its_age_range_the_older_workers_program_is_listed_with_the_reason(age):
    found = programs("unemployed", age, "en")
    check = {program["id"]: program for program in found["check"]}
    assert "targeted_initiative_older_workers" in check
    assert "targeted_initiative_older_workers" not in ids(found["now"]) | ids(found["later"])
    reason = check["targeted_initiative_older_workers"]["reason"]
    assert "55 to 64" in reason and "provider" in reason


def test_within_its_age_range_the_older_workers_program_is_not_in_the_age_group():
    found = programs("unemployed", 58, "en")
    assert "targeted_initiative_older_workers" in ids(found["now"])
    assert "targeted_initiative_older_workers" not in ids(found["check"])
    assert "youth_job_connection" in ids(found["check"])


def test_every_program_cites_an_official_source_with_an_address_and_the_date_checked():
    for program in catalogue.programs():
        assert program.sources, program.id
        for source in program.sources:
            address = urlsplit(source["url"])
            assert address.scheme in {"http", "https"} and address.netloc, (program.id, source["url"])
            assert "FACTS.md" not in json.dumps(source) and not source["url"].startswith(("/", "file:"))
            assert source["title"].strip() and source["publisher"].strip(), program.id
            assert date.fromisoformat(source["checked"]) <= date.today(), program.id


def test_a_rule_not_confirmed_by_its_source_says_what_is_to_verify_in_both_languages():
    for program in catalogue.programs():
        for language in ("en", "fr"):
            to_verify = program.text("to_verify", language)
            assert bool(to_verify.strip()) == (not program.verified), (program.id, language)


def test_a_program_without_a_source_address_is_refused(tmp_path, monkeypatch):
    raw = json.loads((catalogue.DATA / "programs.json").read_text())
    note = {"title": "our notes", "url": "", "publisher": "us", "checked": "2026-01-01"}
    raw["programs"][0]["sources"] = [note]
    (tmp_path / "programs.json").write_text(json.dumps(raw))
    monkeypatch.setattr(catalogue, "DATA", tmp_path)
    catalogue.programs.cache_clear()
    try:
        with pytest.raises(ValueError, match=re.escape(raw["programs"][0]["id"])):
            catalogue.programs()
    finally:
        monkeypatch.undo()
        catalogue.programs.cache_clear()


def test_a_program_naming_an_unknown_situation_is_refused(tmp_path, monkeypatch):
    raw = json.loads((catalogue.DATA / "programs.json").read_text())
    raw["programs"][0]["situations"] = ["astronaut"]
    (tmp_path / "programs.json").write_text(json.dumps(raw))
    monkeypatch.setattr(catalogue, "DATA", tmp_path)
    catalogue.programs.cache_clear()
    try:
        with pytest.raises(ValueError, match="astronaut"):
            catalogue.programs()
    finally:
        monkeypatch.undo()
        catalogue.programs.cache_clear()
