"""Run the whole simulation: people → what they report → providers → referral and intake → streams →
action plans → job starts → exits → jobs, checkpoints, returns to Ontario Works → career measures, with
the ground truth beside. ``simulate(n, seed)`` is deterministic: the same arguments give the same province.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from . import (
    assessment,
    careers,
    disclosure,
    episodes,
    hazard,
    network,
    outcomes,
    population,
    segmentation,
    sites,
    truth,
)
from .config import SimConfig


@dataclass
class Province:
    n: int
    seed: int
    cfg: SimConfig
    people: dict
    recorded: dict
    network: network.Network
    provider: np.ndarray
    practitioner: np.ndarray  # -1 without intake
    referrals: episodes.Referrals
    risk: np.ndarray
    stream: np.ndarray  # -1 without intake
    action: episodes.ActionPlan
    job_month: np.ndarray
    exits: episodes.Exits
    jobs: outcomes.Jobs
    checkpoints: outcomes.Checkpoints
    ow_spells: outcomes.OntarioWorksSpells
    intake_answers: assessment.Answers
    exit_answers: assessment.Answers
    truth: dict = field(default_factory=dict)  # per-client truth columns
    summary: dict = field(default_factory=dict)  # truth.json content
    sites: sites.Sites | None = None
    site: np.ndarray | None = None  # int32 index into sites, per client
    careers: careers.Careers | None = None


def simulate(n: int, seed: int, cfg: SimConfig | None = None) -> Province:
    if int(n) != n or n < 1:
        raise ValueError(f"The number of clients must be a whole number of at least 1, not {n!r}.")
    cfg = cfg or SimConfig()
    n = int(n)
    people = population.draw(n, seed, cfg)
    recorded = disclosure.record(people, seed, cfg)
    reported = disclosure.reported_covariates(people, recorded)
    net = network.build(n, seed, cfg)

    # providers are assigned at referral, on what the referral says (program, age, education, time out)
    referral_cov = {key: np.zeros(n, dtype=bool) for key in hazard.COVARIATES}
    for key in ("program", "employed", "age", "education", "months_out", "prior_ow_spells", "never_worked"):
        referral_cov[key] = people[key]
    referral_cov["prior_outlook"] = np.zeros(n, dtype=np.int8)
    profile = hazard.person_logit(referral_cov, cfg)
    profile = (profile - profile.mean()) / max(float(profile.std()), 1e-9)
    provider = network.assign_providers(people["catchment"], profile, people["francophone"], seed, cfg, net)
    referrals = episodes.refer(people, seed, cfg)
    intake = referrals.intake

    risk = segmentation.risk(reported, people["catchment"], cfg)
    stream = np.where(intake, segmentation.streams(risk, cfg), -1).astype(np.int8)
    practitioner = np.where(intake, network.assign_practitioners(provider, seed, net), -1).astype(np.int32)
    action = episodes.plan(
        people, reported, np.maximum(stream, 0), provider, intake, seed, cfg, len(net.provider_ids)
    )

    person = hazard.person_logit(people, cfg)
    employability = hazard.employability(person, people["unobserved"], cfg)
    service = net.provider_effect[provider] + np.where(
        practitioner >= 0, net.practitioner_effect[np.maximum(practitioner, 0)], 0.0
    )
    base = (
        cfg.hazard_intercept
        + person
        + people["unobserved"]
        + hazard.labour_market(people["catchment"], cfg)
        + service
    )
    effect, lock_months, lock_in = hazard.intervention_effects(
        people, action.training_months, action.basic_months, cfg
    )
    plan = hazard.Plan(action.assigned, effect, lock_months, lock_in)
    job_month, _ = outcomes.job_months(base, plan, intake, seed, cfg)
    start_day = outcomes.job_start_days(job_month, referrals.intake_day, seed)
    exits = episodes.leave(intake, referrals.intake_day, action, job_month, start_day)
    jobs = outcomes.draw_jobs(people, employability, job_month, start_day, action.assigned, seed, cfg)
    checks = outcomes.checkpoints(jobs, seed, cfg)
    spells = outcomes.ow_returns(people, jobs, seed, cfg)

    employed_at_exit = exits.reason == episodes.EMPLOYED
    first, second = assessment.intake_and_exit(
        people,
        employability,
        intake,
        np.maximum(exits.reason, 0),
        employed_at_exit,
        action.assigned,
        seed,
        cfg,
    )
    province = Province(
        n,
        seed,
        cfg,
        people,
        recorded,
        net,
        provider,
        practitioner,
        referrals,
        risk,
        stream,
        action,
        job_month,
        exits,
        jobs,
        checks,
        spells,
        first,
        second,
    )
    province.truth = truth.per_client(province, base, person, employability, plan, service)
    province.summary = truth.summary(province)
    # drawn last, from streams of their own: nothing above depends on them
    province.sites = sites.build(net, seed, cfg)
    province.site = sites.assign(provider, province.sites, seed)
    rows = episodes.intervention_rows(action, referrals.intake_day, exits.day)
    province.careers = careers.build(province, rows)
    province.summary["careers"] = careers.summary(province.careers, jobs)
    return province
