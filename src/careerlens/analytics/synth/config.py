"""Settings of the simulated province: every rate, coefficient and threshold in one place.

Nothing here is an official figure unless ``docs/synth.md`` cites it as one. Population counts are
approximate 2021 Census figures (sums of census divisions per catchment); the other rates are settings
chosen to look like Ontario's employment services and calibrated against ``FACTS.md`` (see
``calibration.py``). ``SimConfig`` is frozen and copied into ``truth.json`` so that every output says how it
was made.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date

# --- vocabularies (the order is the code stored in memory; Parquet stores the strings) -----------------

PROGRAMS = ("ontario_works", "odsp", "ei", "none")
OW, ODSP, EI, NONE = range(4)

GENDERS = ("woman", "man", "gender_diverse")
EDUCATION = ("less_than_high_school", "high_school", "college_or_trades", "bachelor", "graduate")
LTHS, HS, COLLEGE, BACHELOR, GRADUATE = range(5)
RACES = (
    "white",
    "black",
    "east_asian",
    "south_asian",
    "southeast_asian",
    "west_asian_or_arab",
    "latin_american",
    "other_or_multiple",
    "indigenous",
)
DISABILITY_TYPES = ("none", "physical", "mental_health", "cognitive", "sensory")
OUTLOOKS = (
    "unknown",
    "strong_surplus",
    "moderate_surplus",
    "balance",
    "moderate_shortage",
    "strong_shortage",
)
STREAMS = ("A", "B", "C")
INTERVENTIONS = ("job_search", "career_counselling", "skills_training", "work_placement", "basic_skills")
JOB_SEARCH, CAREER_COUNSELLING, SKILLS_TRAINING, WORK_PLACEMENT, BASIC_SKILLS = range(5)
EXIT_REASONS = ("employed", "plan_completed", "disengaged")
EVIDENCE = ("none", "pay_stub", "employer_letter", "self_report_only")
REFERRAL_SOURCES = ("ontario_works_office", "odsp_office", "self", "community_agency")
CHECKPOINT_MONTHS = (1, 3, 6, 12)
CONTRACT_TYPES = ("permanent", "temporary", "seasonal", "contract")
PERMANENT = 0
CREDENTIALS = ("certificate", "licence", "apprenticeship_level")

# The 11 Blueprint for Life/Work Designs career-management competencies and the four adaptability
# dimensions (Savickas). The simulated items are our own wording, not the CAAS items.
CAREER_MANAGEMENT = (
    "cm_positive_self_image",
    "cm_interact_with_others",
    "cm_change_and_grow",
    "cm_locate_information",
    "cm_work_and_economy",
    "cm_balanced_roles",
    "cm_changing_roles",
    "cm_lifelong_learning",
    "cm_life_work_decisions",
    "cm_manage_life_work_building",
    "cm_secure_maintain_work",
)
ADAPTABILITY = ("adapt_concern", "adapt_control", "adapt_curiosity", "adapt_confidence")


@dataclass(frozen=True)
class Catchment:
    code: str
    population: int  # 2021 Census, approximate (sum of the census divisions listed in docs/synth.md)
    francophone: float  # share of the population, approximate
    indigenous: float
    immigrant: float
    racialized: float
    unemployment: float  # approximate 2024 unemployment rate, %, for the labour-market shift
    french_provider: bool  # the demo network has a French-language provider here


CATCHMENTS: tuple[Catchment, ...] = (
    Catchment("hamilton-niagara", 1_308_771, 0.020, 0.025, 0.19, 0.17, 6.6, True),
    Catchment("muskoka-kawarthas", 403_538, 0.010, 0.035, 0.08, 0.05, 6.0, False),
    Catchment("peel", 1_451_022, 0.010, 0.007, 0.52, 0.69, 8.5, True),
    Catchment("halton", 596_637, 0.015, 0.010, 0.30, 0.32, 6.0, False),
    Catchment("kingston-pembroke", 484_655, 0.030, 0.040, 0.08, 0.07, 6.0, True),
    Catchment("stratford-bruce", 317_232, 0.010, 0.025, 0.08, 0.05, 4.8, False),
    Catchment("york", 1_173_334, 0.010, 0.006, 0.47, 0.55, 7.0, False),
    Catchment("durham", 696_992, 0.015, 0.020, 0.23, 0.34, 7.0, False),
    Catchment("kitchener-waterloo-barrie", 1_427_617, 0.015, 0.025, 0.20, 0.20, 6.9, False),
    Catchment("london", 717_096, 0.012, 0.025, 0.18, 0.19, 7.0, False),
    Catchment("ottawa", 1_407_555, 0.150, 0.025, 0.22, 0.27, 6.0, True),
    Catchment("windsor-sarnia", 655_330, 0.030, 0.030, 0.19, 0.19, 8.5, True),
    Catchment("toronto", 2_794_356, 0.012, 0.010, 0.47, 0.56, 8.8, True),
    Catchment("northeast", 559_310, 0.220, 0.130, 0.05, 0.04, 6.4, True),
    Catchment("northwest", 232_299, 0.030, 0.250, 0.05, 0.04, 5.5, False),
)
CATCHMENT_CODES = tuple(c.code for c in CATCHMENTS)


def _d(**kwargs):
    return field(default_factory=lambda: dict(kwargs))


@dataclass(frozen=True)
class SimConfig:
    """All settings. ``dataclasses.replace(SimConfig(), min_wage=18.0)`` makes a variant."""

    # IES outcome rule (setting; secondary source): >= min_hours a week at >= min_wage.
    min_wage: float = 17.60  # Ontario general minimum wage from 1 October 2025, $/hour
    min_hours: float = 20.0
    referral_start: date = date(2025, 1, 1)
    referral_days: int = 365
    horizon_months: int = 24  # months of job search followed after intake
    job_follow_months: int = 60  # months a job (and a return to Ontario Works) is followed
    clients_per_provider: int = 10_000  # at least 2 general providers per catchment, plus the French one
    clients_per_practitioner: int = 250

    # --- population -------------------------------------------------------------------------------
    program_shares: dict = _d(ontario_works=0.26, odsp=0.06, ei=0.20, none=0.48)
    employed_share: dict = _d(ontario_works=0.05, odsp=0.08, ei=0.0, none=0.17)  # career check-ups, part-time
    # age bands 16-24, 25-34, 35-44, 45-54, 55-64, 65-70 by program
    age_bands: tuple = ((16, 25), (25, 35), (35, 45), (45, 55), (55, 65), (65, 71))
    age_band_shares: dict = _d(
        ontario_works=(0.22, 0.29, 0.22, 0.15, 0.11, 0.01),
        odsp=(0.14, 0.22, 0.21, 0.21, 0.20, 0.02),
        ei=(0.12, 0.26, 0.24, 0.19, 0.16, 0.03),
        none=(0.28, 0.25, 0.19, 0.13, 0.125, 0.025),
    )
    gender_shares: tuple = (0.49, 0.49, 0.02)
    education_shares: dict = _d(
        ontario_works=(0.30, 0.38, 0.21, 0.09, 0.02),
        odsp=(0.30, 0.38, 0.22, 0.08, 0.02),
        ei=(0.08, 0.30, 0.37, 0.19, 0.06),
        none=(0.14, 0.33, 0.28, 0.18, 0.07),
        immigrant=(0.08, 0.20, 0.22, 0.33, 0.17),
    )
    newcomer_share_of_immigrants: float = 0.45  # arrived within 5 years
    racialized_if_immigrant: float = 0.80
    race_shares_if_racialized: tuple = (0.0, 0.17, 0.21, 0.29, 0.13, 0.10, 0.05, 0.05, 0.0)
    indigenous_social_assistance_factor: float = 1.8
    disability_share: dict = _d(ontario_works=0.35, odsp=1.0, ei=0.12, none=0.15)
    disability_type_shares: tuple = (0.0, 0.32, 0.46, 0.12, 0.10)
    lgbtq_share: float = 0.07
    criminal_record_share: dict = _d(ontario_works=0.14, odsp=0.10, ei=0.04, none=0.05)
    housing_unstable_share: dict = _d(ontario_works=0.22, odsp=0.12, ei=0.03, none=0.04)
    language_barrier_share: dict = _d(newcomer=0.35, earlier_immigrant=0.08)
    dependants_shares: tuple = (0.58, 0.20, 0.14, 0.08)  # 0, 1, 2, 3+
    # months out of work: log-normal with these medians (unemployed clients), 55+ multiplied
    months_out_median: dict = _d(ontario_works=14.0, odsp=30.0, ei=2.0, none=6.0)
    months_out_sigma: float = 0.9
    months_out_factor_55_plus: float = 1.8
    prior_ow_spells_mean: dict = _d(ontario_works=0.9, odsp=0.5, ei=0.05, none=0.15)
    never_worked_share: dict = _d(under_20=0.45, age_20_24=0.15, older=0.04)
    # TEER (0..5) of the prior occupation by education
    teer_shares_by_education: tuple = (
        (0.01, 0.00, 0.03, 0.14, 0.37, 0.45),
        (0.02, 0.02, 0.14, 0.22, 0.38, 0.22),
        (0.05, 0.05, 0.42, 0.22, 0.18, 0.08),
        (0.10, 0.40, 0.25, 0.10, 0.10, 0.05),
        (0.14, 0.55, 0.17, 0.06, 0.05, 0.03),
    )
    median_wage_by_teer: tuple = (42.0, 36.0, 27.0, 23.0, 19.5, 18.2)  # $/hour, approximate Ontario 2024
    wage_sigma: float = 0.20
    unobserved_sd: float = 0.5  # sd of the unobserved part of employability (logit scale)

    # --- disclosure: "prefer not to answer" (FACTS: 29% at least once; past wage the most, 14.7%) -------
    prefer_not_rates: dict = _d(
        gender=0.012,
        lgbtq=0.065,
        indigenous=0.020,
        francophone=0.008,
        race=0.040,
        disability=0.055,
        criminal_record=0.075,
        immigration=0.020,
        dependants=0.020,
        education=0.010,
        past_wage=0.158,
        current_wage=0.090,
        goal_wage=0.055,
    )
    prefer_not_correlation: float = 0.45  # one latent reticence drives all items (Gaussian copula)
    # true "yes" answered "no" (under-reporting): young men hide mental-health needs most
    underreport_mental_health_young_men: float = 0.45
    underreport_mental_health_others: float = 0.15
    underreport_other_disability: float = 0.05
    underreport_criminal_record: float = 0.20

    # --- employment hazard (logit of the monthly probability of starting a job) -----------------------
    hazard_intercept: float = -2.10
    hazard: dict = _d(
        ontario_works=-0.10,
        odsp=-0.35,
        ei=0.25,
        employed=-0.55,
        age_16_24=-0.10,
        age_45_54=-0.15,
        age_55_64=-1.05,
        age_65_plus=-1.20,
        less_than_high_school=-0.35,
        high_school=-0.10,
        bachelor=0.10,
        graduate=0.10,
        log_months_out=-0.20,
        disability=-0.35,
        newcomer=-0.25,
        language_barrier=-0.25,
        racialized=-0.10,
        indigenous=-0.15,
        criminal_record=-0.30,
        housing_unstable=-0.30,
        prior_ow_spell=-0.10,
        never_worked=-0.20,
        outlook_shortage=0.15,
        outlook_surplus=-0.15,
    )
    duration_slope: float = -0.02  # per month since intake
    labour_market_slope: float = -0.08  # per point of unemployment above 6.5%
    employability_center: float = -0.964  # fixed constants that standardise employability
    employability_scale: float = 0.814

    # --- referral and intake --------------------------------------------------------------------
    intake_rate: dict = _d(ontario_works=0.70, odsp=0.76, ei=0.91, none=0.93)
    intake_lag_days_mean: dict = _d(ontario_works=24.0, odsp=28.0, ei=7.0, none=6.0)

    # --- network: providers and practitioners ---------------------------------------------------
    provider_effect_sd: float = 0.20
    provider_tilt_sd: float = 0.50  # creaming: providers differ in the clients they attract
    practitioner_effect_sd: float = 0.10
    ccdp_share: float = 0.45
    ccdp_effect: float = 0.05
    french_provider_preference: float = 8.0

    # --- action-plan interventions: selection on observables (logit of being in the plan) ----------
    propensity: dict = _d(
        job_search={
            "intercept": 1.9,
            "stream_b": -0.2,
            "stream_c": -0.8,
            "employed": -1.8,
            "long_term_unemployed": -0.5,
            "ei": 0.5,
            "provider_sd": 0.3,
        },
        career_counselling={
            "intercept": -0.8,
            "employed": 1.8,
            "youth": 0.3,
            "age_55_plus": 0.3,
            "degree": 0.6,
            "stream_c": -0.9,
            "long_term_unemployed": -0.4,
            "provider_sd": 0.4,
        },
        skills_training={
            "intercept": -2.2,
            "long_term_unemployed": 1.0,
            "ei": 0.4,
            "stream_c": 0.6,
            "age_55_plus": -0.5,
            "employed": -0.8,
            "provider_sd": 0.3,
        },
        work_placement={
            "intercept": -2.1,
            "youth": 0.9,
            "stream_c": 0.8,
            "odsp": 0.3,
            "employed": -2.0,
            "provider_sd": 0.3,
        },
        basic_skills={
            "intercept": -2.9,
            "less_than_high_school": 1.5,
            "language_barrier": 1.1,
            "ontario_works": 0.3,
            "stream_c": 0.5,
            "provider_sd": 0.3,
        },
    )
    # effects on the monthly hazard (logit), by group; lock-in while in training
    effects: dict = _d(
        job_search={"base": 0.15, "ei_early": 0.15},
        career_counselling={"base": 0.05, "fit": 0.60, "career_indicators": 0.45},
        skills_training={
            "base": 0.15,
            "long_term_unemployed": 0.40,
            "lock_in": -0.60,
            "months": (3, 6),
            "wage": 0.06,
        },
        work_placement={"base": 0.15, "youth": 0.30},
        basic_skills={"base": 0.05, "less_than_high_school": 0.25, "lock_in": -0.25, "months": (2, 3)},
    )
    plan_months: tuple = (3, 9)
    dropout_monthly: dict = _d(social_assistance=0.05, other=0.025)

    # --- jobs ---------------------------------------------------------------------------------
    same_field_share: float = 0.45
    full_time_intercept: float = 0.85
    full_time: dict = _d(employability=0.45, odsp=-0.7, age_65_plus=-0.8, youth=-0.3)
    below_min_wage_share: float = 0.03  # commission, self-employment: hourly pay below the minimum
    wage_employability: float = 0.06
    evidence_shares: tuple = (0.0, 0.80, 0.15, 0.05)  # of employed clients at a checkpoint
    # monthly separation hazard (logit)
    separation_intercept: float = -2.70
    separation: dict = _d(fit=-0.45, employability=-0.35, part_time=0.35, ontario_works=0.30)
    fit_same_field: float = 0.5
    fit_employability: float = 0.3

    # --- spin cycle: returns to Ontario Works after leaving it for a job ---------------------------
    ow_return_if_job_ends_first_year: float = 0.68
    ow_return_if_job_ends_later: float = 0.225
    ow_return_lag_mean_months: float = 1.5

    # --- segmentation: operational risk of no job within 12 months, cut into streams ---------------
    stream_cutoffs: tuple = (0.437, 0.585)  # risk below the first: A; from the second: C

    # --- career indicators (assessment answers, 1-5) --------------------------------------------
    assessment_loading: float = 0.55
    assessment_noise: float = 0.85
    indicator_change: dict = _d(base=0.10, job_search=0.12, skills_training=0.18, employed=0.20, noise=0.55)

    # --- careers: contract type of the job, career goal, credentials (careers.py; assumptions) ----------
    permanent_intercept: float = 1.1  # logit of P(permanent | a job)
    permanent: dict = _d(
        work_placement=-0.7, youth=-0.4, ontario_works=-0.2, part_time=-0.7, teer_4_5=-0.3, teer_0_2=0.3
    )
    non_permanent_shares: tuple = (0.55, 0.15, 0.30)  # temporary, seasonal, contract
    seasonal_catchments: tuple = ("muskoka-kawarthas", "stratford-bruce", "northeast", "northwest")
    seasonal_factor: float = 2.5  # seasonal work weighs this much more there
    goal_missing_share: float = 0.05  # plans without a coded NOC goal
    goal_keep_intercept: float = -0.3  # logit of P(goal = the prior occupation)
    goal_keep: dict = _d(
        age_45_plus=0.6, prior_surplus=-0.8, prior_shortage=0.5, skills_training=-0.8, same_field_job=2.0
    )
    goal_same_category_share: float = 0.5  # a new goal in the prior occupation's broad category
    goal_is_job_share: float = 0.30  # a job outside the prior occupation was itself the goal
    credential_intercept: float = 1.2  # logit of P(credential | skills training completed)
    credential: dict = _d(less_than_high_school=-0.6, language_barrier=-0.4, long_term_unemployed=-0.2)
    credential_shares: tuple = (0.60, 0.28, 0.12)  # certificate, licence, apprenticeship level
    sites_per_provider: tuple = (1, 4)  # general providers; the French-language provider has 1-2

    def to_dict(self) -> dict:
        out = dataclasses.asdict(self)
        out["referral_start"] = self.referral_start.isoformat()
        return out
