"""Arrow tables from a simulated province, and their Parquet files (plus truth.json and
calibration.json). The same province always gives the same bytes: fixed column order, fixed schemas,
single-threaded dictionary building, sorted JSON keys, no timestamps."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from . import calibration, disclosure, events, occupations
from .config import (
    ADAPTABILITY,
    CAREER_MANAGEMENT,
    CATCHMENT_CODES,
    CONTRACT_TYPES,
    CREDENTIALS,
    DISABILITY_TYPES,
    EDUCATION,
    EVIDENCE,
    EXIT_REASONS,
    GENDERS,
    INTERVENTIONS,
    OUTLOOKS,
    PROGRAMS,
    RACES,
    REFERRAL_SOURCES,
    SKILLS_TRAINING,
    STREAMS,
)
from .episodes import COMPLETED, INTERVENTION_STATUSES, intervention_rows
from .schema import DECLINED, TABLES, arrow_schema

FILES = tuple(f"{name}.parquet" for name in TABLES) + ("truth.json", "calibration.json")
WHITE, INDIGENOUS = RACES.index("white"), RACES.index("indigenous")


def dictionary(codes, vocabulary, mask=None) -> pa.DictionaryArray:
    codes = np.asarray(codes).astype(np.int32)
    invalid = codes < 0 if mask is None else (mask | (codes < 0))
    indices = pa.array(codes, type=pa.int32(), mask=invalid if invalid.any() else None)
    return pa.DictionaryArray.from_arrays(indices, pa.array(list(vocabulary), type=pa.string()))


def dates(days, mask=None) -> pa.Array:
    days = np.asarray(days).astype(np.int32)
    invalid = days < 0 if mask is None else (mask | (days < 0))
    return pa.array(days, type=pa.int32(), mask=invalid if invalid.any() else None).cast(pa.date32())


def values(array, kind: pa.DataType, mask=None) -> pa.Array:
    array = np.asarray(array)
    if array.dtype.kind == "f":
        nan = np.isnan(array)
        mask = nan if mask is None else (mask | nan)
    return pa.array(array, type=kind, mask=mask if mask is not None and mask.any() else None)


def _table(name: str, columns: dict) -> pa.Table:
    schema = arrow_schema(name)
    arrays = []
    for field in schema:
        data = columns[field.name]
        if not isinstance(data, pa.Array):
            data = values(data, field.type)
        arrays.append(data)
    return pa.Table.from_arrays(arrays, schema=schema)


def _yes_no(codes, missing) -> pa.DictionaryArray:
    return dictionary(codes, disclosure.YES_NO, missing)


def clients(p) -> pa.Table:
    people, rec = p.people, p.recorded
    no = ~p.referrals.intake  # Common Assessment answers exist only after intake
    occ = occupations.load()
    race = rec["race"]
    years = rec["years_since_arrival"]
    prior = people["prior_noc"]
    never = prior < 0
    ca = lambda array, kind: values(array, kind, no)  # noqa: E731
    return _table(
        "clients",
        {
            "client_id": people["client_id"],
            "catchment": dictionary(people["catchment"], CATCHMENT_CODES),
            "program": dictionary(people["program"], PROGRAMS),
            "employed_at_referral": people["employed"],
            "age": people["age"],
            "gender": dictionary(rec["gender"], GENDERS + (DECLINED,), no),
            "lgbtq": _yes_no(rec["lgbtq"], no),
            "indigenous": _yes_no(rec["indigenous"], no),
            "francophone": _yes_no(rec["francophone"], no),
            "race": dictionary(race, RACES + (DECLINED,), no),
            "racialized": values(
                (race != WHITE) & (race != INDIGENOUS), pa.bool_(), no | (race == len(RACES))
            ),
            "disability": dictionary(rec["disability"], DISABILITY_TYPES + (DECLINED,), no),
            "criminal_record": _yes_no(rec["criminal_record"], no),
            "born_outside_canada": _yes_no(rec["born_outside_canada"], no),
            "years_since_arrival": values(years, pa.int8(), no | (years < 0)),
            "newcomer": values(
                (years >= 0) & (years <= 5), pa.bool_(), no | (rec["born_outside_canada"] == 2)
            ),
            "dependants": values(rec["dependants"], pa.int8(), no | (rec["dependants"] < 0)),
            "declined_dependants": ca(rec["declined_dependants"], pa.bool_()),
            "education": dictionary(rec["education"], EDUCATION + (DECLINED,), no),
            "language_barrier": ca(people["language_barrier"], pa.bool_()),
            "housing_unstable": ca(people["housing_unstable"], pa.bool_()),
            "youth_high_needs": ca(rec["youth_high_needs"], pa.bool_()),
            "women_high_needs": ca(rec["women_high_needs"], pa.bool_()),
            "months_out_of_work": people["months_out"],
            "prior_ow_spells": people["prior_ow_spells"],
            "prior_noc": dictionary(prior, occ.codes.tolist(), never),
            "prior_teer": values(people["prior_teer"], pa.int8(), never),
            "prior_outlook": dictionary(people["prior_outlook"], OUTLOOKS, never),
            "past_hourly_wage": ca(rec["past_wage"], pa.float32()),
            "declined_past_wage": ca(rec["declined_past_wage"], pa.bool_()),
            "current_hourly_wage": ca(rec["current_wage"], pa.float32()),
            "current_hours_per_week": values(people["current_hours"], pa.float32()),
            "declined_current_wage": ca(rec["declined_current_wage"], pa.bool_()),
            "goal_hourly_wage": ca(rec["goal_wage"], pa.float32()),
            "declined_goal_wage": ca(rec["declined_goal_wage"], pa.bool_()),
            "declined_any": ca(rec["declined_any"], pa.bool_()),
            "declined_count": ca(rec["declined_count"], pa.int8()),
        },
    )


def episodes(p) -> pa.Table:
    r, x = p.referrals, p.exits
    no = ~r.intake
    planned_end = r.intake_day + np.round(p.action.plan_months * 30.44).astype(np.int32)
    return _table(
        "episodes",
        {
            "client_id": p.people["client_id"],
            "provider_id": dictionary(p.provider, p.network.provider_ids.tolist()),
            "referral_source": dictionary(r.source, REFERRAL_SOURCES),
            "referral_date": dates(r.referral_day),
            "intake_completed": r.intake,
            "intake_date": dates(r.intake_day),
            "practitioner_id": dictionary(p.practitioner, p.network.practitioner_ids.tolist()),
            "risk_score": values(p.risk.astype(np.float32), pa.float32(), no),
            "stream": dictionary(p.stream, STREAMS),
            "planned_end_date": dates(planned_end, no),
            "exit_date": dates(x.day),
            "exit_reason": dictionary(x.reason, EXIT_REASONS),
            "site_id": dictionary(p.site, p.sites.site_ids.tolist()),
            "goal_noc": dictionary(p.careers.goal, occupations.load().codes.tolist()),
        },
    )


def assessments(p) -> pa.Table:
    first, second = p.intake_answers, p.exit_answers
    both = lambda a, b: np.concatenate([a, b])  # noqa: E731
    client = both(first.client, second.client)
    columns = {
        "client_id": p.people["client_id"][client],
        "occasion": dictionary(
            np.repeat([0, 1], [len(first.client), len(second.client)]), ("intake", "exit")
        ),
        "assessment_date": dates(both(p.referrals.intake_day[first.client], p.exits.day[second.client])),
        "self_efficacy": both(first.self_efficacy, second.self_efficacy),
        "career_index": both(first.career_index, second.career_index),
    }
    for row, name in enumerate(CAREER_MANAGEMENT):
        columns[name] = both(first.career_management[row], second.career_management[row])
    for row, name in enumerate(ADAPTABILITY):
        columns[name] = both(first.adaptability[row], second.adaptability[row])
    return _table("assessments", columns)


def interventions_table(p, rows) -> pa.Table:
    return _table(
        "interventions",
        {
            "intervention_id": np.arange(1, len(rows.client) + 1, dtype=np.int64),
            "client_id": p.people["client_id"][rows.client],
            "intervention": dictionary(rows.kind, INTERVENTIONS),
            "planned_start_date": dates(rows.planned_start),
            "planned_end_date": dates(rows.planned_end),
            "start_date": dates(rows.start),
            "end_date": dates(rows.end),
            "status": dictionary(rows.status, INTERVENTION_STATUSES),
            "credential": dictionary(
                np.where(
                    (rows.kind == SKILLS_TRAINING) & (rows.status == COMPLETED),
                    p.careers.credential[rows.client],
                    -1,
                ),
                CREDENTIALS,
            ),
        },
    )


def jobs(p) -> pa.Table:
    j = p.jobs
    occ = occupations.load()
    return _table(
        "jobs",
        {
            "job_id": np.arange(1, len(j.client) + 1, dtype=np.int64),
            "client_id": p.people["client_id"][j.client],
            "start_date": dates(j.start_day),
            "months_after_intake": p.job_month[j.client],
            "during_service": p.exits.reason[j.client] == 0,
            "noc": dictionary(j.noc, occ.codes.tolist()),
            "teer": occ.teer[j.noc],
            "outlook": dictionary(occ.outlook[j.noc], OUTLOOKS),
            "same_field": j.same_field,
            "hours_per_week": j.hours,
            "hourly_wage": j.wage,
            "fit_rating": j.fit_rating,
            "end_date": dates(j.end_day),
            "contract_type": dictionary(p.careers.contract, CONTRACT_TYPES),
            "goal_field": values(p.careers.goal_field, pa.bool_(), p.careers.goal[j.client] < 0),
        },
    )


def checkpoints(p) -> pa.Table:
    c, j = p.checkpoints, p.jobs
    away = ~c.employed
    return _table(
        "checkpoints",
        {
            "job_id": c.job.astype(np.int64) + 1,
            "client_id": p.people["client_id"][j.client[c.job]],
            "months": c.months,
            "due_date": dates(c.due_day),
            "employed": c.employed,
            "hours_per_week": values(j.hours[c.job], pa.float32(), away),
            "hourly_wage": values(j.wage[c.job], pa.float32(), away),
            "evidence": dictionary(c.evidence, EVIDENCE),
            "outcome_met": c.outcome_met,
        },
    )


def ow_spells(p) -> pa.Table:
    s = p.ow_spells
    job_of_client = np.full(p.n, -1, dtype=np.int64)
    job_of_client[p.jobs.client] = np.arange(1, len(p.jobs.client) + 1)
    months = s.return_months
    return _table(
        "ow_spells",
        {
            "client_id": p.people["client_id"][s.client],
            "job_id": job_of_client[s.client],
            "exit_date": dates(s.exit_day),
            "return_date": dates(s.return_day),
            "months_to_return": values(months, pa.int16(), months < 0),
        },
    )


def providers(p) -> pa.Table:
    net = p.network
    count = np.bincount(net.practitioner_provider, minlength=len(net.provider_ids)).astype(np.int32)
    return _table(
        "providers",
        {
            "provider_id": dictionary(np.arange(len(net.provider_ids)), net.provider_ids.tolist()),
            "catchment": dictionary(net.provider_catchment, CATCHMENT_CODES),
            "serves_in_french": net.provider_french,
            "practitioners": count,
        },
    )


def practitioners(p) -> pa.Table:
    net = p.network
    return _table(
        "practitioners",
        {
            "practitioner_id": dictionary(
                np.arange(len(net.practitioner_ids)), net.practitioner_ids.tolist()
            ),
            "provider_id": dictionary(net.practitioner_provider, net.provider_ids.tolist()),
            "ccdp_certified": net.practitioner_ccdp,
            "years_experience": net.practitioner_experience,
        },
    )


def sites(p) -> pa.Table:
    s, net = p.sites, p.network
    return _table(
        "sites",
        {
            "site_id": dictionary(np.arange(len(s.site_ids)), s.site_ids.tolist()),
            "provider_id": dictionary(s.site_provider, net.provider_ids.tolist()),
            "catchment": dictionary(net.provider_catchment[s.site_provider], CATCHMENT_CODES),
            "main_site": s.site_main,
        },
    )


def events_table(p, rows) -> pa.Table:
    e = events.build(p, rows)
    return _table(
        "events",
        {
            "event_id": np.arange(1, len(e["client"]) + 1, dtype=np.int64),
            "client_id": p.people["client_id"][e["client"]],
            "event_date": dates(e["day"]),
            "event_type": dictionary(e["event_type"], events.EVENT_TYPES),
            "detail": dictionary(e["detail"], events.DETAILS),
            "ref_id": values(e["ref"], pa.int64(), e["ref"] < 0),
        },
    )


def truth_clients(p) -> pa.Table:
    t = dict(p.truth)
    t["gender"] = dictionary(t["gender"], GENDERS)
    t["race"] = dictionary(t["race"], RACES)
    t["disability"] = dictionary(t["disability"], DISABILITY_TYPES)
    t["education"] = dictionary(t["education"], EDUCATION)
    t["stream_true"] = dictionary(t["stream_true"], STREAMS)
    t["born_outside_canada"] = t.pop("immigrant")
    years = t["years_since_arrival"]
    t["years_since_arrival"] = values(years, pa.int8(), years < 0)
    t["past_hourly_wage"] = t.pop("past_wage")
    t["current_hourly_wage"] = t.pop("current_wage")
    t["goal_hourly_wage"] = t.pop("goal_wage")
    return _table("truth_clients", t)


BUILDERS = {
    "clients": lambda p, rows: clients(p),
    "episodes": lambda p, rows: episodes(p),
    "assessments": lambda p, rows: assessments(p),
    "interventions": interventions_table,
    "jobs": lambda p, rows: jobs(p),
    "checkpoints": lambda p, rows: checkpoints(p),
    "ow_spells": lambda p, rows: ow_spells(p),
    "providers": lambda p, rows: providers(p),
    "practitioners": lambda p, rows: practitioners(p),
    "sites": lambda p, rows: sites(p),
    "events": events_table,
    "truth_clients": lambda p, rows: truth_clients(p),
}


def iter_tables(p):
    """(name, table) for every output table, built one at a time, in the order of ``schema.TABLES``."""
    rows = intervention_rows(p.action, p.referrals.intake_day, p.exits.day)
    for name in TABLES:
        yield name, BUILDERS[name](p, rows)


def tables(p) -> dict[str, pa.Table]:
    return dict(iter_tables(p))


def _json(data) -> bytes:
    return (json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False, allow_nan=False) + "\n").encode()


def _replace(path: Path, write) -> None:
    """Write beside the target and rename, so a file is either the old one or the complete new one."""
    temporary = path.with_name(f".{path.name}.partial")
    try:
        write(temporary)
        os.replace(temporary, path)
    finally:
        if temporary.exists():
            temporary.unlink()


def write(p, directory, *, compression: str = "zstd") -> dict[str, int]:
    """Write every table as ``<name>.parquet``, ``truth.json`` and ``calibration.json`` into ``directory``
    (created if missing). Returns the number of rows per table."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    rows = {}
    for name, table in iter_tables(p):
        rows[name] = table.num_rows
        _replace(
            directory / f"{name}.parquet",
            lambda path, table=table: pq.write_table(
                table, path, compression=compression, write_statistics=True, row_group_size=1 << 20
            ),
        )
        del table
    _replace(directory / "truth.json", lambda path: path.write_bytes(_json(p.summary)))
    report = calibration.report(directory)
    _replace(directory / "calibration.json", lambda path: path.write_bytes(_json(report)))
    return rows
