"""Calibration: the statistics FACTS.md gives a figure for, measured on the written output (Parquet
files, or Arrow tables in memory) with DuckDB, each against its target and a stated tolerance.

| target | FACTS.md | value | tolerance |
|---|---|---|---|
| Ontario Works leavers who return (60-month follow-up) | "half of those who leave return" | 0.50 | ±0.04 |
| of those who return, share back within 12 months | "four in five of them within a year" | 0.80 | ±0.04 |
| unemployment spell, 55-64 over 25-54 | 35.2 vs 21.1 weeks (ratio 1.67) | 1.67 | ±0.20 |
| outcome gap, others minus social assistance | "more than 10 points below" | 0.15 | 0.10 to 0.22 |
| smallest expected gap in a catchment | "in every region" | ≥0.10 | 0.10 to 0.30 |
| streams A / B / C | 22% / 31% / 47% | | ±0.02 each |
| declined at least one item | 29% | 0.29 | ±0.02 |
| declined past wage | 14.7% (the most declined item) | 0.147 | ±0.01 |
| aged 55+ | (setting) | 0.15 | ±0.02 |
| intake gap, others minus social assistance | "gap between referrals and intakes" (setting) | 0.21 | ±0.05 |
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import duckdb


@dataclass(frozen=True)
class Target:
    name: str
    description: str
    target: float
    low: float
    high: float
    source: str


TARGETS = (
    Target(
        "ow_return_share",
        "Ontario Works leavers (for a job) back on Ontario Works within 60 months",
        0.50,
        0.46,
        0.54,
        "FACTS §1: half of those who leave return (Ontario, 2018)",
    ),
    Target(
        "ow_return_within_12m",
        "of those who return, share back within 12 months",
        0.80,
        0.76,
        0.84,
        "FACTS §1: four in five of them within a year",
    ),
    Target(
        "spell_ratio_55_plus",
        "mean unemployment spell (months out of work at referral + months from intake to "
        "job, search capped at 24), ages 55-64 over 25-54, unemployed clients with intake",
        1.67,
        1.47,
        1.87,
        "FACTS §2: 35.2 vs 21.1 weeks (2011)",
    ),
    Target(
        "sa_outcome_gap",
        "IES outcome met at the 3-month checkpoint (job within 12 months of intake): other "
        "clients minus social-assistance clients, among clients with intake",
        0.15,
        0.10,
        0.22,
        "FACTS §1: social-assistance outcomes >10 points below (Maytree)",
    ),
    Target(
        "sa_outcome_gap_min_catchment",
        "the smallest expected gap (truth: mean p_outcome_3m) in any catchment",
        0.15,
        0.10,
        0.30,
        "FACTS §1: in every region and year",
    ),
    Target("stream_a", "share of intakes in stream A", 0.22, 0.20, 0.24, "FACTS §1: A 22%"),
    Target("stream_b", "share of intakes in stream B", 0.31, 0.29, 0.33, "FACTS §1: B 31%"),
    Target("stream_c", "share of intakes in stream C", 0.47, 0.45, 0.49, "FACTS §1: C 47%"),
    Target(
        "declined_any",
        'intakes with "prefer not to answer" at least once',
        0.29,
        0.27,
        0.31,
        "FACTS §1: 29% used it at least once",
    ),
    Target(
        "declined_past_wage",
        "intakes declining the past-wage item",
        0.147,
        0.137,
        0.157,
        "FACTS §1: past wage the most, 14.7%",
    ),
    Target("age_55_plus", "referred clients aged 55 or more", 0.15, 0.13, 0.17, "setting"),
    Target(
        "intake_gap",
        "intake rate, other referrals minus social-assistance referrals",
        0.21,
        0.16,
        0.26,
        "setting (FACTS §1: the gap between referrals and intakes)",
    ),
)

SA = "c.program IN ('ontario_works', 'odsp')"
QUERIES = {
    "ow_return_share": "SELECT avg(CAST(return_date IS NOT NULL AS DOUBLE)) FROM ow_spells",
    "ow_return_within_12m": "SELECT avg(CAST(months_to_return <= 12 AS DOUBLE)) FROM ow_spells "
    "WHERE return_date IS NOT NULL",
    "spell_ratio_55_plus": """
        WITH s AS (
            SELECT c.age, c.months_out_of_work + coalesce(j.months_after_intake, 24) AS spell
            FROM clients c JOIN episodes e USING (client_id) LEFT JOIN jobs j USING (client_id)
            WHERE e.intake_completed AND NOT c.employed_at_referral)
        SELECT avg(spell) FILTER (WHERE age BETWEEN 55 AND 64)
             / avg(spell) FILTER (WHERE age BETWEEN 25 AND 54)
        FROM s""",
    "sa_outcome_gap": f"""
        WITH met AS (
            SELECT k.client_id, bool_or(k.outcome_met) AS met
            FROM checkpoints k JOIN jobs j USING (job_id)
            WHERE k.months = 3 AND j.months_after_intake <= 12 GROUP BY k.client_id)
        SELECT avg(CAST(coalesce(m.met, false) AS DOUBLE)) FILTER (WHERE NOT ({SA}))
             - avg(CAST(coalesce(m.met, false) AS DOUBLE)) FILTER (WHERE {SA})
        FROM clients c JOIN episodes e USING (client_id) LEFT JOIN met m USING (client_id)
        WHERE e.intake_completed""",
    "sa_outcome_gap_min_catchment": f"""
        SELECT min(gap) FROM (
            SELECT c.catchment, avg(t.p_outcome_3m) FILTER (WHERE NOT ({SA}))
                              - avg(t.p_outcome_3m) FILTER (WHERE {SA}) AS gap
            FROM clients c JOIN episodes e USING (client_id)
                 JOIN truth_clients t USING (client_id)
            WHERE e.intake_completed GROUP BY c.catchment)""",
    "stream_a": "SELECT avg(CAST(stream = 'A' AS DOUBLE)) FROM episodes WHERE intake_completed",
    "stream_b": "SELECT avg(CAST(stream = 'B' AS DOUBLE)) FROM episodes WHERE intake_completed",
    "stream_c": "SELECT avg(CAST(stream = 'C' AS DOUBLE)) FROM episodes WHERE intake_completed",
    "declined_any": "SELECT avg(CAST(declined_any AS DOUBLE)) FROM clients c "
    "JOIN episodes e USING (client_id) WHERE e.intake_completed",
    "declined_past_wage": "SELECT avg(CAST(declined_past_wage AS DOUBLE)) FROM clients c "
    "JOIN episodes e USING (client_id) WHERE e.intake_completed",
    "age_55_plus": "SELECT avg(CAST(age >= 55 AS DOUBLE)) FROM clients",
    "intake_gap": f"""
        SELECT avg(CAST(e.intake_completed AS DOUBLE)) FILTER (WHERE NOT ({SA}))
             - avg(CAST(e.intake_completed AS DOUBLE)) FILTER (WHERE {SA})
        FROM clients c JOIN episodes e USING (client_id)""",
}
NEEDED = ("clients", "episodes", "jobs", "checkpoints", "ow_spells", "truth_clients")


def connect(source: Path | str | Mapping) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with a view per table: Parquet files of an output directory, or Arrow tables."""
    con = duckdb.connect()
    con.execute("SET threads TO 2")
    for name in NEEDED:
        if isinstance(source, Mapping):
            con.register(name, source[name])
        else:
            path = Path(source) / f"{name}.parquet"
            if not path.exists():
                raise FileNotFoundError(f"{path} is missing: is {source} a simulation output directory?")
            con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{path.as_posix()}')")
    return con


def report(source: Path | str | Mapping) -> dict:
    """Every target with its measured value and whether it is within the tolerance."""
    con = connect(source)
    out = {}
    for t in TARGETS:
        value = con.execute(QUERIES[t.name]).fetchone()[0]
        value = None if value is None else round(float(value), 4)
        out[t.name] = {
            "description": t.description,
            "source": t.source,
            "target": t.target,
            "low": t.low,
            "high": t.high,
            "value": value,
            "ok": value is not None and t.low <= value <= t.high,
        }
    con.close()
    return out


def format_report(result: dict) -> str:
    lines = []
    for name, r in result.items():
        mark = "ok  " if r["ok"] else "MISS"
        lines.append(f"{mark} {name:<30} {r['value']!s:>8}  target {r['target']} [{r['low']}, {r['high']}]")
    return "\n".join(lines)
