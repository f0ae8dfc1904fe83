"""The ``episodes``, ``assessments`` and ``interventions`` tables: each client's referral, intake,
stream, action plan and exit, the career measures of the Common Assessment at intake and at exit, and the
action plan's interventions, as known on the as-of date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from statistics import fmean

from careerlens.casework.catalogue import catalogue
from careerlens.casework.choices import AssessmentStatus, Occasion
from careerlens.casework.instrument import ADAPTABILITY
from careerlens.casework.models import Assessment, PlanItem
from careerlens.network.models import Assignment
from careerlens.segmentation.models import StreamDecision
from careerlens.snapshots import mapping
from careerlens.snapshots.network import Network
from careerlens.snapshots.pseudonyms import Pseudonyms
from careerlens.snapshots.selectors import Case, by_client, end_of, goals, local_date, number

CAREER_MANAGEMENT = (
    "cm_positive_self_image", "cm_interact_with_others", "cm_change_and_grow", "cm_locate_information",
    "cm_work_and_economy", "cm_balanced_roles", "cm_changing_roles", "cm_lifelong_learning",
    "cm_life_work_decisions", "cm_manage_life_work_building", "cm_secure_maintain_work",
)  # fmt: skip
ADAPTABILITY_ITEMS = 3  # adapt_<dimension>1..3 in the instrument


def _past(day: dt.date | None, as_of: dt.date) -> dt.date | None:
    return day if day is not None and day <= as_of else None


def _referral_source(referral: dict) -> str:
    office = mapping.OFFICES.get(referral["from_organisation__kind"])
    if referral["source"] == "caseworker" and office:
        return office
    return mapping.REFERRAL_SOURCE[referral["source"]]


def _decisions(as_of: dt.date) -> dict[int, dict]:
    """The latest stream decision by the as-of date, by episode."""
    rows = (
        StreamDecision.objects.filter(episode__isnull=False, decided_at__lt=end_of(as_of))
        .order_by("decided_at", "pk")
        .values("episode_id", "risk", "final_stream")
    )
    return {row["episode_id"]: row for row in rows}


def _practitioners(as_of: dt.date) -> dict[tuple[int, int], list[dict]]:
    rows = (
        Assignment.objects.filter(started_at__lt=end_of(as_of))
        .order_by("started_at", "pk")
        .values("client_id", "provider_id", "practitioner_id", "started_at")
    )
    grouped: dict[tuple[int, int], list[dict]] = {}
    for row in rows:
        grouped.setdefault((row["client_id"], row["provider_id"]), []).append(row)
    return grouped


def _assigned_at_intake(assignments: list[dict], intake: dt.date) -> int | None:
    """The practitioner of the first assignment from the intake date on (or the last one before it)."""
    earlier = [a for a in assignments if local_date(a["started_at"]) < intake]
    later = [a for a in assignments if local_date(a["started_at"]) >= intake]
    chosen = later[0] if later else (earlier[-1] if earlier else None)
    return chosen["practitioner_id"] if chosen else None


def _plan_items(as_of: dt.date) -> dict[int, list[dict]]:
    """Plan items of plans made by the as-of date, by episode."""
    rows = (
        PlanItem.objects.filter(plan__created_at__lt=end_of(as_of), plan__episode__isnull=False)
        .order_by("planned_start", "pk")
        .values("id", "plan__episode_id", "intervention", "status", "planned_start", "planned_end",
                "started_on", "ended_on")
    )  # fmt: skip
    return by_client(rows, key="plan__episode_id")


def episode_rows(
    cases: list[Case], ids: Callable[[int], int], network: Network, as_of: dt.date
) -> list[dict]:
    decisions, assigned, items = _decisions(as_of), _practitioners(as_of), _plan_items(as_of)
    goal = goals(as_of)
    out = []
    for case in cases:
        e = case.episode
        row = {
            "client_id": ids(case.pk),
            "provider_id": network.provider_code(case.referral["provider_id"]),
            "referral_source": _referral_source(case.referral),
            "referral_date": case.referral_date,
            "intake_completed": e is not None,
        }
        row |= dict.fromkeys(("intake_date", "practitioner_id", "risk_score", "stream", "planned_end_date",
                              "exit_date", "exit_reason", "site_id", "goal_noc"))  # fmt: skip
        if e is not None:
            decision = decisions.get(e["id"], {})
            closed = _past(e["closed_on"], as_of)
            ends = [i["planned_end"] for i in items.get(e["id"], []) if i["planned_end"]]
            practitioner = _assigned_at_intake(assigned.get((case.pk, e["provider_id"]), []), e["opened_on"])
            row |= {
                "intake_date": e["opened_on"],
                "practitioner_id": network.practitioner_code(practitioner),
                "risk_score": decision.get("risk"),
                "stream": decision.get("final_stream") or e["stream"] or None,
                "planned_end_date": max(ends) if ends else None,
                "exit_date": closed,
                "exit_reason": mapping.answer_code(mapping.EXIT_REASON, e["exit_reason"]) if closed else None,
                "site_id": network.practitioner_site(practitioner),
                "goal_noc": goal.get(e["id"]),
            }
        out.append(row)
    return out


def _measures(answers: dict) -> dict:
    row = {}
    for name in CAREER_MANAGEMENT:
        value = number(answers.get(name))
        row[name] = None if value is None else int(value)
    for dimension in ADAPTABILITY:
        items = [number(answers.get(f"adapt_{dimension}{k}")) for k in range(1, ADAPTABILITY_ITEMS + 1)]
        items = [v for v in items if v is not None]
        row[f"adapt_{dimension}"] = fmean(items) if items else None
    value = number(answers.get("self_efficacy"))
    row["self_efficacy"] = None if value is None else int(value)
    measures = [row[name] for name in CAREER_MANAGEMENT] + [row[f"adapt_{d}"] for d in ADAPTABILITY]
    present = [v for v in measures if v is not None]
    row["career_index"] = fmean(present) if present else None
    return row


def assessment_rows(cases: list[Case], ids: Callable[[int], int], as_of: dt.date) -> list[dict]:
    """The first completed intake assessment and the last completed exit assessment of each client with
    an intake (review assessments are not in the schema)."""
    served = {case.pk for case in cases if case.episode is not None}
    rows = (
        Assessment.objects.filter(
            status=AssessmentStatus.COMPLETED,
            occasion__in=(Occasion.INTAKE, Occasion.EXIT),
            completed_at__lt=end_of(as_of),
        )
        .order_by("completed_at", "pk")
        .values("client_id", "occasion", "completed_at", "answers")
    )
    chosen: dict[tuple[int, str], dict] = {}
    for row in rows:
        if row["client_id"] in served:
            key = (row["client_id"], row["occasion"])
            if row["occasion"] == Occasion.EXIT or key not in chosen:
                chosen[key] = row
    out = []
    for (client, occasion), row in sorted(chosen.items(), key=lambda item: (ids(item[0][0]), item[0][1])):
        out.append(
            {
                "client_id": ids(client),
                "occasion": occasion,
                "assessment_date": local_date(row["completed_at"]),
                **_measures(row["answers"] or {}),
            }
        )
    return out


def intervention_rows(cases: list[Case], ids: Callable[[int], int], as_of: dt.date) -> list[dict]:
    """The plan items of each client's episode whose catalogue type has a schema code."""
    items, known, item_ids = _plan_items(as_of), catalogue(), Pseudonyms("intervention")
    out = []
    for case in cases:
        if case.episode is None:
            continue
        for item in items.get(case.episode["id"], []):
            found = known.get(item["intervention"])
            kind = mapping.INTERVENTION_TYPES.get(found.type) if found else None
            if kind is None:
                continue
            started, ended = _past(item["started_on"], as_of), _past(item["ended_on"], as_of)
            out.append(
                {
                    "intervention_id": item_ids(item["id"]),
                    "client_id": ids(case.pk),
                    "intervention": kind,
                    "planned_start_date": item["planned_start"],
                    "planned_end_date": item["planned_end"],
                    "start_date": started,
                    "end_date": ended,
                    "status": mapping.intervention_status(
                        item["status"], started is not None, ended is not None
                    ),
                }
            )
    return out
