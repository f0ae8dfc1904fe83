"""The ``clients`` table: who each referred client is, as known at referral and as recorded at intake,
without name, birth date, contact details or postal code (the age at referral and the catchment instead).

Self-identification answers (client record) and Common Assessment answers are exported only for clients
whose referral reached intake by the as-of date, as the schema has them; what the app does not record is
null (docs/export.md, "What is null")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from careerlens.casework.instrument import PREFER_NOT
from careerlens.clients.choices import AssistanceProgram, ReferralSource
from careerlens.clients.models import AssistanceSpell, ProgramMembership
from careerlens.snapshots import mapping
from careerlens.snapshots.selectors import Case, by_client, number, occupations

YOUTH_MAX_AGE = 29  # priority groups: youth 16-29, women over 29, each with two or more barriers
HIGH_NEEDS_BARRIERS = 2
LONG_OUT_OF_WORK_MONTHS = 12
MAX_AGE = 127  # the int8 column


def age(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _program(memberships: list[dict], on: dt.date) -> str:
    held = {m["program"] for m in memberships if m["start_date"] <= on and (m["end_date"] or on) >= on}
    return next((code for program, code in mapping.PROGRAMS if program in held), mapping.NO_PROGRAM)


def _prior_ow_spells(spells: list[dict], referred: dt.date) -> int:
    return sum(1 for s in spells if s["end_date"] is not None and s["end_date"] < referred)


def _self_identification(client: dict, referred: dt.date) -> dict:
    code = mapping.answer_code
    arrival = client["arrival_year"]
    return {
        "gender": code(mapping.GENDER, client["gender"]),
        "indigenous": code(mapping.YES_NO, client["indigenous"]),
        "francophone": code(mapping.YES_NO, client["francophone"]),
        "racialized": code(mapping.YES_NO_FLAG, client["racialized"]),
        "disability": code(mapping.DISABILITY, client["disability"]),
        "years_since_arrival": max(0, referred.year - arrival) if arrival else None,
        "newcomer": code(mapping.YES_NO_FLAG, client["newcomer"]),
    }


def _assessment(answers: dict, occupation: Callable) -> dict:
    situation = answers.get("situation")
    prior = answers.get("last_occupation") or None
    teer, outlook = occupation(prior) if prior else (None, None)
    housing, language = answers.get("housing"), answers.get("language_training")
    months = number(answers.get("months_out_of_work"))
    return {
        "employed_at_referral": situation in mapping.EMPLOYED_SITUATIONS if situation else None,
        "education": mapping.answer_code(mapping.EDUCATION, answers.get("education")),
        "language_barrier": None if language in (None, "") else language == mapping.NEEDS_LANGUAGE_TRAINING,
        "housing_unstable": None
        if housing in (None, "", PREFER_NOT)
        else housing == mapping.UNSTABLE_HOUSING,
        "months_out_of_work": 0 if situation in mapping.EMPLOYED_SITUATIONS else months,
        "prior_noc": prior,
        "prior_teer": teer,
        "prior_outlook": outlook,
        "past_hourly_wage": number(answers.get("last_hourly_wage")),
        "declined_past_wage": answers.get("last_hourly_wage") == PREFER_NOT,
        "goal_hourly_wage": number(answers.get("goal_hourly_wage")),
        "declined_goal_wage": answers.get("goal_hourly_wage") == PREFER_NOT,
    }


def _high_needs(row: dict) -> None:
    """The two priority groups, from the barriers the app records (docs/export.md)."""
    barriers = sum(
        (
            row["education"] == "less_than_high_school",
            row["disability"] not in (None, "none", mapping.DECLINED),
            bool(row["housing_unstable"]),
            (row["months_out_of_work"] or 0) >= LONG_OUT_OF_WORK_MONTHS,
            bool(row["language_barrier"]),
        )
    )
    many = barriers >= HIGH_NEEDS_BARRIERS
    row["youth_high_needs"] = many and row["age"] <= YOUTH_MAX_AGE
    row["women_high_needs"] = many and row["gender"] == "woman" and row["age"] > YOUTH_MAX_AGE


def _declined(client: dict, answers: dict) -> int:
    asked = [client[name] for name in ("gender", "indigenous", "francophone", "racialized", "disability",
             "newcomer")] + list(answers.values())  # fmt: skip
    return sum(1 for value in asked if value in (PREFER_NOT, mapping.DECLINED))


def rows(cases: list[Case], ids: Callable[[int], int]) -> list[dict]:
    """One row per case, in the order of ``cases``."""
    memberships = by_client(
        ProgramMembership.objects.values("client_id", "program", "start_date", "end_date")
    )
    spells = by_client(
        AssistanceSpell.objects.filter(program=AssistanceProgram.OW).values("client_id", "end_date")
    )
    known = occupations()
    occupation = lambda code: known.get(code, (None, "unknown"))  # noqa: E731
    out = []
    for case in cases:
        client, referred = case.client, case.referral_date
        row = {
            "client_id": ids(case.pk),
            "catchment": client["catchment_id"],
            "program": _program(memberships.get(case.pk, []), referred),
            "age": min(max(age(client["date_of_birth"], referred), 0), MAX_AGE),
            "prior_ow_spells": _prior_ow_spells(spells.get(case.pk, []), referred),
        }
        row |= dict.fromkeys(_self_identification(client, referred))
        row |= dict.fromkeys(_assessment({}, occupation))
        if case.episode is not None:
            row |= _self_identification(client, referred)
        if case.answers is not None:
            row |= _assessment(case.answers, occupation)
        if row["employed_at_referral"] is None:  # no intake answer: a career check-up means working
            row["employed_at_referral"] = case.referral["source"] == ReferralSource.CHECKUP
        intake = case.episode is not None
        row["declined_count"] = _declined(client, case.answers or {}) if intake else None
        row["declined_any"] = bool(row["declined_count"]) if intake else None
        row |= dict.fromkeys(("youth_high_needs", "women_high_needs"))
        if intake:
            _high_needs(row)
        out.append(row)
    return out
