"""The timeline: every dated event of every client in one long table, sorted by client, date and the
natural order of events on a day. Built from the other tables with NumPy (concatenate, one sort)."""

from __future__ import annotations

import numpy as np

from .config import CHECKPOINT_MONTHS, EXIT_REASONS, INTERVENTIONS, STREAMS

EVENT_TYPES = (
    "referral",
    "intake",
    "assessment",
    "stream_assigned",
    "plan_created",
    "intervention_start",
    "intervention_end",
    "job_start",
    "checkpoint",
    "job_end",
    "exit",
    "ow_exit",
    "ow_return",
)
DETAILS = (
    INTERVENTIONS + STREAMS + ("intake", "exit") + tuple(f"{k}m" for k in CHECKPOINT_MONTHS) + EXIT_REASONS
)
_STREAM0 = len(INTERVENTIONS)
_OCCASION0 = _STREAM0 + len(STREAMS)
_CHECK0 = _OCCASION0 + 2
_EXIT0 = _CHECK0 + len(CHECKPOINT_MONTHS)


def _type(name: str) -> int:
    return EVENT_TYPES.index(name)


def build(p, interventions) -> dict[str, np.ndarray]:
    """Columns: client (row index), day, event_type, detail (-1: none), ref (-1: none), sorted."""
    intake = np.flatnonzero(p.referrals.intake).astype(np.int32)
    everyone = np.arange(p.n, dtype=np.int32)
    jobs, checks, spells = p.jobs, p.checkpoints, p.ow_spells
    job_ids = np.arange(1, len(jobs.client) + 1, dtype=np.int64)
    intervention_ids = np.arange(1, len(interventions.client) + 1, dtype=np.int64)
    started = interventions.start >= 0
    ended_jobs = jobs.end_day >= 0
    returned = spells.return_day >= 0
    job_of_client = np.full(p.n, -1, dtype=np.int64)
    job_of_client[jobs.client] = job_ids
    exit_assessed = p.exit_answers.client
    none = -1
    blocks = [  # (order, clients, days, type, detail, ref)
        (0, everyone, p.referrals.referral_day, "referral", none, none),
        (1, intake, p.referrals.intake_day[intake], "intake", none, none),
        (2, intake, p.referrals.intake_day[intake], "assessment", _OCCASION0, none),
        (3, intake, p.referrals.intake_day[intake], "stream_assigned", _STREAM0 + p.stream[intake], none),
        (4, intake, p.referrals.intake_day[intake], "plan_created", none, none),
        (
            5,
            interventions.client[started],
            interventions.end[started],
            "intervention_end",
            interventions.kind[started],
            intervention_ids[started],
        ),
        (
            6,
            interventions.client[started],
            interventions.start[started],
            "intervention_start",
            interventions.kind[started],
            intervention_ids[started],
        ),
        (7, jobs.client, jobs.start_day, "job_start", none, job_ids),
        (8, intake, p.exits.day[intake], "exit", _EXIT0 + p.exits.reason[intake], none),
        (9, exit_assessed, p.exits.day[exit_assessed], "assessment", _OCCASION0 + 1, none),
        (10, spells.client, spells.exit_day, "ow_exit", none, job_of_client[spells.client]),
        (
            11,
            jobs.client[checks.job],
            checks.due_day,
            "checkpoint",
            _CHECK0 + np.searchsorted(CHECKPOINT_MONTHS, checks.months),
            job_ids[checks.job],
        ),
        (12, jobs.client[ended_jobs], jobs.end_day[ended_jobs], "job_end", none, job_ids[ended_jobs]),
        (
            13,
            spells.client[returned],
            spells.return_day[returned],
            "ow_return",
            none,
            job_of_client[spells.client[returned]],
        ),
    ]
    sizes = [len(b[1]) for b in blocks]
    total = sum(sizes)
    client = np.empty(total, dtype=np.int32)
    day = np.empty(total, dtype=np.int32)
    order = np.empty(total, dtype=np.int8)
    kind = np.empty(total, dtype=np.int8)
    detail = np.empty(total, dtype=np.int8)
    ref = np.empty(total, dtype=np.int64)
    at = 0
    for (rank, clients, days, name, details, refs), size in zip(blocks, sizes, strict=True):
        part = slice(at, at + size)
        client[part], day[part], order[part], kind[part] = clients, days, rank, _type(name)
        detail[part], ref[part] = details, refs
        at += size
    base = int(day.min()) if total else 0
    key = (client.astype(np.int64) << 27) | ((day.astype(np.int64) - base) << 4) | order
    permutation = np.argsort(key, kind="stable")
    return {
        "client": client[permutation],
        "day": day[permutation],
        "event_type": kind[permutation],
        "detail": detail[permutation],
        "ref": ref[permutation],
    }
