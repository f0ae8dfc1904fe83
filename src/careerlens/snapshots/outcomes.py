"""The ``jobs``, ``checkpoints`` and ``ow_spells`` tables: each client's first job from intake on, its
verified outcome checkpoints, and the Ontario Works spell the client left for it (with the return, if
any), as known on the as-of date (docs/export.md)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from careerlens.analytics.synth.episodes import DAYS_PER_MONTH
from careerlens.casework.models import Checkpoint, Job
from careerlens.clients.choices import AssistanceProgram
from careerlens.clients.models import AssistanceSpell
from careerlens.snapshots import mapping
from careerlens.snapshots.pseudonyms import Pseudonyms
from careerlens.snapshots.selectors import Case, by_client, end_of, goals, occupations

MAX_MONTHS = 127  # months_after_intake is an int8
# An Ontario Works spell left "for the job" ends within this window around the job's start (days).
OW_EXIT_BEFORE_START, OW_EXIT_AFTER_START = 30, 90


def _float(value) -> float | None:
    return None if value is None else float(value)


def _past(day: dt.date | None, as_of: dt.date) -> dt.date | None:
    return day if day is not None and day <= as_of else None


class Outcomes:
    """The first job of each client with an intake, and what follows from it."""

    def __init__(self, cases: list[Case], ids: Callable[[int], int], as_of: dt.date):
        self.as_of, self.ids = as_of, ids
        recorded = by_client(
            Job.objects.filter(start_date__lte=as_of, created_at__lt=end_of(as_of))
            .order_by("start_date", "pk")
            .values("id", "client_id", "occupation_id", "hours_per_week", "hourly_wage", "start_date",
                    "end_date")
        )  # fmt: skip
        job_ids = Pseudonyms("job")
        self.jobs: list[tuple[Case, dict, int]] = []  # (case, job, job_id)
        for case in cases:
            if case.episode is None:
                continue
            intake = case.episode["opened_on"]
            first = next((j for j in recorded.get(case.pk, []) if j["start_date"] >= intake), None)
            if first is not None:
                self.jobs.append((case, first, job_ids(first["id"])))

    def job_rows(self) -> list[dict]:
        known, goal = occupations(), goals(self.as_of)
        out = []
        for case, job, job_id in self.jobs:
            teer, outlook = known.get(job["occupation_id"], (None, "unknown"))
            exit_date = _past(case.episode["closed_on"], self.as_of)
            days = (job["start_date"] - case.episode["opened_on"]).days
            prior = (case.answers or {}).get("last_occupation") or None
            aim = goal.get(case.episode["id"])
            out.append(
                {
                    "job_id": job_id,
                    "client_id": self.ids(case.pk),
                    "start_date": job["start_date"],
                    "months_after_intake": min(MAX_MONTHS, int(days // DAYS_PER_MONTH) + 1),
                    "during_service": exit_date is None or job["start_date"] <= exit_date,
                    "noc": job["occupation_id"],
                    "teer": teer,
                    "outlook": outlook,
                    "same_field": job["occupation_id"] == prior,
                    "hours_per_week": _float(job["hours_per_week"]),
                    "hourly_wage": _float(job["hourly_wage"]),
                    "end_date": _past(job["end_date"], self.as_of),
                    "goal_field": None if aim is None else aim[0] == job["occupation_id"][0],
                }
            )
        return out

    def checkpoint_rows(self) -> list[dict]:
        """Checkpoints verified by the as-of date (one not yet verified is not in the table)."""
        exported = {job["id"]: (case, job_id) for case, job, job_id in self.jobs}
        rows = Checkpoint.objects.filter(verified_at__lt=end_of(self.as_of)).order_by("job_id", "months")
        out = []
        for c in rows.values():
            if c["job_id"] not in exported:
                continue
            case, job_id = exported[c["job_id"]]
            employed = bool(c["employed"])
            out.append(
                {
                    "job_id": job_id,
                    "client_id": self.ids(case.pk),
                    "months": c["months"],
                    "due_date": c["due_date"],
                    "employed": employed,
                    "hours_per_week": _float(c["hours_per_week"]) if employed else None,
                    "hourly_wage": _float(c["hourly_wage"]) if employed else None,
                    "evidence": mapping.EVIDENCE.get(c["evidence"], mapping.NO_EVIDENCE),
                    "outcome_met": bool(c["outcome_met"]),
                }
            )
        return out

    def ow_spell_rows(self) -> list[dict]:
        """For each first job: the Ontario Works spell that ended around its start, and the next spell."""
        spells = by_client(
            AssistanceSpell.objects.filter(program=AssistanceProgram.OW, start_date__lte=self.as_of)
            .order_by("start_date", "pk")
            .values("client_id", "start_date", "end_date")
        )
        out = []
        for case, job, job_id in self.jobs:
            start = job["start_date"]
            low = start - dt.timedelta(days=OW_EXIT_BEFORE_START)
            high = start + dt.timedelta(days=OW_EXIT_AFTER_START)
            own = spells.get(case.pk, [])
            left = next(
                (s for s in own if (end := _past(s["end_date"], self.as_of)) and low <= end <= high), None
            )
            if left is None:
                continue
            back = next((s["start_date"] for s in own if s["start_date"] > left["end_date"]), None)
            out.append(
                {
                    "client_id": self.ids(case.pk),
                    "job_id": job_id,
                    "exit_date": left["end_date"],
                    "return_date": back,
                    "months_to_return": None
                    if back is None
                    else round((back - left["end_date"]).days / DAYS_PER_MONTH),
                }
            )
        return out
