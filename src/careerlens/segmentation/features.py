"""A client's answers as the segmentation models see them: the same features as the analytics snapshot
(docs/segmentation.md), read from the client record, their program memberships and spells, their latest
referral and their latest completed common assessment."""

from __future__ import annotations

from careerlens.accounts.roles import OrganisationKind
from careerlens.casework import instrument
from careerlens.casework.models import Assessment
from careerlens.clients.choices import ReferralSource
from careerlens.reference.occupations import Occupation, Outlook

PROGRAMS = {"ow": "ontario_works", "odsp": "odsp", "ei": "ei"}


def _program(client) -> str:
    current = client.memberships.filter(end_date__isnull=True).values_list("program", flat=True)
    for program in ("ow", "odsp", "ei"):
        if program in current:
            return PROGRAMS[program]
    return "none"


def _referral_source(client) -> str | None:
    referral = client.referrals.select_related("from_organisation").order_by("-created_at").first()
    if referral is None:
        return None
    if referral.source == ReferralSource.CASEWORKER and referral.from_organisation:
        kind = referral.from_organisation.kind
        return "odsp_office" if kind == OrganisationKind.ODSP_OFFICE else "ontario_works_office"
    return {ReferralSource.PROVIDER: "community_agency"}.get(referral.source, "self")


def _number(value):
    if value in (None, "", "prefer_not"):
        return None
    return float(value)


def _outlook(code: str) -> str:
    """The COPS 2024–2033 future condition of the occupation, with the simulator's codes."""
    found = Outlook.objects.filter(occupation_id=code).values_list("future_outlook", flat=True).first()
    return found or "unknown"


def _career_index(answers: dict, version: int) -> float | None:
    """The mean of the 15 career measures: the 11 Blueprint self-ratings and the four adaptability
    dimensions (each the mean of its items), as the snapshot's ``career_index``."""
    if not answers:
        return None
    found = instrument.scores(answers, version)
    questions = instrument.instrument(version).module("career_management").questions
    ratings = [answers.get(q.id) for q in questions]
    measures = [v for v in [*ratings, *found["adaptability"].values()] if isinstance(v, int | float)]
    return sum(measures) / len(measures) if measures else None


def answers_for(client) -> dict:
    """The feature values of ``client`` (``None`` where unknown: the model has a level for it)."""
    latest = Assessment.objects.filter(client=client, status="completed").order_by("-completed_at").first()
    a = latest.answers if latest else {}
    last = Occupation.objects.filter(code=a.get("last_occupation") or "").first()
    housing = a.get("housing")
    return {
        "program": _program(client),
        "employed_at_referral": a.get("situation") == "employed" if a else None,
        "education": a.get("education") if a.get("education") != "prefer_not" else "prefer_not_to_answer",
        "months_out_of_work": _number(a.get("months_out_of_work")),
        "language_barrier": (a.get("language_training") == "yes") if a else None,
        "criminal_record": None,
        "housing_unstable": None if housing in (None, "prefer_not") else housing != "stable",
        "prior_ow_spells": float(client.spells.filter(program="ow").count()),
        "prior_teer": float(last.teer) if last else None,
        "prior_outlook": _outlook(last.code) if last else "unknown",
        "past_hourly_wage": _number(a.get("last_hourly_wage")),
        "goal_hourly_wage": _number(a.get("goal_hourly_wage")),
        "dependants": None,
        "catchment": client.catchment_id,
        "referral_source": _referral_source(client),
        "declined_count": float(sum(1 for value in a.values() if value == "prefer_not")),
        "career_index": _career_index(a, latest.instrument_version) if latest else None,
        "self_efficacy": _number(a.get("self_efficacy")),
    }
