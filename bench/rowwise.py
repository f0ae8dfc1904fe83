"""The baseline for bench/simulate.py: the same simulation written the plain way, one client at a time in
pure Python (``random``, ``math``), appending dict rows to lists and writing the same tables with
pyarrow (``Table.from_pylist``).

It does the same work per client as the vectorised simulator, step by step and with the same settings:
population, "prefer not to answer" (shared reticence) and under-reporting, provider (tilted weights) and
practitioner, referral and intake, risk score and stream, plan (propensities), the monthly hazard over 24
months, exit, job (NOC, hours, wage, fit, duration), four checkpoints, return to Ontario Works, career
measures at intake and exit (15 measures, 24 adaptability items), the event timeline, and the truth
(untreated and assigned 12-month survival, five with/without toggles, expected retention by Gauss-Hermite,
return probability). Its random numbers differ from the vectorised ones; it is a speed baseline.
"""

from __future__ import annotations

import math
import random
from pathlib import Path
from statistics import NormalDist

import pyarrow as pa
import pyarrow.parquet as pq

from careerlens.analytics.synth import occupations
from careerlens.analytics.synth.config import (
    ADAPTABILITY,
    CAREER_MANAGEMENT,
    CATCHMENTS,
    CHECKPOINT_MONTHS,
    EDUCATION,
    EXIT_REASONS,
    GENDERS,
    INTERVENTIONS,
    PROGRAMS,
    STREAMS,
    SimConfig,
)
from careerlens.analytics.synth.numeric import gauss_hermite

DAYS = 30.44
NODES, WEIGHTS = (values.tolist() for values in gauss_hermite(9))


def _logistic(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def _pick(rng: random.Random, shares) -> int:
    u, total = rng.random() * sum(shares), 0.0
    for index, share in enumerate(shares):
        total += share
        if u < total:
            return index
    return len(shares) - 1


def _person_logit(cfg: SimConfig, p: dict) -> float:
    h = cfg.hazard
    age, education = p["age"], p["education"]
    return (
        (h["ontario_works"] if p["program"] == 0 else 0.0)
        + (h["odsp"] if p["program"] == 1 else 0.0)
        + (h["ei"] if p["program"] == 2 else 0.0)
        + (h["employed"] if p["employed"] else 0.0)
        + (h["age_16_24"] if age < 25 else 0.0)
        + (h["age_45_54"] if 45 <= age < 55 else 0.0)
        + (h["age_55_64"] if 55 <= age < 65 else 0.0)
        + (h["age_65_plus"] if age >= 65 else 0.0)
        + (h["less_than_high_school"] if education == 0 else 0.0)
        + (h["high_school"] if education == 1 else 0.0)
        + (h["bachelor"] if education == 3 else 0.0)
        + (h["graduate"] if education == 4 else 0.0)
        + h["log_months_out"] * math.log1p(p["months_out"])
        + (h["disability"] if p["disability"] else 0.0)
        + (h["newcomer"] if p["newcomer"] else 0.0)
        + (h["language_barrier"] if p["language_barrier"] else 0.0)
        + (h["racialized"] if p["racialized"] else 0.0)
        + (h["indigenous"] if p["indigenous"] else 0.0)
        + (h["criminal_record"] if p["criminal_record"] else 0.0)
        + (h["housing_unstable"] if p["housing_unstable"] else 0.0)
        + h["prior_ow_spell"] * min(p["prior_ow_spells"], 4)
        + (h["never_worked"] if p["never_worked"] else 0.0)
        + (h["outlook_shortage"] if p["outlook"] >= 4 else 0.0)
        + (h["outlook_surplus"] if p["outlook"] in (1, 2) else 0.0)
    )


def _effect(cfg: SimConfig, p: dict, name: str, month: int, months: dict) -> float:
    e = cfg.effects[name]
    if name == "job_search":
        return e["base"] + (e["ei_early"] if p["program"] == 2 and p["months_out"] <= 3 else 0.0)
    if name == "career_counselling":
        return e["base"]
    if name == "skills_training":
        if month <= months["skills_training"]:
            return e["lock_in"]
        return e["base"] + (e["long_term_unemployed"] if p["months_out"] >= 12 else 0.0)
    if name == "work_placement":
        return e["base"] + (e["youth"] if p["age"] <= 29 else 0.0)
    if month <= months["basic_skills"]:
        return e["lock_in"]
    return e["base"] + (e["less_than_high_school"] if p["education"] == 0 else 0.0)


def _survival(cfg: SimConfig, base: float, p: dict, plan: set, months: dict, horizon: int) -> float:
    s = 1.0
    for month in range(1, horizon + 1):
        logit = base + cfg.duration_slope * (month - 1)
        for name in plan:
            logit += _effect(cfg, p, name, month, months)
        s *= 1.0 - _logistic(logit)
    return s


def _retention(cfg: SimConfig, p: dict, e: float, counselled: bool, k: int) -> float:
    same_p = 0.0 if p["never_worked"] else cfg.same_field_share
    total = 0.0
    for same, weight_same in ((1.0, same_p), (0.0, 1.0 - same_p)):
        mean = cfg.fit_same_field * same + (cfg.effects["career_counselling"]["fit"] if counselled else 0.0)
        mean += cfg.fit_employability * e
        for node, weight in zip(NODES, WEIGHTS, strict=True):
            logit = cfg.separation_intercept + cfg.separation["fit"] * (mean + node)
            logit += cfg.separation["employability"] * e + (
                cfg.separation["ontario_works"] if p["program"] == 0 else 0
            )
            total += weight_same * weight * (1.0 - _logistic(logit)) ** k
    return total


def simulate_rows(n: int, seed: int, cfg: SimConfig | None = None) -> dict[str, list[dict]]:
    cfg = cfg or SimConfig()
    rng = random.Random(seed)
    occ = occupations.load()
    codes, teers, weights = occ.codes.tolist(), occ.teer.tolist(), occ.employment.tolist()
    outlooks = occ.outlook.tolist()
    by_teer = {t: [i for i in range(len(codes)) if teers[i] == t] for t in range(6)}
    weights_by_teer = {t: [weights[i] for i in by_teer[t]] for t in range(6)}
    population = [c.population for c in CATCHMENTS]
    providers = [(c, k) for c in range(len(CATCHMENTS)) for k in range(1, 3)]
    provider_effect = [rng.gauss(0, cfg.provider_effect_sd) for _ in providers]
    provider_tilt = [rng.gauss(0, cfg.provider_tilt_sd) for _ in providers]
    practitioner_effect = [[rng.gauss(0, cfg.practitioner_effect_sd) for _ in range(4)] for _ in providers]
    thresholds = {item: NormalDist().inv_cdf(1 - rate) for item, rate in cfg.prefer_not_rates.items()}
    rho = cfg.prefer_not_correlation
    names = ("clients", "episodes", "assessments", "interventions", "jobs", "checkpoints", "ow_spells")
    tables: dict[str, list[dict]] = {name: [] for name in (*names, "events", "truth_clients")}
    start_day = 20089  # 2025-01-01
    job_id = intervention_id = 0

    def event(client_id, day, kind, detail=None, ref=None):
        tables["events"].append(
            {"client_id": client_id, "event_date": day, "event_type": kind, "detail": detail, "ref_id": ref}
        )

    for client_id in range(1, n + 1):
        catchment = _pick(rng, population)
        c = CATCHMENTS[catchment]
        program = _pick(rng, [cfg.program_shares[name] for name in PROGRAMS])
        pname = PROGRAMS[program]
        employed = rng.random() < cfg.employed_share[pname]
        band = cfg.age_bands[_pick(rng, cfg.age_band_shares[pname])]
        age = rng.randrange(band[0], band[1])
        indigenous = rng.random() < c.indigenous * (
            cfg.indigenous_social_assistance_factor if program < 2 else 1
        )
        immigrant = rng.random() < c.immigrant and not indigenous
        newcomer = immigrant and rng.random() < cfg.newcomer_share_of_immigrants
        education = _pick(rng, cfg.education_shares["immigrant" if immigrant else pname])
        months_out = 0
        if not employed:
            median = cfg.months_out_median[pname] * (cfg.months_out_factor_55_plus if age >= 55 else 1.0)
            months_out = min(
                240, max(1, math.ceil(median * math.exp(cfg.months_out_sigma * rng.gauss(0, 1))))
            )
        never = (
            not employed
            and program != 2
            and rng.random() < (0.45 if age < 20 else 0.15 if age < 25 else 0.04)
        )
        teer = _pick(rng, cfg.teer_shares_by_education[education])
        noc = rng.choices(by_teer[teer], weights_by_teer[teer])[0]
        p = {
            "program": program,
            "employed": employed,
            "age": age,
            "education": education,
            "months_out": months_out,
            "gender": _pick(rng, cfg.gender_shares),
            "francophone": rng.random() < c.francophone,
            "indigenous": indigenous,
            "newcomer": newcomer,
            "racialized": rng.random() < (cfg.racialized_if_immigrant if immigrant else c.racialized),
            "disability": rng.random() < cfg.disability_share[pname],
            "criminal_record": rng.random() < cfg.criminal_record_share[pname],
            "housing_unstable": rng.random() < cfg.housing_unstable_share[pname],
            "language_barrier": newcomer and rng.random() < cfg.language_barrier_share["newcomer"],
            "prior_ow_spells": min(
                6, sum(rng.random() < cfg.prior_ow_spells_mean[pname] / 6 for _ in range(6))
            ),
            "never_worked": never,
            "outlook": 0 if never else outlooks[noc],
        }
        past_wage = (
            None if never else round(cfg.median_wage_by_teer[teer] * math.exp(0.2 * rng.gauss(0, 1)), 2)
        )
        reticence = rng.gauss(0, 1)
        declined = {
            item: math.sqrt(rho) * reticence + math.sqrt(1 - rho) * rng.gauss(0, 1) > cut
            for item, cut in thresholds.items()
        }
        hidden = p["disability"] and rng.random() < cfg.underreport_mental_health_others
        unobserved = rng.gauss(0, cfg.unobserved_sd)
        person = _person_logit(cfg, p)
        e = (person + unobserved - cfg.employability_center) / cfg.employability_scale
        lm = cfg.labour_market_slope * (c.unemployment - 6.5)
        reported = dict(p, disability=p["disability"] and not hidden and not declined["disability"])
        risk = _survival(
            cfg, cfg.hazard_intercept + _person_logit(cfg, reported) + lm, reported, set(), {}, 12
        )
        stream = 0 if risk < cfg.stream_cutoffs[0] else (1 if risk < cfg.stream_cutoffs[1] else 2)
        members = [i for i, (pc, _) in enumerate(providers) if pc == catchment]
        provider = members[_pick(rng, [math.exp(provider_tilt[i] * (person / 0.8)) for i in members])]
        practitioner = rng.randrange(4)
        referral_day = start_day + rng.randrange(cfg.referral_days)
        intake = rng.random() < cfg.intake_rate[pname]
        intake_day = referral_day + 1 + int(rng.expovariate(1 / cfg.intake_lag_days_mean[pname]))
        tables["clients"].append(
            {
                "client_id": client_id,
                "catchment": c.code,
                "program": pname,
                "employed_at_referral": employed,
                "age": age,
                "gender": None if declined["gender"] else GENDERS[p["gender"]],
                "education": None if declined["education"] else EDUCATION[education],
                "francophone": p["francophone"],
                "indigenous": indigenous,
                "racialized": p["racialized"],
                "disability": reported["disability"],
                "months_out_of_work": months_out,
                "prior_noc": None if never else codes[noc],
                "past_hourly_wage": None if declined["past_wage"] else past_wage,
                "declined_any": any(declined.values()),
                "declined_count": sum(declined.values()),
            }
        )
        event(client_id, referral_day, "referral")
        base = cfg.hazard_intercept + person + unobserved + lm + provider_effect[provider]
        base += practitioner_effect[provider][practitioner]
        truth = {"client_id": client_id, "employability": e, "unobserved": unobserved, "risk_true": risk}
        if not intake:
            tables["episodes"].append(
                {"client_id": client_id, "provider": provider, "referral_day": referral_day}
            )
            tables["truth_clients"].append(truth)
            continue
        for kind, detail in (
            ("intake", None),
            ("assessment", "intake"),
            ("stream_assigned", STREAMS[stream]),
            ("plan_created", None),
        ):
            event(client_id, intake_day, kind, detail)
        latent = [
            3.0 + cfg.assessment_loading * e + cfg.assessment_noise * rng.gauss(0, 1) for _ in range(16)
        ]
        answers = {name: min(5, max(1, round(latent[k]))) for k, name in enumerate(CAREER_MANAGEMENT)}
        for k, name in enumerate(ADAPTABILITY):
            items = [min(5, max(1, round(latent[11 + k] + 0.6 * rng.gauss(0, 1)))) for _ in range(6)]
            answers[name] = sum(items) / 6
        answers["self_efficacy"] = min(5, max(1, round(latent[15])))
        tables["assessments"].append(
            {"client_id": client_id, "occasion": "intake", "day": intake_day, **answers}
        )

        plan, months = set(), {"skills_training": rng.randrange(3, 7), "basic_skills": rng.randrange(2, 4)}
        for name in INTERVENTIONS:
            terms = cfg.propensity[name]
            logit = terms["intercept"] + (terms.get("stream_c", 0) if stream == 2 else 0)
            logit += (terms.get("stream_b", 0) if stream == 1 else 0) + (
                terms.get("employed", 0) if employed else 0
            )
            logit += (terms.get("youth", 0) if age <= 29 else 0) + (
                terms.get("age_55_plus", 0) if age >= 55 else 0
            )
            logit += terms.get("long_term_unemployed", 0) if months_out >= 12 else 0
            if rng.random() < _logistic(logit):
                plan.add(name)
        if not plan:
            plan.add("job_search")
        job_month = 0
        for month in range(1, cfg.horizon_months + 1):
            logit = base + cfg.duration_slope * (month - 1)
            for name in plan:
                logit += _effect(cfg, p, name, month, months)
            hazard = _logistic(logit)
            if not job_month and rng.random() < hazard:
                job_month = month
        p12 = 1.0 - _survival(cfg, base, p, plan, months, 12)
        truth["p_job_12m"] = p12
        truth["p_job_12m_untreated"] = 1.0 - _survival(cfg, base, p, set(), months, 12)
        for name in INTERVENTIONS:
            with_it = 1.0 - _survival(cfg, base, p, plan | {name}, months, 12)
            without = 1.0 - _survival(cfg, base, p, plan - {name}, months, 12)
            truth[f"ite_job_12m_{name}"] = with_it - without
        counselled = "career_counselling" in plan
        full_p = _logistic(cfg.full_time_intercept + cfg.full_time["employability"] * e)
        for k in CHECKPOINT_MONTHS:
            truth[f"p_outcome_{k}m"] = p12 * full_p * 0.97 * 0.95 * _retention(cfg, p, e, counselled, k)

        plan_months = rng.randrange(cfg.plan_months[0], cfg.plan_months[1] + 1)
        dropout = 1
        while (
            rng.random() >= (cfg.dropout_monthly["social_assistance" if program < 2 else "other"])
            and dropout < 99
        ):
            dropout += 1
        job_day = intake_day + round(DAYS * (job_month - 1 + rng.random())) if job_month else None
        if job_month and job_month <= plan_months and job_month <= dropout:
            reason, exit_day = 0, job_day
        elif dropout < plan_months:
            reason, exit_day = 2, intake_day + round(DAYS * dropout)
        else:
            reason, exit_day = 1, intake_day + round(DAYS * plan_months)
        for name in sorted(plan):
            intervention_id += 1
            begin = intake_day + rng.randrange(0, 31)
            planned_end = begin + round(DAYS * rng.randrange(1, 4))
            started = begin < exit_day
            status = (
                "not_started" if not started else ("ended_early" if planned_end > exit_day else "completed")
            )
            end = min(planned_end, exit_day) if started else None
            tables["interventions"].append(
                {
                    "intervention_id": intervention_id,
                    "client_id": client_id,
                    "intervention": name,
                    "planned_start": begin,
                    "planned_end": planned_end,
                    "start": begin if started else None,
                    "end": end,
                    "status": status,
                }
            )
            if started:
                event(client_id, begin, "intervention_start", name, intervention_id)
                event(client_id, end, "intervention_end", name, intervention_id)
        tables["episodes"].append(
            {
                "client_id": client_id,
                "provider": provider,
                "practitioner": practitioner,
                "referral_day": referral_day,
                "intake_day": intake_day,
                "risk_score": risk,
                "stream": STREAMS[stream],
                "exit_day": exit_day,
                "exit_reason": EXIT_REASONS[reason],
            }
        )
        event(client_id, exit_day, "exit", EXIT_REASONS[reason])
        if rng.random() < (0.75, 0.95, 0.35)[reason]:
            change = (
                cfg.indicator_change["base"] + (0.45 if counselled else 0.0) + (0.2 if reason == 0 else 0.0)
            )
            later = {
                name: min(5, max(1, round(latent[k] + change + 0.55 * rng.gauss(0, 1))))
                for k, name in enumerate(CAREER_MANAGEMENT)
            }
            for k, name in enumerate(ADAPTABILITY):
                items = [
                    min(5, max(1, round(latent[11 + k] + change + 0.6 * rng.gauss(0, 1)))) for _ in range(6)
                ]
                later[name] = sum(items) / 6
            tables["assessments"].append(
                {"client_id": client_id, "occasion": "exit", "day": exit_day, **later}
            )
            event(client_id, exit_day, "assessment", "exit")
        if job_month:
            job_id += 1
            same = not never and rng.random() < cfg.same_field_share
            job_teer = teer if same else _pick(rng, cfg.teer_shares_by_education[education])
            job_noc = noc if same else rng.choices(by_teer[job_teer], weights_by_teer[job_teer])[0]
            full = rng.random() < full_p
            hours = rng.choice([30.0, 35.0, 37.5, 40.0]) if full else float(rng.randrange(8, 20))
            wage = max(
                cfg.min_wage, cfg.median_wage_by_teer[job_teer] * math.exp(cfg.wage_sigma * rng.gauss(0, 1))
            )
            fit = (
                cfg.fit_same_field * same
                + (0.6 if counselled else 0.0)
                + cfg.fit_employability * e
                + rng.gauss(0, 1)
            )
            separation = _logistic(
                cfg.separation_intercept + cfg.separation["fit"] * fit + cfg.separation["employability"] * e
            )
            months_kept = max(1, math.ceil(math.log(1.0 - rng.random()) / math.log1p(-separation)))
            end_day = job_day + round(DAYS * months_kept) if months_kept <= cfg.job_follow_months else None
            tables["jobs"].append(
                {
                    "job_id": job_id,
                    "client_id": client_id,
                    "start": job_day,
                    "noc": codes[job_noc],
                    "teer": job_teer,
                    "hours": hours,
                    "wage": round(wage, 2),
                    "same_field": same,
                    "fit_rating": min(5, max(1, round(3 + 0.8 * fit))),
                    "end": end_day,
                }
            )
            event(client_id, job_day, "job_start", None, job_id)
            for k in CHECKPOINT_MONTHS:
                still = months_kept > k
                evidence = ("pay_stub", "employer_letter", "self_report_only")[_pick(rng, (0.8, 0.15, 0.05))]
                met = (
                    still
                    and hours >= cfg.min_hours
                    and wage >= cfg.min_wage
                    and evidence != "self_report_only"
                )
                due = job_day + round(DAYS * k)
                tables["checkpoints"].append(
                    {
                        "job_id": job_id,
                        "client_id": client_id,
                        "months": k,
                        "due": due,
                        "employed": still,
                        "evidence": evidence if still else "none",
                        "outcome_met": met,
                    }
                )
                event(client_id, due, "checkpoint", f"{k}m", job_id)
            if end_day is not None:
                event(client_id, end_day, "job_end", None, job_id)
            if program == 0:
                back = rng.random() < (
                    cfg.ow_return_if_job_ends_first_year
                    if months_kept <= 12
                    else cfg.ow_return_if_job_ends_later
                )
                lag = 1
                while rng.random() >= 1 / cfg.ow_return_lag_mean_months:
                    lag += 1
                back = back and months_kept + lag <= cfg.job_follow_months
                tables["ow_spells"].append(
                    {
                        "client_id": client_id,
                        "job_id": job_id,
                        "exit": job_day,
                        "months_to_return": months_kept + lag if back else None,
                    }
                )
                event(client_id, job_day, "ow_exit", None, job_id)
                if back:
                    event(client_id, job_day + round(DAYS * (months_kept + lag)), "ow_return", None, job_id)
        tables["truth_clients"].append(truth)
    tables["events"].sort(key=lambda row: (row["client_id"], row["event_date"]))
    return tables


def write_rows(tables: dict[str, list[dict]], directory: Path) -> int:
    directory.mkdir(parents=True, exist_ok=True)
    total = 0
    for name, rows in tables.items():
        if rows:
            pq.write_table(pa.Table.from_pylist(rows), directory / f"{name}.parquet", compression="zstd")
        total += len(rows)
    return total
