"""The evaluation table of a simulated province (docs/evaluation.md): one row per client who reached
intake, with the recorded characteristics that drive the choice of interventions, each intervention as a
yes/no treatment column, and the outcomes. Built from ``writer.tables(province)`` or from the Parquet files
``careerlens simulate`` writes."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from .errors import EvaluationError

INTERVENTIONS = ("job_search", "career_counselling", "skills_training", "work_placement", "basic_skills")
NEEDED = ("clients", "episodes", "interventions", "jobs", "checkpoints", "ow_spells", "assessments")
AGE_BANDS = ((16, "16-29"), (30, "30-44"), (45, "45-54"), (55, "55+"))
COVARIATES = (
    "stream",
    "program",
    "employed_at_referral",
    "age_band",
    "education",
    "long_term_unemployed",
    "months_out_of_work",
    "language_barrier",
    "provider_id",
)
OUTCOMES = ("job_12m", "outcome_12m", "earnings_12m", "ow_return_12m", "career_index_exit")
# the Ontario priority groups a person may belong to several of: one yes/no subgroup column each
PRIORITY_GROUPS = ("francophone", "indigenous", "newcomer", "disability", "racialized")
GROUPINGS = ("stream", "program", "age_band", "priority_group", *PRIORITY_GROUPS)
NOT_DISABLED = ("none", "prefer_not_to_answer")


def read_directory(directory: str | Path) -> dict[str, pa.Table]:
    directory = Path(directory)
    missing = [name for name in NEEDED if not (directory / f"{name}.parquet").is_file()]
    if missing:
        raise EvaluationError(
            f"{directory} is not a simulated province: missing {', '.join(f'{m}.parquet' for m in missing)}."
        )
    return {name: pq.read_table(directory / f"{name}.parquet") for name in NEEDED}


def _numpy(table: pa.Table, name: str) -> np.ndarray:
    column = table.column(name)
    if pa.types.is_dictionary(column.type):
        column = column.cast(column.type.value_type)
    return column.to_numpy(zero_copy_only=False)


def _by_client(clients: np.ndarray, ids: np.ndarray, values: np.ndarray, fill) -> np.ndarray:
    """``values`` keyed by ``ids`` placed on the rows of ``clients`` (``fill`` where absent)."""
    out = np.full(len(clients), fill, dtype=np.asarray(values).dtype)
    position = np.searchsorted(clients, ids)
    inside = (position < len(clients)) & (clients[np.minimum(position, len(clients) - 1)] == ids)
    out[position[inside]] = np.asarray(values)[inside]
    return out


def rest_of_plan(columns: dict, treatment: str) -> np.ndarray:
    """The other interventions in each plan, as one label ("job_search+work_placement"; "none")."""
    others = [name for name in INTERVENTIONS if name != treatment]
    label = np.full(len(columns[treatment]), "", dtype=object)
    for name in others:
        label = np.where(columns[name], np.where(label == "", name, label + "+" + name), label)
    return np.where(label == "", "none", label).astype(str)


def in_group(people: pa.Table, name: str) -> np.ndarray:
    """True where the person was recorded as belonging to the priority group ``name``; False otherwise
    (recorded as not, declined or not asked)."""
    values = _numpy(people, name)
    if name == "disability":  # the main type, or "unspecified" from an export
        return np.array([v is not None and v not in NOT_DISABLED for v in values], dtype=bool)
    if pa.types.is_boolean(people.column(name).type):
        return pc.fill_null(people.column(name), False).to_numpy(zero_copy_only=False).astype(bool)
    return values == "yes"


def earnings_12m(client_ids: np.ndarray, jobs: pa.Table, checks: pa.Table) -> pa.Array:
    """Weekly earnings ($) at the 12-month checkpoint of the job started within 12 months of intake: hours a
    week times hourly wage as recorded there; 0 without such a job or when no longer in it; null when that
    checkpoint is not recorded, or hours or wage are missing while employed."""
    early = _numpy(jobs, "months_after_intake") <= 12
    early_ids, early_clients = _numpy(jobs, "job_id")[early], _numpy(jobs, "client_id")[early]
    at_12 = _numpy(checks, "months") == 12
    job_ids = _numpy(checks, "job_id")[at_12]
    employed = _numpy(checks, "employed")[at_12].astype(bool)
    hours = pc.fill_null(checks.column("hours_per_week").cast(pa.float64()), np.nan).to_numpy()[at_12]
    wage = pc.fill_null(checks.column("hourly_wage").cast(pa.float64()), np.nan).to_numpy()[at_12]
    weekly = np.where(employed, np.round(hours * wage, 2), 0.0)
    order = np.argsort(early_ids)
    position = np.minimum(np.searchsorted(early_ids[order], job_ids), max(len(order) - 1, 0))
    found = early_ids[order][position] == job_ids if len(order) else np.zeros(len(job_ids), dtype=bool)
    recorded = _by_client(client_ids, early_clients[order][position[found]], weekly[found], np.nan)
    out = np.where(np.isin(client_ids, early_clients), recorded, 0.0)
    return pa.array(out, mask=np.isnan(out))


def covariates_for(treatment: str) -> list[str]:
    """The recommended covariates for evaluating one intervention on a province's table (with the rest of
    its plan); for another treatment (``program=ontario_works``), the same without the treatment's column."""
    if treatment in INTERVENTIONS:
        return [*COVARIATES, f"rest_of_plan_{treatment}"]
    column = treatment.split("=", 1)[0]
    return [name for name in COVARIATES if name != column]


def evaluation_table(tables: dict[str, pa.Table]) -> pa.Table:
    """One row per client with intake, sorted by ``client_id``."""
    missing = [name for name in NEEDED if name not in tables]
    if missing:
        raise EvaluationError(f"the province lacks the table(s): {', '.join(missing)}.")
    episodes = tables["episodes"].filter(pc.field("intake_completed"))
    clients = tables["clients"]
    order = np.argsort(_numpy(clients, "client_id"))
    client_ids = _numpy(episodes, "client_id")
    rows = order[np.searchsorted(_numpy(clients, "client_id")[order], client_ids)]
    people = clients.take(pa.array(rows))

    age = _numpy(people, "age")
    band = np.full(len(age), AGE_BANDS[0][1], dtype=object)
    for start, label in AGE_BANDS[1:]:
        band[age >= start] = label
    months_out = _numpy(people, "months_out_of_work")
    youth = _numpy(people, "youth_high_needs").astype(bool)
    women = _numpy(people, "women_high_needs").astype(bool)
    columns: dict[str, object] = {
        "client_id": client_ids,
        "catchment": _numpy(people, "catchment"),
        "provider_id": _numpy(episodes, "provider_id"),
        "stream": _numpy(episodes, "stream"),
        "program": _numpy(people, "program"),
        "employed_at_referral": _numpy(people, "employed_at_referral"),
        "age": age,
        "age_band": band,
        "education": _numpy(people, "education"),
        "months_out_of_work": months_out,
        "long_term_unemployed": months_out >= 12,
        "language_barrier": _numpy(people, "language_barrier").astype(bool),
        "priority_group": np.where(youth, "youth_high_needs", np.where(women, "women_high_needs", "none")),
    }
    for name in PRIORITY_GROUPS:
        columns[name] = in_group(people, name)
    plan = tables["interventions"]
    plan_clients, plan_kind = _numpy(plan, "client_id"), _numpy(plan, "intervention")
    for name in INTERVENTIONS:
        columns[name] = np.isin(client_ids, plan_clients[plan_kind == name])
    for name in INTERVENTIONS:
        columns[f"rest_of_plan_{name}"] = rest_of_plan(columns, name)

    jobs = tables["jobs"]
    early = _numpy(jobs, "months_after_intake") <= 12
    columns["job_12m"] = np.isin(client_ids, _numpy(jobs, "client_id")[early])
    checks = tables["checkpoints"]
    met = (_numpy(checks, "months") == 12) & _numpy(checks, "outcome_met").astype(bool)
    met_jobs = _numpy(checks, "job_id")[met]
    qualifying = early & np.isin(_numpy(jobs, "job_id"), met_jobs)
    columns["outcome_12m"] = np.isin(client_ids, _numpy(jobs, "client_id")[qualifying])
    columns["earnings_12m"] = earnings_12m(client_ids, jobs, checks)

    spells = tables["ow_spells"]
    months_back = pc.fill_null(spells.column("months_to_return"), 9999).to_numpy()
    returned = _by_client(client_ids, _numpy(spells, "client_id"), (months_back <= 12).astype(np.int8), -1)
    columns["ow_return_12m"] = pa.array(returned == 1, mask=returned < 0)

    assessments = tables["assessments"]
    occasion = _numpy(assessments, "occasion")
    for label, name in (("intake", "career_index_intake"), ("exit", "career_index_exit")):
        chosen = occasion == label
        values = _by_client(
            client_ids,
            _numpy(assessments, "client_id")[chosen],
            _numpy(assessments, "career_index")[chosen].astype(np.float64),
            np.nan,
        )
        columns[name] = pa.array(values, mask=np.isnan(values))
    table = pa.table(columns)
    return table.take(pc.sort_indices(table, [("client_id", "ascending")]))
