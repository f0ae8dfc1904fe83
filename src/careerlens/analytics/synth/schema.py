"""The output tables: every column's name, type and meaning, in one place.

The writer builds its Arrow schemas from this (each field carries its meaning as metadata, so the Parquet
files describe themselves), and ``docs/synth-schema.md`` is generated from it
(``python -m careerlens.analytics.synth.schema > docs/synth-schema.md``; a test keeps the two in step).
"""

from __future__ import annotations

import pyarrow as pa

from .columns import DECLINED, Column, listed
from .config import (
    ADAPTABILITY,
    CAREER_MANAGEMENT,
    CHECKPOINT_MONTHS,
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
    STREAMS,
)
from .truth_schema import TRUTH_CLIENTS

YES_NO = listed(("no", "yes", DECLINED))
CA = "Common Assessment answer; null when the referral never reached intake"

MEASURE_COLUMNS = tuple(
    Column(
        name,
        "int8",
        f"Blueprint career-management competency, self-rating 1-5 ({name[3:].replace('_', ' ')})",
    )
    for name in CAREER_MANAGEMENT
) + tuple(
    Column(name, "float32", f"adaptability, {name[6:]}: mean of six items (1-5, steps of 1/6; our own items)")
    for name in ADAPTABILITY
)

TABLES: dict[str, tuple[str, tuple[Column, ...]]] = {
    "clients": (
        "One row per referred client: who they are, as known at referral and as recorded in the Common "
        'Assessment at intake (with "prefer not to answer").',
        (
            Column(
                "client_id",
                "int64",
                "stable id, 1..N in referral order of generation; the same for the same seed and N",
            ),
            Column("catchment", "dictionary", "IES catchment code (reference data catchments.csv)"),
            Column(
                "program", "dictionary", f"income-support or benefit program at referral: {listed(PROGRAMS)}"
            ),
            Column(
                "employed_at_referral", "bool", "working when referred (career check-up or part-time work)"
            ),
            Column("age", "int8", "age in years at referral, 16-70"),
            Column("gender", "dictionary", f"{CA}: {listed(GENDERS + (DECLINED,))}", True),
            Column("lgbtq", "dictionary", f"{CA}: {YES_NO}", True),
            Column("indigenous", "dictionary", f"{CA}: {YES_NO}", True),
            Column("francophone", "dictionary", f"{CA}: {YES_NO}", True),
            Column("race", "dictionary", f"{CA}: {listed(RACES + (DECLINED,))}", True),
            Column(
                "racialized",
                "bool",
                "derived from race (not white, not Indigenous); null when race was declined",
                True,
            ),
            Column(
                "disability",
                "dictionary",
                f"{CA} (main type): {listed(DISABILITY_TYPES + (DECLINED,))}",
                True,
            ),
            Column("criminal_record", "dictionary", f"{CA}: {YES_NO}", True),
            Column("born_outside_canada", "dictionary", f"{CA}: {YES_NO}", True),
            Column(
                "years_since_arrival",
                "int8",
                f"{CA}: years since arrival in Canada; null if born in Canada or declined",
                True,
            ),
            Column("newcomer", "bool", "derived: arrived within the last 5 years (as recorded)", True),
            Column(
                "dependants", "int8", f"{CA}: number of dependants (3 = 3 or more); null if declined", True
            ),
            Column("declined_dependants", "bool", 'chose "prefer not to answer" for dependants', True),
            Column(
                "education", "dictionary", f"{CA}: highest level, {listed(EDUCATION + (DECLINED,))}", True
            ),
            Column("language_barrier", "bool", "needs English or French language training", True),
            Column("housing_unstable", "bool", "unstable housing", True),
            Column(
                "youth_high_needs",
                "bool",
                "priority group: aged 16-29 with two or more recorded barriers",
                True,
            ),
            Column(
                "women_high_needs",
                "bool",
                "priority group: a woman over 29 with two or more recorded barriers",
                True,
            ),
            Column("months_out_of_work", "int16", "months since last job at referral (0 when employed)"),
            Column("prior_ow_spells", "int8", "earlier Ontario Works spells (0-6)"),
            Column(
                "prior_noc",
                "dictionary",
                "NOC 2021 unit group (5 digits) of the last job; null if never worked",
                True,
            ),
            Column("prior_teer", "int8", "TEER (0-5) of the last job", True),
            Column(
                "prior_outlook",
                "dictionary",
                f"COPS 2024-2033 future labour-market condition of the last job: {listed(OUTLOOKS)}",
                True,
            ),
            Column(
                "past_hourly_wage",
                "float32",
                f"{CA}: $ an hour in the last job; null if never worked or declined",
                True,
            ),
            Column("declined_past_wage", "bool", 'chose "prefer not to answer" for past wage', True),
            Column(
                "current_hourly_wage",
                "float32",
                f"{CA}: $ an hour now (employed only); null otherwise or declined",
                True,
            ),
            Column("current_hours_per_week", "float32", "hours a week now (employed only)", True),
            Column("declined_current_wage", "bool", 'chose "prefer not to answer" for current wage', True),
            Column("goal_hourly_wage", "float32", f"{CA}: wage goal, $ an hour; null if declined", True),
            Column("declined_goal_wage", "bool", 'chose "prefer not to answer" for the wage goal', True),
            Column("declined_any", "bool", 'chose "prefer not to answer" at least once', True),
            Column("declined_count", "int8", 'number of items answered "prefer not to answer"', True),
        ),
    ),
    "episodes": (
        "One service episode per client: referral, intake, stream, action plan, exit.",
        (
            Column("client_id", "int64", "the client (one episode each)"),
            Column(
                "provider_id", "dictionary", "provider the referral went to (demo network code, e.g. peel-p1)"
            ),
            Column("referral_source", "dictionary", f"{listed(REFERRAL_SOURCES)}"),
            Column("referral_date", "date32", "date of referral"),
            Column("intake_completed", "bool", "the referral reached intake (Common Assessment done)"),
            Column("intake_date", "date32", "date of intake", True),
            Column("practitioner_id", "dictionary", "practitioner assigned at intake", True),
            Column(
                "risk_score",
                "float32",
                "segmentation score at intake: estimated probability of no job within 12 months",
                True,
            ),
            Column("stream", "dictionary", f"client stream from the risk score: {listed(STREAMS)}", True),
            Column("planned_end_date", "date32", "end of the action plan as planned", True),
            Column("exit_date", "date32", "date the episode ended", True),
            Column("exit_reason", "dictionary", f"{listed(EXIT_REASONS)}", True),
            Column("site_id", "dictionary", "site of the provider the client is served at (see `sites`)"),
            Column(
                "goal_noc",
                "dictionary",
                "career goal of the action plan: a NOC 2021 unit group (5 digits); null without intake or "
                "when the plan codes no occupation",
                True,
            ),
        ),
    ),
    "assessments": (
        "Career measures at intake and at exit (one row per client and occasion).",
        (
            Column("client_id", "int64", "the client"),
            Column("occasion", "dictionary", "`intake` | `exit`"),
            Column("assessment_date", "date32", "date answered"),
        )
        + MEASURE_COLUMNS
        + (
            Column("self_efficacy", "int8", "job-search self-efficacy, 1-5"),
            Column(
                "career_index",
                "float32",
                "mean of the 15 career measures (11 competencies, 4 adaptability), 1-5",
            ),
        ),
    ),
    "interventions": (
        "Action-plan interventions (one row per client and intervention in the plan).",
        (
            Column("intervention_id", "int64", "stable id"),
            Column("client_id", "int64", "the client"),
            Column("intervention", "dictionary", f"{listed(INTERVENTIONS)}"),
            Column("planned_start_date", "date32", "planned start"),
            Column("planned_end_date", "date32", "planned end"),
            Column("start_date", "date32", "actual start; null when the episode ended first", True),
            Column("end_date", "date32", "actual end", True),
            Column(
                "status", "dictionary", "`completed` | `ended_early` (episode ended first) | `not_started`"
            ),
            Column(
                "credential",
                "dictionary",
                f"credential earned by completed skills training: {listed(CREDENTIALS)}; null otherwise",
                True,
            ),
        ),
    ),
    "jobs": (
        "The first job each client started within 24 months of intake.",
        (
            Column("job_id", "int64", "stable id"),
            Column("client_id", "int64", "the client"),
            Column("start_date", "date32", "first day of work"),
            Column("months_after_intake", "int8", "month after intake the job started (1-24)"),
            Column("during_service", "bool", "started before the episode ended (exit reason `employed`)"),
            Column("noc", "dictionary", "NOC 2021 unit group (5 digits)"),
            Column("teer", "int8", "TEER of the job (0-5)"),
            Column("outlook", "dictionary", f"COPS 2024-2033 future condition: {listed(OUTLOOKS)}"),
            Column("same_field", "bool", "same unit group as the prior job"),
            Column("hours_per_week", "float32", "usual hours a week"),
            Column("hourly_wage", "float32", "$ an hour"),
            Column("fit_rating", "int8", "client's rating of the job's fit with skills and goals, 1-5"),
            Column(
                "end_date",
                "date32",
                "last day; null if still working at the end of the 60-month follow-up",
                True,
            ),
            Column("contract_type", "dictionary", f"{listed(CONTRACT_TYPES)}"),
            Column(
                "goal_field",
                "bool",
                "the job shares the NOC broad occupational category (first digit) of the client's career "
                "goal; null when the plan has no goal",
                True,
            ),
        ),
    ),
    "checkpoints": (
        f"IES outcome checkpoints at {', '.join(map(str, CHECKPOINT_MONTHS))} months after job start "
        "(four rows per job).",
        (
            Column("job_id", "int64", "the job"),
            Column("client_id", "int64", "the client"),
            Column("months", "int8", "checkpoint: 1, 3, 6 or 12 months after job start"),
            Column("due_date", "date32", "date of the checkpoint"),
            Column("employed", "bool", "still in the job at the checkpoint"),
            Column(
                "hours_per_week", "float32", "hours a week at the checkpoint; null when not employed", True
            ),
            Column("hourly_wage", "float32", "$ an hour at the checkpoint; null when not employed", True),
            Column("evidence", "dictionary", f"{listed(EVIDENCE)} (self-report alone never counts)"),
            Column(
                "outcome_met",
                "bool",
                "IES outcome rule: employed, >= min_hours a week at >= min_wage, with "
                "a pay stub or employer letter",
            ),
        ),
    ),
    "ow_spells": (
        "Ontario Works clients who left Ontario Works for a job, and whether they came back.",
        (
            Column("client_id", "int64", "the client"),
            Column("job_id", "int64", "the job they left for"),
            Column("exit_date", "date32", "left Ontario Works (the job's start)"),
            Column("return_date", "date32", "back on Ontario Works; null if not within 60 months", True),
            Column("months_to_return", "int16", "months from leaving to returning", True),
        ),
    ),
    "providers": (
        "Service providers.",
        (
            Column("provider_id", "dictionary", "code (catchment-p1, catchment-p2, …, catchment-fr)"),
            Column("catchment", "dictionary", "catchment code"),
            Column("serves_in_french", "bool", "designated French-language provider"),
            Column("practitioners", "int32", "number of practitioners"),
        ),
    ),
    "practitioners": (
        "Career development practitioners.",
        (
            Column("practitioner_id", "dictionary", "code (provider code + -cdpNNN)"),
            Column("provider_id", "dictionary", "their provider"),
            Column("ccdp_certified", "bool", "Certified Career Development Practitioner"),
            Column("years_experience", "int8", "years of practice"),
        ),
    ),
    "sites": (
        "Sites: the offices of each provider (one to four in its catchment).",
        (
            Column("site_id", "dictionary", "code (provider code + -sN)"),
            Column("provider_id", "dictionary", "its provider"),
            Column("catchment", "dictionary", "catchment code"),
            Column("main_site", "bool", "the provider's main office"),
        ),
    ),
    "events": (
        "The timeline: one row per dated event, sorted by client, date and event order.",
        (
            Column("event_id", "int64", "stable id (row number, from 1)"),
            Column("client_id", "int64", "the client"),
            Column("event_date", "date32", "date"),
            Column(
                "event_type",
                "dictionary",
                "`referral` | `intake` | `assessment` | `stream_assigned` | "
                "`plan_created` | `intervention_start` | `intervention_end` | `job_start` | `checkpoint` | "
                "`job_end` | `exit` | `ow_exit` | `ow_return`",
            ),
            Column(
                "detail",
                "dictionary",
                "intervention name, stream, occasion (intake/exit), checkpoint (`1m`…`12m`) or exit reason",
                True,
            ),
            Column("ref_id", "int64", "intervention_id or job_id the event belongs to", True),
        ),
    ),
    "truth_clients": TRUTH_CLIENTS,
}


def arrow_schema(table: str) -> pa.Schema:
    description, columns = TABLES[table]
    return pa.schema(
        [
            pa.field(c.name, c.arrow_type, nullable=c.nullable, metadata={"meaning": c.meaning})
            for c in columns
        ],
        metadata={"table": table, "description": description},
    )


def markdown() -> str:
    lines = [
        "# Simulated province: output schema",
        "",
        "Generated from `src/careerlens/analytics/synth/schema.py` "
        "(`python -m careerlens.analytics.synth.schema > docs/synth-schema.md`). "
        "See `docs/synth.md` for the model. Every file is `<table>.parquet` in the output directory, beside "
        "`truth.json` and `calibration.json`. Types are Arrow types; `dictionary` is a dictionary-encoded "
        "string (read it as text). Dates are calendar dates.",
        "",
    ]
    for table, (description, columns) in TABLES.items():
        lines += [
            f"## {table}",
            "",
            description,
            "",
            "| column | type | null | meaning |",
            "|---|---|---|---|",
        ]
        for c in columns:
            kind = "string (dictionary)" if c.type == "dictionary" else c.type
            lines.append(f"| `{c.name}` | {kind} | {'yes' if c.nullable else 'no'} | {c.meaning} |")
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown(), end="")
