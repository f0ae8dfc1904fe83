"""Baseline for bench/performance.py: the same indicators by the same breakdowns (whole period and by
quarter of referral), in hand-written DuckDB SQL over the Parquet snapshot, without suppression.
``indicators(directory)`` returns a long table with the engine's columns (breakdown, group, quarter,
indicator, numerator, denominator, value). Lines of SQL text may pass the line length (E501 is off here)."""

# ruff: noqa: E501
from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa

FACTS = """
CREATE OR REPLACE TEMP TABLE facts AS
WITH cp AS (
    SELECT client_id,
        sum(CASE WHEN employed THEN (CASE months WHEN 1 THEN 1 WHEN 3 THEN 2 WHEN 6 THEN 4 WHEN 12 THEN 8 END) ELSE 0 END) AS emp_bits,
        sum(CASE WHEN employed AND hours_per_week >= 20 AND hourly_wage >= 17.60
                 AND evidence IN ('pay_stub', 'employer_letter')
            THEN (CASE months WHEN 1 THEN 1 WHEN 3 THEN 2 WHEN 6 THEN 4 WHEN 12 THEN 8 END) ELSE 0 END) AS met_bits,
        max(hours_per_week * hourly_wage) FILTER (WHERE months = 1 AND employed) AS earn_1m,
        max(hours_per_week * hourly_wage) FILTER (WHERE months = 3 AND employed) AS earn_3m,
        max(hours_per_week * hourly_wage) FILTER (WHERE months = 6 AND employed) AS earn_6m,
        max(hours_per_week * hourly_wage) FILTER (WHERE months = 12 AND employed) AS earn_12m,
        max(hourly_wage) FILTER (WHERE months = 12 AND employed) AS wage_12m
    FROM read_parquet('{d}/checkpoints.parquet') GROUP BY client_id
), asg AS (
    SELECT client_id,
        sum(CASE occasion WHEN 'exit' THEN 1 WHEN 'intake' THEN -1 ELSE 0 END
            * (cm_positive_self_image + cm_interact_with_others + cm_change_and_grow + cm_locate_information
               + cm_work_and_economy + cm_balanced_roles + cm_changing_roles + cm_lifelong_learning
               + cm_life_work_decisions + cm_manage_life_work_building + cm_secure_maintain_work) / 11.0::DOUBLE) AS learning_gain,
        sum(CASE occasion WHEN 'exit' THEN 1 WHEN 'intake' THEN -1 ELSE 0 END
            * (adapt_concern + adapt_control + adapt_curiosity + adapt_confidence + self_efficacy) / 5.0::DOUBLE) AS personal_gain,
        bool_or(occasion = 'intake') AND bool_or(occasion = 'exit') AS both_occasions
    FROM read_parquet('{d}/assessments.parquet') GROUP BY client_id
), plans AS (
    SELECT client_id, bool_or(start_date IS NOT NULL) AS started,
        bool_or(intervention = 'skills_training' AND status = 'completed') AS training_completed
    FROM read_parquet('{d}/interventions.parquet') GROUP BY client_id
), base AS (
    SELECT e.client_id, e.provider_id, e.referral_date, coalesce(e.intake_completed, false) AS intake,
        coalesce(e.stream, 'none') AS stream, c.catchment, c.program, c.age, c.prior_teer, c.goal_hourly_wage,
        coalesce(c.youth_high_needs, false) AS youth_high_needs, coalesce(c.women_high_needs, false) AS women_high_needs,
        c.francophone = 'yes' AS francophone, c.indigenous = 'yes' AS indigenous,
        coalesce(c.newcomer, false) AS newcomer,
        coalesce(c.disability NOT IN ('none', 'prefer_not_to_answer'), false) AS disability,
        coalesce(c.racialized, false) AS racialized,
        p.catchment AS ssm, pr.ccdp_certified AS certified,
        j.months_after_intake, j.teer AS job_teer, j.hours_per_week AS job_hours, j.hourly_wage AS job_wage,
        cp.*, asg.learning_gain AS lg, asg.personal_gain AS pg, coalesce(asg.both_occasions, false) AS both_occasions,
        plans.started, plans.training_completed AS tc,
        o.client_id IS NOT NULL AS left_ow, o.months_to_return
    FROM read_parquet('{d}/episodes.parquet') e
    JOIN read_parquet('{d}/clients.parquet') c USING (client_id)
    LEFT JOIN read_parquet('{d}/providers.parquet') p USING (provider_id)
    LEFT JOIN read_parquet('{d}/practitioners.parquet') pr USING (practitioner_id)
    LEFT JOIN read_parquet('{d}/jobs.parquet') j ON j.client_id = e.client_id
    LEFT JOIN cp ON cp.client_id = e.client_id
    LEFT JOIN asg ON asg.client_id = e.client_id
    LEFT JOIN plans ON plans.client_id = e.client_id
    LEFT JOIN read_parquet('{d}/ow_spells.parquet') o ON o.client_id = e.client_id
)
SELECT client_id, catchment, ssm, provider_id AS provider, stream, program,
    CASE WHEN age < 25 THEN '16-24' WHEN age < 35 THEN '25-34' WHEN age < 45 THEN '35-44'
         WHEN age < 55 THEN '45-54' WHEN age < 65 THEN '55-64' ELSE '65+' END AS age_band,
    year(referral_date) * 10 + quarter(referral_date) AS quarter,
    youth_high_needs, women_high_needs, age >= 55 AS older_worker, francophone, indigenous, newcomer,
    disability, racialized,
    intake, intake AND coalesce(started, false) AS served,
    intake AND months_after_intake <= 12 AS has_job,
    coalesce(emp_bits, 0) AS emp_bits, coalesce(met_bits, 0) AS met_bits,
    earn_1m, earn_3m, earn_6m, earn_12m, wage_12m, job_hours, job_wage, job_teer, prior_teer, goal_hourly_wage,
    coalesce(tc, false) AS tc, CASE WHEN both_occasions THEN lg END AS learning_gain,
    CASE WHEN both_occasions THEN pg END AS personal_gain,
    CASE WHEN left_ow THEN coalesce(months_to_return, 10000) <= 12 END AS ow_return,
    months_after_intake, coalesce(certified, false) AS certified
FROM base
"""

RATE = 'sum(CASE WHEN {pop} AND ({flag}) THEN 1 ELSE 0 END) AS "{id}__num", count(*) FILTER (WHERE {pop}) AS "{id}__den"'
MEDIAN = 'median({value}) FILTER (WHERE {pop}) AS "{id}__val", count(*) FILTER (WHERE {pop}) AS "{id}__den"'
MEAN = 'sum({value}) FILTER (WHERE {pop}) AS "{id}__num", count(*) FILTER (WHERE {pop}) AS "{id}__den"'
JOB = "has_job"
EMPLOYED_12 = "has_job AND (emp_bits // 8) % 2 = 1"
AGGREGATES = {
    "referred": ("count", 'count(*) AS "referred__num"'),
    "intake_completed": ("count", 'sum(intake::int) AS "intake_completed__num"'),
    "served": ("count", 'sum(served::int) AS "served__num"'),
    "referral_to_intake": ("rate", RATE.format(id="referral_to_intake", pop="true", flag="intake")),
    "job_12m": ("rate", RATE.format(id="job_12m", pop="intake", flag="has_job")),
    **{
        f"outcome_{m}m": (
            "rate",
            RATE.format(id=f"outcome_{m}m", pop="intake", flag=f"has_job AND (met_bits // {b}) % 2 = 1"),
        )
        for m, b in ((1, 1), (3, 2), (6, 4), (12, 8))
    },
    **{
        f"employed_{m}m": (
            "rate",
            RATE.format(id=f"employed_{m}m", pop="intake", flag=f"has_job AND (emp_bits // {b}) % 2 = 1"),
        )
        for m, b in ((1, 1), (3, 2), (6, 4), (12, 8))
    },
    **{
        f"median_earnings_{m}m": (
            "median",
            MEDIAN.format(
                id=f"median_earnings_{m}m", pop=f"has_job AND earn_{m}m IS NOT NULL", value=f"earn_{m}m"
            ),
        )
        for m in (1, 3, 6, 12)
    },
    "full_time_job": ("rate", RATE.format(id="full_time_job", pop=JOB, flag="job_hours >= 30")),
    "wage_at_minimum": ("rate", RATE.format(id="wage_at_minimum", pop=JOB, flag="job_wage >= 17.60")),
    "wage_at_living": ("rate", RATE.format(id="wage_at_living", pop=JOB, flag="job_wage >= 22.00")),
    "retained_12m": ("rate", RATE.format(id="retained_12m", pop=JOB, flag=EMPLOYED_12)),
    "teer_up": (
        "rate",
        RATE.format(id="teer_up", pop="has_job AND prior_teer IS NOT NULL", flag="job_teer < prior_teer"),
    ),
    "wage_growth_12m": (
        "median",
        MEDIAN.format(id="wage_growth_12m", pop=EMPLOYED_12, value="wage_12m / job_wage - 1.0"),
    ),
    "wage_at_goal": (
        "rate",
        RATE.format(
            id="wage_at_goal",
            pop="has_job AND goal_hourly_wage IS NOT NULL",
            flag="job_wage >= goal_hourly_wage",
        ),
    ),
    "training_completed": ("rate", RATE.format(id="training_completed", pop="intake", flag="tc")),
    "learning_gain": (
        "mean",
        MEAN.format(id="learning_gain", pop="learning_gain IS NOT NULL", value="learning_gain"),
    ),
    "personal_attributes_gain": (
        "mean",
        MEAN.format(id="personal_attributes_gain", pop="personal_gain IS NOT NULL", value="personal_gain"),
    ),
    "ow_return_12m": ("rate", RATE.format(id="ow_return_12m", pop="ow_return IS NOT NULL", flag="ow_return")),
    "months_to_job": ("median", MEDIAN.format(id="months_to_job", pop=JOB, value="months_after_intake")),
    "certified_practitioner": (
        "rate",
        RATE.format(id="certified_practitioner", pop="intake", flag="certified"),
    ),
}
PRIORITY = (
    "youth_high_needs",
    "women_high_needs",
    "older_worker",
    "francophone",
    "indigenous",
    "newcomer",
    "disability",
    "racialized",
)
GROUPS = {
    "province": "SELECT 'all' AS grp, * FROM facts",
    "catchment": "SELECT catchment AS grp, * FROM facts",
    "ssm": "SELECT ssm AS grp, * FROM facts",
    "provider": "SELECT provider AS grp, * FROM facts",
    "stream": "SELECT stream AS grp, * FROM facts",
    "program": "SELECT program AS grp, * FROM facts",
    "age_band": "SELECT age_band AS grp, * FROM facts",
    "priority_group": " UNION ALL ".join(f"SELECT '{g}' AS grp, * FROM facts WHERE {g}" for g in PRIORITY),
}


def _long(result: pa.Table, breakdown: str) -> list[tuple]:
    rows = []
    for r in result.to_pylist():
        quarter = "all" if r["quarter"] is None else f"{r['quarter'] // 10}Q{r['quarter'] % 10}"
        for name, (kind, _) in AGGREGATES.items():
            num, den, val = (r.get(f"{name}__{part}") for part in ("num", "den", "val"))
            num = None if num is None else (float(num) if kind == "mean" else int(num))
            val = None if val is None else float(val)
            if kind == "count":
                rows.append((breakdown, str(r["grp"]), quarter, name, num, None, float(num)))
            elif kind == "rate":
                rows.append((breakdown, str(r["grp"]), quarter, name, num, den, num / den if den else None))
            elif kind == "mean":
                rows.append((breakdown, str(r["grp"]), quarter, name, None, den, num / den if den else None))
            else:
                rows.append((breakdown, str(r["grp"]), quarter, name, None, den, val))
    return rows


def indicators(directory: str | Path, **config) -> pa.Table:
    con = duckdb.connect(config=config)
    con.execute(FACTS.format(d=Path(directory)))
    select = ", ".join(sql for _, sql in AGGREGATES.values())
    rows = []
    for breakdown, source in GROUPS.items():
        sql = f"SELECT grp, quarter, {select} FROM ({source}) GROUP BY GROUPING SETS ((grp, quarter), (grp))"
        rows += _long(con.sql(sql).to_arrow_table(), breakdown)
    names = ("breakdown", "group", "quarter", "indicator", "numerator", "denominator", "value")
    return pa.table({n: [r[i] for r in rows] for i, n in enumerate(names)})
