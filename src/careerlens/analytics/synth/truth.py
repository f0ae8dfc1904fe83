"""The ground truth beside the data: ``truth.json`` (settings, coefficients, provider and practitioner
effects, intervention effects by group and their averages) and a per-client table of true values and
probabilities, so that estimators can be checked against the answer they should find."""

from __future__ import annotations

import numpy as np

from . import hazard, outcomes, segmentation
from .assessment import expected_change
from .config import (
    CAREER_COUNSELLING,
    CATCHMENTS,
    CHECKPOINT_MONTHS,
    EI,
    INTERVENTIONS,
    LTHS,
    OW,
    SimConfig,
)
from .episodes import EMPLOYED
from .numeric import gauss_hermite
from .outcomes import full_time_probability

VERSION = 1
P_VERIFIED_INDEX = (1, 2)
OBSERVABLE_NODES = 5  # Gauss-Hermite nodes to integrate out the unobserved part (a smooth integrand)


def _qualifying_share(people: dict, employability: np.ndarray, cfg: SimConfig) -> np.ndarray:
    """P(a job qualifies on hours and wage, with evidence) | a job, before retention."""
    full = full_time_probability(people, employability, cfg)
    verified = sum(cfg.evidence_shares[i] for i in P_VERIFIED_INDEX) / sum(cfg.evidence_shares)
    return full * (1.0 - cfg.below_min_wage_share) * verified


def per_client(
    p, base: np.ndarray, person: np.ndarray, employability: np.ndarray, plan: hazard.Plan, service: np.ndarray
) -> dict[str, np.ndarray]:
    cfg: SimConfig = p.cfg
    people = p.people
    e = employability.astype(np.float64)
    out: dict[str, np.ndarray] = {"client_id": people["client_id"]}
    out["employability"] = employability
    out["unobserved"] = people["unobserved"]
    out["person_logit"] = person.astype(np.float32)
    out["service_effect"] = service.astype(np.float32)
    for name in (
        "gender",
        "lgbtq",
        "indigenous",
        "francophone",
        "race",
        "racialized",
        "disability",
        "criminal_record",
        "immigrant",
        "years_since_arrival",
        "newcomer",
        "dependants",
        "education",
        "past_wage",
        "current_wage",
        "goal_wage",
        "youth_high_needs",
        "women_high_needs",
    ):
        out[name] = people[name]

    average_provider = base - service
    risk = hazard.survival(average_provider, None, segmentation.RISK_MONTHS, cfg)
    out["risk_true"] = risk.astype(np.float32)
    out["stream_true"] = segmentation.streams(risk, cfg)
    out["p_intake"] = p.referrals.p_intake.astype(np.float32)
    out["p_job_12m_untreated"] = (1.0 - hazard.survival(base, None, 12, cfg)).astype(np.float32)
    p12 = 1.0 - hazard.survival(base, plan, 12, cfg)
    out["p_job_12m"] = p12.astype(np.float32)

    qualifying = _qualifying_share(people, e, cfg)
    counselled = plan.assigned[:, CAREER_COUNSELLING]
    retention = outcomes.expected_retention(people, e, counselled, cfg)
    for row, k in enumerate(CHECKPOINT_MONTHS):
        out[f"p_outcome_{k}m"] = (p12 * qualifying * retention[row]).astype(np.float32)
    retention_12 = {
        flag: outcomes.expected_retention(people, e, np.full(len(e), flag), cfg, (12,))[0]
        for flag in (False, True)
    }
    for j, name in enumerate(INTERVENTIONS):
        with_j = 1.0 - hazard.survival(base, plan.toggled(j, True), 12, cfg)
        without_j = 1.0 - hazard.survival(base, plan.toggled(j, False), 12, cfg)
        out[f"propensity_{name}"] = p.action.propensity[:, j].astype(np.float32)
        out[f"ite_job_12m_{name}"] = (with_j - without_j).astype(np.float32)
        if j == CAREER_COUNSELLING:
            keep_with, keep_without = retention_12[True], retention_12[False]
        else:
            keep_with = keep_without = np.where(counselled, retention_12[True], retention_12[False])
        out[f"ite_outcome_12m_{name}"] = (
            qualifying * (with_j * keep_with - without_j * keep_without)
        ).astype(np.float32)
    on_ow = people["program"] == OW
    sub = {name: people[name][on_ow] for name in ("never_worked", "program", "age")}
    full = full_time_probability(sub, e[on_ow], cfg)
    ow_return = np.full(len(e), np.nan)
    ow_return[on_ow] = outcomes.expected_ow_return_12m(sub, e[on_ow], counselled[on_ow], full, cfg)
    out["p_ow_return_12m"] = ow_return.astype(np.float32)
    ow_observable = np.full(len(e), np.nan)
    ow_observable[on_ow] = _observable_ow_return(
        sub, base[on_ow], e[on_ow], plan, on_ow, counselled[on_ow], p
    )
    out["p_ow_return_12m_observable"] = ow_observable.astype(np.float32)

    change = expected_change(plan.assigned, p.exits.reason == EMPLOYED, cfg)
    out["career_change_expected"] = np.where(p.referrals.intake, change, np.nan).astype(np.float32)
    full_time = full_time_probability(people, e, cfg)
    out["p_no_full_time_job_12m"] = (1.0 - p12 * full_time).astype(np.float32)
    # at intake, when the stream is decided: no plan yet, and an average provider (risk_true's hazard)
    no_job = risk if segmentation.RISK_MONTHS == 12 else hazard.survival(average_provider, None, 12, cfg)
    out["p_no_full_time_job_12m_intake"] = (1.0 - (1.0 - no_job) * full_time).astype(np.float32)
    out["p_no_full_time_job_12m_observable"] = _observable_no_full_time(people, base, e, plan, cfg)
    return out


def _observable_ow_return(sub: dict, base, e, plan, rows, counselled, p) -> np.ndarray:
    """p_ow_return_12m with the unobserved part integrated out over its distribution among those who
    left for a job (each node weighted by the chance of a job within the search horizon)."""
    cfg: SimConfig = p.cfg
    unobserved = np.asarray(p.people["unobserved"], dtype=np.float64)[rows]
    known_base = base - unobserved
    known_e = e - unobserved / cfg.employability_scale
    plan_rows = hazard.Plan(plan.assigned[rows], plan.effect[rows], plan.lock_months[rows], plan.lock_in)
    total = np.zeros(len(base))
    mass = np.zeros(len(base))
    for node, weight in zip(*gauss_hermite(OBSERVABLE_NODES), strict=True):
        u = cfg.unobserved_sd * node
        e_node = known_e + u / cfg.employability_scale
        job = 1.0 - hazard.survival(known_base + u, plan_rows, cfg.horizon_months, cfg)
        full = full_time_probability(sub, e_node, cfg)
        total += weight * job * outcomes.expected_ow_return_12m(sub, e_node, counselled, full, cfg)
        mass += weight * job
    return total / np.maximum(mass, 1e-12)


def _observable_no_full_time(
    people: dict, base: np.ndarray, e: np.ndarray, plan, cfg: SimConfig
) -> np.ndarray:
    """p_no_full_time_job_12m with the unobserved part integrated out (Gauss-Hermite over its normal
    distribution): what the true covariates, the plan and the provider tell, the best a model of
    observed data could do."""
    unobserved = np.asarray(people["unobserved"], dtype=np.float64)
    known_base = base - unobserved
    known_e = e - unobserved / cfg.employability_scale
    total = np.zeros(len(base))
    for node, weight in zip(*gauss_hermite(OBSERVABLE_NODES), strict=True):
        u = cfg.unobserved_sd * node
        job = 1.0 - hazard.survival(known_base + u, plan, 12, cfg)
        total += weight * job * full_time_probability(people, known_e + u / cfg.employability_scale, cfg)
    return (1.0 - total).astype(np.float32)


def _mean(values: np.ndarray, mask: np.ndarray) -> float | None:
    return round(float(values[mask].mean()), 6) if mask.any() else None


def summary(p) -> dict:
    """The content of truth.json (plain JSON types, deterministic)."""
    cfg: SimConfig = p.cfg
    t = p.truth
    people = p.people
    intake = p.referrals.intake
    net = p.network
    groups = {
        "all": np.ones(len(intake), dtype=bool),
        "long_term_unemployed": people["months_out"] >= 12,
        "not_long_term_unemployed": people["months_out"] < 12,
        "youth_16_29": people["age"] <= 29,
        "age_30_plus": people["age"] > 29,
        "less_than_high_school": people["education"] == LTHS,
        "ei_early_in_claim": (people["program"] == EI) & (people["months_out"] <= 3),
        "age_55_plus": people["age"] >= 55,
        "social_assistance": np.isin(people["program"], (0, 1)),
    }
    average_effects = {}
    for j, name in enumerate(INTERVENTIONS):
        assigned = p.action.assigned[:, j]
        ite = t[f"ite_job_12m_{name}"]
        ite_outcome = t[f"ite_outcome_12m_{name}"]
        average_effects[name] = {
            "ate_job_12m": {group: _mean(ite, intake & mask) for group, mask in groups.items()},
            "att_job_12m": _mean(ite, intake & assigned),
            "ate_outcome_12m": _mean(ite_outcome, intake),
            "att_outcome_12m": _mean(ite_outcome, intake & assigned),
            "participants": int((intake & assigned).sum()),
        }
    return {
        "version": VERSION,
        "seed": int(p.seed),
        "clients": int(p.n),
        "settings": cfg.to_dict(),
        "hazard": {
            "intercept": cfg.hazard_intercept,
            "coefficients": dict(cfg.hazard),
            "duration_slope": cfg.duration_slope,
            "unobserved_sd": cfg.unobserved_sd,
            "labour_market": {
                c.code: round(cfg.labour_market_slope * (c.unemployment - 6.5), 6) for c in CATCHMENTS
            },
        },
        "intervention_effects": {name: dict(cfg.effects[name]) for name in INTERVENTIONS},
        "average_effects": average_effects,
        "providers": {
            str(pid): {
                "value_added": round(float(net.provider_effect[i]), 6),
                "tilt": round(float(net.provider_tilt[i]), 6),
                "size": round(float(net.provider_size[i]), 6),
            }
            for i, pid in enumerate(net.provider_ids)
        },
        "practitioners": {
            str(pid): round(float(net.practitioner_effect[i]), 6)
            for i, pid in enumerate(net.practitioner_ids)
        },
        "stream_cutoffs": list(cfg.stream_cutoffs),
    }
