"""The columns of ``truth_clients``, the simulator's ground truth per client (schema.py lists every table)."""

from __future__ import annotations

from .columns import Column, listed
from .config import CHECKPOINT_MONTHS, DISABILITY_TYPES, EDUCATION, GENDERS, INTERVENTIONS, RACES

TRUTH_CLIENTS = (
    "Ground truth per client (never shown to estimators as input).",
    (
        Column("client_id", "int64", "the client"),
        Column(
            "employability",
            "float32",
            "latent employability (about mean 0, sd 1); drives answers and outcomes",
        ),
        Column("unobserved", "float32", "the unobserved part of the hazard logit"),
        Column("person_logit", "float32", "the person's observed-covariate part of the hazard logit"),
        Column("service_effect", "float32", "provider value added + practitioner effect (hazard logit)"),
        Column("gender", "dictionary", f"true: {listed(GENDERS)}"),
        Column("lgbtq", "bool", "true"),
        Column("indigenous", "bool", "true"),
        Column("francophone", "bool", "true"),
        Column("race", "dictionary", f"true: {listed(RACES)}"),
        Column("racialized", "bool", "true"),
        Column("disability", "dictionary", f"true: {listed(DISABILITY_TYPES)}"),
        Column("criminal_record", "bool", "true"),
        Column("born_outside_canada", "bool", "true"),
        Column("years_since_arrival", "int8", "true; null if born in Canada", True),
        Column("newcomer", "bool", "true: arrived within 5 years"),
        Column("dependants", "int8", "true"),
        Column("education", "dictionary", f"true: {listed(EDUCATION)}"),
        Column("past_hourly_wage", "float32", "true; null if never worked", True),
        Column("current_hourly_wage", "float32", "true; null if not employed", True),
        Column("goal_hourly_wage", "float32", "true"),
        Column("youth_high_needs", "bool", "true priority-group membership"),
        Column("women_high_needs", "bool", "true priority-group membership"),
        Column(
            "risk_true",
            "float32",
            "true P(no job within 12 months) without interventions, average provider",
        ),
        Column("stream_true", "dictionary", "stream the true risk gives at the same cut-offs"),
        Column("p_intake", "float32", "P(the referral reaches intake)"),
        Column(
            "p_job_12m_untreated",
            "float32",
            "P(job start within 12 months of intake) with no interventions",
        ),
        Column("p_job_12m", "float32", "P(job start within 12 months of intake) with the plan as assigned"),
    )
    + tuple(
        Column(
            f"p_outcome_{k}m",
            "float32",
            f"P(job within 12 months meeting the IES rule at the {k}-month checkpoint)",
        )
        for k in CHECKPOINT_MONTHS
    )
    + tuple(
        Column(f"propensity_{name}", "float32", f"true P({name} in the plan | observables) at intake")
        for name in INTERVENTIONS
    )
    + tuple(
        Column(
            f"ite_job_12m_{name}",
            "float32",
            f"individual effect of {name} on p_job_12m (with minus without, "
            "the rest of the plan as assigned)",
        )
        for name in INTERVENTIONS
    )
    + tuple(
        Column(f"ite_outcome_12m_{name}", "float32", f"individual effect of {name} on p_outcome_12m")
        for name in INTERVENTIONS
    )
    + (
        Column(
            "p_ow_return_12m",
            "float32",
            "Ontario Works clients: P(back on Ontario Works within 12 months of "
            "leaving it for a job | leaving)",
            True,
        ),
        Column(
            "career_change_expected",
            "float32",
            "expected change of every career measure from intake to exit "
            "(scale points), given the plan and whether employed at exit",
            True,
        ),
        Column(
            "p_no_full_time_job_12m",
            "float32",
            "P(no job of at least min_hours a week starting within 12 months of intake) with the plan "
            "as assigned: 1 - p_job_12m x P(the job has min_hours+ a week)",
        ),
        Column(
            "p_no_full_time_job_12m_intake",
            "float32",
            "p_no_full_time_job_12m as it stands at intake, when the stream is decided: no plan yet and "
            "an average provider (1 - (1 - risk_true) x P(the job has min_hours+ a week)); the oracle for "
            "a model that scores people at intake",
        ),
        Column(
            "p_ow_return_12m_observable",
            "float32",
            "p_ow_return_12m with the unobserved part integrated out over its distribution among "
            "those who left for a job (the oracle for a model of observed data)",
            True,
        ),
        Column(
            "p_no_full_time_job_12m_observable",
            "float32",
            "p_no_full_time_job_12m with the unobserved part integrated out: what the true covariates, "
            "the plan and the provider tell (the oracle for a model of observed data)",
        ),
    ),
)
