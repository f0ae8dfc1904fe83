"""Baseline for bench/performance.py: the same indicators by the same breakdowns (whole period and by
quarter of referral) written plainly with pandas over the Parquet snapshot, without suppression.
``indicators(directory)`` returns a pandas DataFrame with the engine's long columns."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

BITS = {1: 1, 3: 2, 6: 4, 12: 8}
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


def _read(d: Path, name: str, columns=None) -> pd.DataFrame:
    frame = pd.read_parquet(d / f"{name}.parquet", columns=columns)
    for column in frame.columns:
        if isinstance(frame[column].dtype, pd.CategoricalDtype):
            frame[column] = frame[column].astype(object)
    return frame


def facts(directory: str | Path) -> pd.DataFrame:
    d = Path(directory)
    episodes = _read(
        d,
        "episodes",
        ["client_id", "provider_id", "practitioner_id", "referral_date", "intake_completed", "stream"],
    )
    clients = _read(
        d,
        "clients",
        [
            "client_id",
            "catchment",
            "program",
            "age",
            "prior_teer",
            "goal_hourly_wage",
            "youth_high_needs",
            "women_high_needs",
            "francophone",
            "indigenous",
            "newcomer",
            "disability",
            "racialized",
        ],
    )
    providers = _read(d, "providers", ["provider_id", "catchment"]).rename(columns={"catchment": "ssm"})
    practitioners = _read(d, "practitioners", ["practitioner_id", "ccdp_certified"])
    jobs = _read(d, "jobs", ["client_id", "months_after_intake", "teer", "hours_per_week", "hourly_wage"])
    cp = _read(
        d, "checkpoints", ["client_id", "months", "employed", "hours_per_week", "hourly_wage", "evidence"]
    )
    cp["bit"] = cp["months"].map(BITS)
    cp["met"] = (
        cp["employed"]
        & (cp["hours_per_week"] >= 20)
        & (cp["hourly_wage"] >= 17.60)
        & cp["evidence"].isin(["pay_stub", "employer_letter"])
    )
    cp["emp_bit"] = np.where(cp["employed"], cp["bit"], 0)
    cp["met_bit"] = np.where(cp["met"], cp["bit"], 0)
    cp["earn"] = np.where(cp["employed"], cp["hours_per_week"] * cp["hourly_wage"], np.nan)
    wide = cp.pivot(index="client_id", columns="months", values="earn")
    wide.columns = [f"earn_{m}m" for m in wide.columns]
    wide["wage_12m"] = cp[(cp["months"] == 12) & cp["employed"]].set_index("client_id")["hourly_wage"]
    bits = cp.groupby("client_id")[["emp_bit", "met_bit"]].sum()
    a = _read(d, "assessments")
    sign = a["occasion"].map({"exit": 1.0, "intake": -1.0}).fillna(0.0)
    cm = [c for c in a.columns if c.startswith("cm_")]
    personal = [c for c in a.columns if c.startswith("adapt_")] + ["self_efficacy"]
    a["lg"] = sign * a[cm].astype(float).mean(axis=1)
    a["pg"] = sign * a[personal].astype(float).mean(axis=1)
    gains = a.groupby("client_id").agg(lg=("lg", "sum"), pg=("pg", "sum"), n=("occasion", "nunique"))
    iv = _read(d, "interventions", ["client_id", "intervention", "start_date", "status"])
    iv["started"] = iv["start_date"].notna()
    iv["tc"] = (iv["intervention"] == "skills_training") & (iv["status"] == "completed")
    plans = iv.groupby("client_id")[["started", "tc"]].any()
    ow = _read(d, "ow_spells", ["client_id", "months_to_return"]).set_index("client_id")
    f = episodes.merge(clients, on="client_id").merge(providers, on="provider_id", how="left")
    f = f.merge(practitioners, on="practitioner_id", how="left").merge(jobs, on="client_id", how="left")
    f = f.set_index("client_id").join(wide).join(bits).join(gains).join(plans).join(ow["months_to_return"])
    f["left_ow"] = f.index.isin(ow.index)
    intake = f["intake_completed"].fillna(False).astype(bool)
    has_job = intake & (f["months_after_intake"] <= 12)
    out = pd.DataFrame(index=f.index)
    out["catchment"], out["ssm"], out["provider"] = f["catchment"], f["ssm"], f["provider_id"]
    out["stream"], out["program"] = f["stream"].fillna("none"), f["program"]
    out["age_band"] = pd.cut(
        f["age"],
        [0, 25, 35, 45, 55, 65, 200],
        right=False,
        labels=["16-24", "25-34", "35-44", "45-54", "55-64", "65+"],
    ).astype(str)
    referral = pd.to_datetime(f["referral_date"])
    out["quarter"] = referral.dt.year.astype(str) + "Q" + referral.dt.quarter.astype(str)
    out["youth_high_needs"] = f["youth_high_needs"].fillna(False).astype(bool)
    out["women_high_needs"] = f["women_high_needs"].fillna(False).astype(bool)
    out["older_worker"] = f["age"] >= 55
    out["francophone"], out["indigenous"] = f["francophone"] == "yes", f["indigenous"] == "yes"
    out["newcomer"] = f["newcomer"].fillna(False).astype(bool)
    out["disability"] = f["disability"].notna() & ~f["disability"].isin(["none", "prefer_not_to_answer"])
    out["racialized"] = f["racialized"].fillna(False).astype(bool)
    out["intake"] = intake
    out["served"] = intake & f["started"].fillna(False).astype(bool)
    out["has_job"] = has_job
    emp = f["emp_bit"].fillna(0).astype(int)
    met = f["met_bit"].fillna(0).astype(int)
    for m, b in BITS.items():
        out[f"outcome_{m}m"] = has_job & ((met // b) % 2 == 1)
        out[f"employed_{m}m"] = has_job & ((emp // b) % 2 == 1)
        out[f"earnings_{m}m"] = f[f"earn_{m}m"].where(has_job)
    out["full_time"] = f["hours_per_week"] >= 30
    out["wage_at_minimum"] = f["hourly_wage"] >= 17.60
    out["wage_at_living"] = f["hourly_wage"] >= 22.00
    out["teer_pop"] = has_job & f["prior_teer"].notna()
    out["teer_up"] = f["teer"] < f["prior_teer"]
    out["wage_growth_12m"] = (f["wage_12m"] / f["hourly_wage"] - 1.0).where(out["employed_12m"])
    out["goal_pop"] = has_job & f["goal_hourly_wage"].notna()
    out["wage_at_goal"] = f["hourly_wage"] >= f["goal_hourly_wage"]
    out["training_completed"] = f["tc"].fillna(False).astype(bool)
    both = f["n"] == 2
    out["learning_gain"] = f["lg"].where(both)
    out["personal_gain"] = f["pg"].where(both)
    out["ow_pop"] = f["left_ow"]
    out["ow_return"] = f["months_to_return"].fillna(10_000) <= 12
    out["months_to_job"] = f["months_after_intake"].where(has_job)
    out["certified"] = f["ccdp_certified"].fillna(False).astype(bool)
    return out


def _aggregate(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    g = frame.groupby(keys, observed=True)
    result = {
        "referred__num": g.size(),
        "intake_completed__num": g["intake"].sum(),
        "served__num": g["served"].sum(),
    }

    def rate(name, flag, pop):
        result[f"{name}__num"] = (
            (frame[flag] & frame[pop]).groupby([frame[k] for k in keys], observed=True).sum()
        )
        result[f"{name}__den"] = frame[pop].groupby([frame[k] for k in keys], observed=True).sum()

    frame = frame.assign(all=True)
    rate("referral_to_intake", "intake", "all")
    rate("job_12m", "has_job", "intake")
    for m in BITS:
        rate(f"outcome_{m}m", f"outcome_{m}m", "intake")
        rate(f"employed_{m}m", f"employed_{m}m", "intake")
        result[f"median_earnings_{m}m__val"] = g[f"earnings_{m}m"].median()
        result[f"median_earnings_{m}m__den"] = g[f"earnings_{m}m"].count()
    for name, flag in (
        ("full_time_job", "full_time"),
        ("wage_at_minimum", "wage_at_minimum"),
        ("wage_at_living", "wage_at_living"),
        ("retained_12m", "employed_12m"),
    ):
        rate(name, flag, "has_job")
    rate("teer_up", "teer_up", "teer_pop")
    rate("wage_at_goal", "wage_at_goal", "goal_pop")
    rate("training_completed", "training_completed", "intake")
    rate("ow_return_12m", "ow_return", "ow_pop")
    rate("certified_practitioner", "certified", "intake")
    for name, column in (("wage_growth_12m", "wage_growth_12m"), ("months_to_job", "months_to_job")):
        result[f"{name}__val"] = g[column].median()
        result[f"{name}__den"] = g[column].count()
    for name, column in (("learning_gain", "learning_gain"), ("personal_attributes_gain", "personal_gain")):
        result[f"{name}__val"] = g[column].mean()
        result[f"{name}__den"] = g[column].count()
    return pd.DataFrame(result)


def indicators(directory: str | Path) -> pd.DataFrame:
    f = facts(directory)
    f["province"] = "all"
    stacked = pd.concat([f[f[p]].assign(priority_group=p) for p in PRIORITY])
    parts = []
    for breakdown in (
        "province",
        "catchment",
        "ssm",
        "provider",
        "stream",
        "program",
        "age_band",
        "priority_group",
    ):
        source = stacked if breakdown == "priority_group" else f
        for keys in ([breakdown, "quarter"], [breakdown]):
            wide = _aggregate(source, keys).reset_index()
            wide["quarter"] = wide["quarter"] if "quarter" in keys else "all"
            wide = wide.rename(columns={breakdown: "group"})
            long = wide.melt(id_vars=["group", "quarter"])
            long[["indicator", "part"]] = long["variable"].str.split("__", expand=True)
            long = long.pivot_table(
                index=["group", "quarter", "indicator"], columns="part", values="value", aggfunc="first"
            )
            long = long.reset_index().assign(breakdown=breakdown)
            parts.append(long)
    out = pd.concat(parts, ignore_index=True)
    out["value"] = np.where(out["val"].notna(), out["val"], out["num"] / out["den"].where(out["den"] > 0))
    out.loc[out["den"].isna(), "value"] = out["num"]
    return out[["breakdown", "group", "quarter", "indicator", "num", "den", "value"]].rename(
        columns={"num": "numerator", "den": "denominator"}
    )
