"""Reads of the operational database for an export: each referred client's case as known on the as-of
date (the first referral made by then, the episode opened from it, the first completed intake
assessment), as plain rows; the table builders read the rest through the helpers here."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import timezone

from careerlens.casework.choices import AssessmentStatus, Occasion
from careerlens.casework.models import ActionPlan, Assessment, Episode
from careerlens.clients.models import Client, Referral
from careerlens.reference.occupations import Occupation

CLIENT_FIELDS = (
    "id", "catchment_id", "date_of_birth", "francophone", "indigenous", "newcomer", "arrival_year",
    "disability", "racialized", "gender",
)  # fmt: skip
REFERRAL_FIELDS = ("id", "client_id", "provider_id", "source", "from_organisation__kind", "created_at")
EPISODE_FIELDS = ("id", "client_id", "provider_id", "referral_id", "opened_on", "stream", "closed_on",
                  "exit_reason")  # fmt: skip


@dataclass
class Case:
    """One referred client: the row sources of the ``clients`` and ``episodes`` tables."""

    client: dict
    referral: dict
    referral_date: dt.date
    episode: dict | None  # None when the referral had not reached intake by the as-of date
    answers: dict | None  # the intake assessment's answers, None without one

    @property
    def pk(self) -> int:
        return self.client["id"]


def end_of(day: dt.date) -> dt.datetime:
    """The first moment after ``day`` (local time): records made before it were known on ``day``."""
    return timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min))


def local_date(moment: dt.datetime) -> dt.date:
    return timezone.localdate(moment)


def by_client(rows: Iterable[dict], key: str = "client_id") -> dict[int, list[dict]]:
    grouped: dict[int, list[dict]] = defaultdict(list)
    for row in rows:
        grouped[row[key]].append(row)
    return grouped


def first_by_client(rows: Iterable[dict]) -> dict[int, dict]:
    first: dict[int, dict] = {}
    for row in rows:
        first.setdefault(row["client_id"], row)
    return first


def _episode(candidates: list[dict], referral: dict, referred: dt.date) -> dict | None:
    """The episode opened from the referral, or else the first one at its provider opened after it."""
    for episode in candidates:
        if episode["referral_id"] == referral["id"]:
            return episode
    for episode in candidates:
        if episode["provider_id"] == referral["provider_id"] and episode["opened_on"] >= referred:
            return episode
    return None


def cases(as_of: dt.date) -> list[Case]:
    """Every client referred by ``as_of`` (merged duplicate records left out), in primary-key order."""
    before = end_of(as_of)
    referrals = first_by_client(
        Referral.objects.filter(created_at__lt=before, client__merged_into__isnull=True)
        .order_by("client_id", "created_at", "pk")
        .values(*REFERRAL_FIELDS)
    )
    episodes = by_client(Episode.objects.filter(opened_on__lte=as_of).order_by("opened_on", "pk").values(
        *EPISODE_FIELDS))  # fmt: skip
    answers = {
        row["client_id"]: row["answers"]
        for row in Assessment.objects.filter(
            occasion=Occasion.INTAKE, status=AssessmentStatus.COMPLETED, completed_at__lt=before
        )
        .order_by("-completed_at", "-pk")  # the earliest is written last
        .values("client_id", "answers")
    }
    found = []
    for client in Client.objects.filter(merged_into__isnull=True).order_by("pk").values(*CLIENT_FIELDS):
        referral = referrals.get(client["id"])
        if referral is None:
            continue
        referred = local_date(referral["created_at"])
        episode = _episode(episodes.get(client["id"], []), referral, referred)
        found.append(
            Case(client, referral, referred, episode, answers.get(client["id"]) if episode else None)
        )
    return found


def goals(as_of: dt.date) -> dict[int, str]:
    """The career goal (NOC 2021 unit group) of each episode's latest action plan made by ``as_of``."""
    rows = (
        ActionPlan.objects.filter(episode__isnull=False, created_at__lt=end_of(as_of))
        .order_by("created_at", "pk")
        .values_list("episode_id", "career_goal_id")
    )
    return {episode: goal for episode, goal in rows if goal}


def occupations() -> dict[str, tuple[int, str]]:
    """NOC 2021 unit group → (TEER, COPS 2024–2033 future outlook or ``unknown``)."""
    found = {}
    for code, teer, outlook in Occupation.objects.values_list("code", "teer", "outlook__future_outlook"):
        found[code] = (teer, outlook or "unknown")
    return found


def number(value) -> float | None:
    """An answer read as a number; None when blank, declined or not a number."""
    if value in (None, ""):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None
