"""The two province models' training tables, built from an analytics snapshot (the simulated province's
``clients``, ``episodes``, ``assessments``, ``jobs`` and ``ow_spells`` tables, or the same tables exported
by the app):

- ``long_term_unemployed``: among clients whose referral reached intake, no job of ``MIN_HOURS``+ hours a
  week starting within ``HORIZON_MONTHS`` months of intake; features are the intake answers.
- ``ow_return_12m``: among Ontario Works clients who left Ontario Works for a job, back on Ontario Works
  within ``HORIZON_MONTHS`` months of leaving; features are the intake answers and the job they left for.

Protected characteristics are kept in the tables (for the audit) and left out of the models by
``train`` unless allowed.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from .errors import SegmentationDataError
from .settings import TrainingSettings
from .training import Training, train

MIN_HOURS = 20
HORIZON_MONTHS = 12
LONG_TERM = "long_term_unemployed"
OW_RETURN = "ow_return_12m"

INTAKE_FEATURES = (
    "program",
    "employed_at_referral",
    "education",
    "months_out_of_work",
    "language_barrier",
    "criminal_record",
    "housing_unstable",
    "prior_ow_spells",
    "prior_teer",
    "prior_outlook",
    "past_hourly_wage",
    "goal_hourly_wage",
    "dependants",
    "catchment",
    "referral_source",
    "declined_count",
    "career_index",
    "self_efficacy",
)
ASSESSMENT_FEATURES = ("career_index", "self_efficacy")  # from the common assessment at intake
JOB_FEATURES = ("job_hours_per_week", "job_hourly_wage", "job_teer", "job_same_field")
OW_RETURN_FEATURES = (
    tuple(f for f in INTAKE_FEATURES if f not in ("program", "referral_source")) + JOB_FEATURES
)
AUDIT_COLUMNS = (
    "age",
    "gender",
    "indigenous",
    "francophone",
    "born_outside_canada",
    "newcomer",
    "disability",
    "race",
    "racialized",
    "lgbtq",
)
KEYS = ("client_id", "provider_id", "practitioner_id")


def _need(tables: dict[str, pa.Table], name: str, columns) -> pa.Table:
    if name not in tables:
        raise SegmentationDataError(f"the snapshot has no {name!r} table.")
    missing = [c for c in columns if c not in tables[name].column_names]
    if missing:
        raise SegmentationDataError(f"table {name!r} lacks column(s): {', '.join(missing)}.")
    return tables[name]


def _intake_assessment(tables: dict[str, pa.Table]) -> pa.Table:
    """The career measures of each client's intake assessment (``ASSESSMENT_FEATURES``)."""
    found = _need(tables, "assessments", ["client_id", "occasion", *ASSESSMENT_FEATURES])
    occasion = found.column("occasion")
    if pa.types.is_dictionary(occasion.type):
        occasion = pc.cast(occasion, pa.string())
    return found.filter(pc.equal(occasion, "intake")).select(["client_id", *ASSESSMENT_FEATURES])


def _intake(tables: dict[str, pa.Table]) -> pa.Table:
    client_columns = [
        c for c in INTAKE_FEATURES + AUDIT_COLUMNS if c != "referral_source" and c not in ASSESSMENT_FEATURES
    ]
    clients = _need(tables, "clients", ["client_id", *client_columns])
    episodes = _need(tables, "episodes", ["client_id", "intake_completed", "referral_source", *KEYS[1:]])
    episodes = episodes.filter(pc.field("intake_completed"))
    joined = clients.select(["client_id", *client_columns]).join(
        episodes.select(["client_id", "referral_source", "provider_id", "practitioner_id"]),
        "client_id",
        join_type="inner",
    )
    joined = joined.join(_intake_assessment(tables), "client_id", join_type="left outer")
    return _plain(joined.sort_by("client_id"))


def _plain(table: pa.Table) -> pa.Table:
    """Dictionary columns decoded to text (joins and scoring read plain strings)."""
    columns = [
        pc.cast(col, col.type.value_type) if pa.types.is_dictionary(col.type) else col
        for col in table.columns
    ]
    return pa.table(columns, names=table.column_names)


def long_term_table(tables: dict[str, pa.Table]) -> pa.Table:
    """One row per client with an intake: the intake answers and ``long_term_unemployed``."""
    base = _intake(tables)
    jobs = _need(tables, "jobs", ["client_id", "months_after_intake", "hours_per_week"])
    found = jobs.filter(
        (pc.field("months_after_intake") <= HORIZON_MONTHS) & (pc.field("hours_per_week") >= MIN_HOURS)
    ).column("client_id")
    employed = pc.is_in(base.column("client_id"), value_set=pc.unique(found))
    return base.append_column(LONG_TERM, pc.invert(employed))


def ow_return_table(tables: dict[str, pa.Table]) -> pa.Table:
    """One row per Ontario Works exit for a job: the intake answers, the job, and ``ow_return_12m``."""
    spells = _need(tables, "ow_spells", ["client_id", "job_id", "months_to_return"])
    jobs = _need(tables, "jobs", ["job_id", "hours_per_week", "hourly_wage", "teer", "same_field"])
    job = jobs.select(["job_id", "hours_per_week", "hourly_wage", "teer", "same_field"]).rename_columns(
        ["job_id", *JOB_FEATURES]
    )
    back = pc.fill_null(pc.less_equal(spells.column("months_to_return"), HORIZON_MONTHS), False)
    rows = spells.select(["client_id", "job_id"]).append_column(OW_RETURN, back)
    rows = rows.join(job, "job_id", join_type="inner").drop_columns(["job_id"])
    joined = _intake(tables).join(rows, "client_id", join_type="inner").sort_by("client_id")
    return _plain(joined)


FEATURES = {LONG_TERM: INTAKE_FEATURES, OW_RETURN: OW_RETURN_FEATURES}
TABLES = {LONG_TERM: long_term_table, OW_RETURN: ow_return_table}


def train_model(
    tables: dict[str, pa.Table],
    outcome: str,
    allow_protected: tuple[str, ...] = (),
    settings: TrainingSettings | None = None,
) -> tuple[pa.Table, Training]:
    """One province model (``LONG_TERM`` or ``OW_RETURN``) on a snapshot: its table and the training.
    Protected characteristics are inputs only when ``allow_protected`` names them."""
    if outcome not in TABLES:
        raise SegmentationDataError(f"unknown province model {outcome!r} (known: {', '.join(TABLES)}).")
    table = TABLES[outcome](tables)
    # a column nobody answered (an export from an app that does not record it) is no feature
    recorded = [f for f in FEATURES[outcome] if table.column(f).null_count < table.num_rows]
    features = [*recorded, *allow_protected]
    return table, train(table, outcome, features, tuple(allow_protected), settings)


ORACLES = {
    LONG_TERM: {
        "full": "p_no_full_time_job_12m",
        "intake": "p_no_full_time_job_12m_intake",
        "observable": "p_no_full_time_job_12m_observable",
    },
    OW_RETURN: {"full": "p_ow_return_12m", "observable": "p_ow_return_12m_observable"},
}


def oracle(tables: dict[str, pa.Table], rows: pa.Table, outcome: str, kind: str = "full") -> np.ndarray:
    """The simulator's true probability of ``outcome`` for each row of ``rows`` (from ``truth_clients``):
    ``full`` knows everything, the plan and the provider included; ``intake`` knows everything about the
    person but, as at intake when the stream is decided, no plan yet and an average provider (long-term
    unemployment only); ``observable`` integrates out what no data could show."""
    column = ORACLES[outcome][kind]
    truth = _need(tables, "truth_clients", ["client_id", column])
    index = pc.index_in(rows.column("client_id"), value_set=truth.column("client_id"))
    return truth.column(column).take(index).to_numpy(zero_copy_only=False).astype(np.float64)
