"""The people: who comes to employment services in each catchment, with their true characteristics.

What the Common Assessment *records* (with "prefer not to answer" and under-reporting) is made from these
in ``disclosure.py``; the truth stays in the per-client truth table.
"""

from __future__ import annotations

import numpy as np

from . import occupations as occ
from .config import (
    BACHELOR,
    CATCHMENTS,
    EI,
    LTHS,
    ODSP,
    OW,
    PROGRAMS,
    RACES,
    SimConfig,
)
from .numeric import categorical, generator

INDIGENOUS_RACE = RACES.index("indigenous")
MENTAL_HEALTH = 2


def catchment_weights() -> np.ndarray:
    population = np.array([c.population for c in CATCHMENTS], dtype=np.float64)
    return population / population.sum()


def _by_program(program: np.ndarray, values: dict) -> np.ndarray:
    """Per person, the value of a per-program setting."""
    table = np.array([values[name] for name in PROGRAMS], dtype=np.float64)
    return table[program]


def draw(n: int, seed: int, cfg: SimConfig) -> dict[str, np.ndarray]:
    rng = generator(seed, "population")
    people: dict[str, np.ndarray] = {"client_id": np.arange(1, n + 1, dtype=np.int64)}
    catchment = categorical(rng, catchment_weights(), n)
    program = categorical(rng, [cfg.program_shares[name] for name in PROGRAMS], n)
    employed = rng.random(n) < _by_program(program, cfg.employed_share)

    band_table = np.array([cfg.age_band_shares[name] for name in PROGRAMS])
    band = categorical(rng, band_table[program])
    bounds = np.array(cfg.age_bands)
    low, high = bounds[band, 0], bounds[band, 1]
    age = (low + np.floor(rng.random(n) * (high - low))).astype(np.int8)

    gender = categorical(rng, cfg.gender_shares, n)

    share = {
        name: np.array([getattr(c, name) for c in CATCHMENTS])
        for name in ("francophone", "indigenous", "immigrant", "racialized")
    }
    francophone = rng.random(n) < share["francophone"][catchment]
    social_assistance = (program == OW) | (program == ODSP)
    indigenous_p = share["indigenous"][catchment] * np.where(
        social_assistance, cfg.indigenous_social_assistance_factor, 1.0
    )
    indigenous = rng.random(n) < indigenous_p
    immigrant = (rng.random(n) < share["immigrant"][catchment]) & ~indigenous
    newcomer = immigrant & (rng.random(n) < cfg.newcomer_share_of_immigrants)
    longest = np.maximum(age.astype(np.int16) - 1, 6)
    earlier_years = 6 + np.floor(rng.random(n) * np.maximum(np.minimum(longest, 45) - 5, 1))
    years = np.where(newcomer, np.floor(rng.random(n) * 6), earlier_years)
    years_since_arrival = np.where(immigrant, np.minimum(years, np.maximum(age - 1, 0)), -1).astype(np.int8)

    # racialized: P(r | immigrant) fixed; P(r | not) chosen so the catchment's total matches the census share
    a = cfg.racialized_if_immigrant
    m, r = share["immigrant"], share["racialized"]
    otherwise = np.clip((r - a * m) / (1 - m), 0.01, 0.95)
    racialized_p = np.where(immigrant, a, otherwise[catchment])
    racialized = (rng.random(n) < racialized_p) & ~indigenous
    race = np.where(racialized, categorical(rng, cfg.race_shares_if_racialized, n), 0).astype(np.int8)
    race[indigenous] = INDIGENOUS_RACE

    education_table = np.array([cfg.education_shares[name] for name in PROGRAMS])
    education = categorical(rng, education_table[program])
    immigrant_education = categorical(rng, cfg.education_shares["immigrant"], n)
    education = np.where(immigrant, immigrant_education, education).astype(np.int8)
    # the youngest have not finished a degree yet
    education = np.where((age < 22) & (education >= BACHELOR), education - 2, education).astype(np.int8)
    education = np.where((age < 18) & (education > 1), 1, education).astype(np.int8)

    has_disability = rng.random(n) < _by_program(program, cfg.disability_share)
    disability = np.where(has_disability, categorical(rng, cfg.disability_type_shares, n), 0).astype(np.int8)
    disability[has_disability & (disability == 0)] = MENTAL_HEALTH
    lgbtq = rng.random(n) < cfg.lgbtq_share * np.where(age < 30, 1.6, 0.8)
    criminal_record = rng.random(n) < (
        _by_program(program, cfg.criminal_record_share) * np.where(gender == 1, 1.6, 0.45)
    )
    housing_unstable = rng.random(n) < _by_program(program, cfg.housing_unstable_share)
    language_barrier = (newcomer & (rng.random(n) < cfg.language_barrier_share["newcomer"])) | (
        immigrant & ~newcomer & (rng.random(n) < cfg.language_barrier_share["earlier_immigrant"])
    )
    dependants = categorical(rng, cfg.dependants_shares, n)
    dependants = np.where(age < 19, 0, dependants).astype(np.int8)

    median = _by_program(program, cfg.months_out_median) * np.where(
        age >= 55, cfg.months_out_factor_55_plus, 1.0
    )
    months = np.ceil(median * np.exp(cfg.months_out_sigma * rng.standard_normal(n)))
    months = np.minimum(months, np.maximum((age.astype(np.int16) - 16) * 12, 1))
    months_out = np.where(employed, 0, np.clip(months, 1, 240)).astype(np.int16)
    prior_ow_spells = np.minimum(rng.poisson(_by_program(program, cfg.prior_ow_spells_mean)), 6).astype(
        np.int8
    )

    never_p = np.where(
        age < 20,
        cfg.never_worked_share["under_20"],
        np.where(age < 25, cfg.never_worked_share["age_20_24"], cfg.never_worked_share["older"]),
    )
    never_worked = (
        (rng.random(n) < never_p * np.where(program == ODSP, 2.0, 1.0)) & ~employed & (program != EI)
    )
    occupations = occ.load()
    teer = categorical(rng, np.array(cfg.teer_shares_by_education)[education])
    noc = occ.draw_by_teer(rng, occupations, teer)
    prior_noc = np.where(never_worked, -1, noc).astype(np.int16)
    prior_teer = np.where(never_worked, -1, teer).astype(np.int8)
    prior_outlook = np.where(never_worked, 0, occupations.outlook[noc]).astype(np.int8)

    median_wage = np.array(cfg.median_wage_by_teer)[teer]
    wage = (
        median_wage * np.where(social_assistance, 0.92, 1.0) * np.exp(cfg.wage_sigma * rng.standard_normal(n))
    )
    wage = np.round(np.maximum(wage, cfg.min_wage - 1.0), 2)
    past_wage = np.where(never_worked, np.nan, wage).astype(np.float32)
    current_hours = np.where(employed, np.round(np.clip(8 + 20 * rng.random(n), 8, 39)), np.nan).astype(
        np.float32
    )
    current_wage = np.where(employed, wage, np.nan).astype(np.float32)
    goal_wage = np.round(
        np.where(never_worked, np.maximum(cfg.min_wage + 2.0, median_wage * 0.95), wage * 1.12)
        * np.exp(0.08 * rng.standard_normal(n)),
        2,
    ).astype(np.float32)

    barriers = (
        (education == LTHS).astype(np.int8)
        + (disability > 0)
        + housing_unstable
        + criminal_record
        + (months_out >= 12)
        + language_barrier
    )
    youth_high_needs = (age <= 29) & (barriers >= 2)
    women_high_needs = (gender == 0) & (age > 29) & (barriers >= 2)

    people.update(
        catchment=catchment,
        program=program,
        employed=employed,
        age=age,
        gender=gender,
        education=education,
        francophone=francophone,
        indigenous=indigenous,
        immigrant=immigrant,
        newcomer=newcomer,
        years_since_arrival=years_since_arrival,
        racialized=racialized,
        race=race,
        disability=disability,
        lgbtq=lgbtq,
        criminal_record=criminal_record,
        housing_unstable=housing_unstable,
        language_barrier=language_barrier,
        dependants=dependants,
        months_out=months_out,
        prior_ow_spells=prior_ow_spells,
        never_worked=never_worked,
        prior_noc=prior_noc,
        prior_teer=prior_teer,
        prior_outlook=prior_outlook,
        past_wage=past_wage,
        current_hours=current_hours,
        current_wage=current_wage,
        goal_wage=goal_wage,
        youth_high_needs=youth_high_needs,
        women_high_needs=women_high_needs,
        unobserved=(cfg.unobserved_sd * rng.standard_normal(n)).astype(np.float32),
    )
    return people
