"""The postal-code table (longest prefix wins, unknown prefixes are not guessed) and the program rules
(age never hides a program: it only moves it between "now" and "if your situation changes")."""

from __future__ import annotations

import csv
import json

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
    assert {"older_workers", "better_jobs_ontario"} <= ids(found["later"])


def test_a_laid_off_person_of_58_is_told_of_the_older_workers_program_now():
    assert {"older_workers", "better_jobs_ontario"} <= ids(programs("notice", 58, "fr")["now"])


SITUATIONS = json.loads((catalogue.DATA / "programs.json").read_text())["situations"]


def shown(situation: str, age: int) -> set[str]:
    found = programs(situation, age, "en")
    return ids(found["now"]) | ids(found["later"])


@pytest.mark.parametrize("situation", SITUATIONS)
def test_an_older_person_sees_every_program_a_younger_one_sees(situation):
    for age in (55, 58, 64, 70, 85):
        assert shown(situation, age) >= shown(situation, 35), age


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
