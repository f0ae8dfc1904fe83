import numpy as np

from careerlens.analytics.synth import hazard
from careerlens.analytics.synth.config import (
    BASIC_SKILLS,
    SKILLS_TRAINING,
    WORK_PLACEMENT,
    SimConfig,
)
from careerlens.analytics.synth.numeric import generator

CFG = SimConfig()


def _person(**changes):
    cov = {
        "program": np.array([3]),
        "employed": np.array([False]),
        "age": np.array([40]),
        "education": np.array([2]),
        "months_out": np.array([3]),
        "disability": np.array([0]),
        "newcomer": np.array([False]),
        "language_barrier": np.array([False]),
        "racialized": np.array([False]),
        "indigenous": np.array([False]),
        "criminal_record": np.array([False]),
        "housing_unstable": np.array([False]),
        "prior_ow_spells": np.array([0]),
        "never_worked": np.array([False]),
        "prior_outlook": np.array([3]),
    }
    cov.update({key: np.array([value]) for key, value in changes.items()})
    return hazard.person_logit(cov, CFG)[0]


def test_the_person_logit_uses_the_known_coefficients():
    reference = _person()
    assert np.isclose(_person(program=0) - reference, CFG.hazard["ontario_works"])
    assert np.isclose(_person(age=60) - reference, CFG.hazard["age_55_64"])
    assert np.isclose(_person(disability=2) - reference, CFG.hazard["disability"])
    assert np.isclose(
        _person(months_out=24) - reference, CFG.hazard["log_months_out"] * (np.log(25) - np.log(4))
    )
    assert np.isclose(_person(prior_outlook=5) - reference, CFG.hazard["outlook_shortage"])


def _plan(assigned, people):
    effect, lock, lock_in = hazard.intervention_effects(
        people,
        np.full(len(people["age"]), 4, dtype=np.int8),
        np.full(len(people["age"]), 2, dtype=np.int8),
        CFG,
    )
    return hazard.Plan(assigned, effect, lock, lock_in)


PEOPLE = {
    "program": np.array([3, 3]),
    "months_out": np.array([24, 2]),
    "age": np.array([45, 22]),
    "education": np.array([0, 3]),
}


def test_training_locks_in_then_helps_the_long_term_unemployed_more():
    assigned = np.zeros((2, 5), dtype=bool)
    assigned[:, SKILLS_TRAINING] = True
    plan = _plan(assigned, PEOPLE)
    e = CFG.effects["skills_training"]
    assert np.allclose(plan.in_month(1), e["lock_in"]) and np.allclose(plan.in_month(4), e["lock_in"])
    assert np.allclose(plan.in_month(5), [e["base"] + e["long_term_unemployed"], e["base"]])


def test_effects_differ_by_group_and_add_up():
    assigned = np.zeros((2, 5), dtype=bool)
    assigned[:, [WORK_PLACEMENT, BASIC_SKILLS]] = True
    plan = _plan(assigned, PEOPLE)
    wp, bs = CFG.effects["work_placement"], CFG.effects["basic_skills"]
    assert np.allclose(
        plan.in_month(1), [wp["base"] + bs["lock_in"], wp["base"] + wp["youth"] + bs["lock_in"]]
    )
    assert np.allclose(
        plan.in_month(3),
        [wp["base"] + bs["base"] + bs["less_than_high_school"], wp["base"] + wp["youth"] + bs["base"]],
    )
    assert np.allclose(
        plan.toggled(WORK_PLACEMENT, False).in_month(3),
        [bs["base"] + bs["less_than_high_school"], bs["base"]],
    )


def test_simulated_job_starts_match_the_survival_function():
    n = 200_000
    rng = generator(1, "hazard-test")
    base = rng.normal(-2.0, 0.5, n)
    v = rng.random(n)
    months = hazard.first_job_month(base, _no_plan(n), v, 12, CFG)
    expected = 1.0 - hazard.survival(base, None, 12, CFG)
    assert abs(((months > 0) & (months <= 12)).mean() - expected.mean()) < 0.004
    assert (hazard.survival(base, None, 12, CFG) < hazard.survival(base, None, 6, CFG)).all()


def _no_plan(n):
    people = {
        "program": np.full(n, 3),
        "months_out": np.full(n, 3),
        "age": np.full(n, 40),
        "education": np.full(n, 2),
    }
    return _plan(np.zeros((n, 5), dtype=bool), people)


def test_employability_is_standardised(province):
    e = province.truth["employability"]
    assert abs(e.mean()) < 0.05 and abs(e.std() - 1) < 0.05


def test_higher_labour_market_unemployment_lowers_the_hazard():
    shift = hazard.labour_market(np.arange(15), CFG)
    codes = [
        c.code for c in __import__("careerlens.analytics.synth.config", fromlist=["CATCHMENTS"]).CATCHMENTS
    ]
    assert shift[codes.index("stratford-bruce")] > 0 > shift[codes.index("toronto")]
