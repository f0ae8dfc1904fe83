import numpy as np

from careerlens.analytics.synth import population
from careerlens.analytics.synth.config import CATCHMENT_CODES, EI, ODSP, OW, SimConfig


def test_catchments_follow_population_weights(province):
    shares = np.bincount(province.people["catchment"], minlength=15) / province.n
    assert np.allclose(shares, population.catchment_weights(), atol=0.006)


def test_ages_are_16_to_70_with_a_realistic_share_aged_55_plus(province):
    age = province.people["age"]
    assert age.min() == 16 and age.max() == 70
    assert 0.13 <= (age >= 55).mean() <= 0.17


def test_programs_and_employed_check_ups(province):
    p = province.people
    shares = np.bincount(p["program"], minlength=4) / province.n
    assert np.allclose(shares, [0.26, 0.06, 0.20, 0.48], atol=0.01)
    assert not p["employed"][p["program"] == EI].any()
    assert 0.06 < p["employed"].mean() < 0.12
    assert (p["months_out"][p["employed"]] == 0).all()
    assert (p["months_out"][~p["employed"]] >= 1).all()


def test_social_assistance_clients_have_been_out_of_work_longer(province):
    p = province.people
    out = p["months_out"]
    assert (
        np.median(out[p["program"] == ODSP])
        > np.median(out[p["program"] == OW])
        > np.median(out[p["program"] == EI])
    )
    older = (p["age"] >= 55) & ~p["employed"] & (p["program"] == EI)
    middle = (p["age"] >= 25) & (p["age"] < 55) & ~p["employed"] & (p["program"] == EI)
    assert out[older].mean() > 1.4 * out[middle].mean()


def test_priority_groups_differ_by_catchment(province):
    p = province.people
    index = {code: i for i, code in enumerate(CATCHMENT_CODES)}

    def share(name, code):
        return p[name][p["catchment"] == index[code]].mean()

    assert share("francophone", "northeast") > 5 * share("francophone", "toronto")
    assert share("indigenous", "northwest") > 5 * share("indigenous", "peel")
    assert share("racialized", "peel") > 5 * share("racialized", "northeast")
    assert share("immigrant", "toronto") > 4 * share("immigrant", "stratford-bruce")


def test_newcomers_and_years_since_arrival(province):
    p = province.people
    years = p["years_since_arrival"]
    assert (years[~p["immigrant"]] == -1).all()
    assert (years[p["newcomer"]] <= 5).all() and (years[p["immigrant"] & ~p["newcomer"]] >= 6).all()
    assert (years[p["immigrant"]] < p["age"][p["immigrant"]]).all()
    assert not (p["indigenous"] & p["immigrant"]).any()


def test_disability_and_other_barriers(province):
    p = province.people
    assert (p["disability"][p["program"] == ODSP] > 0).all()
    assert (p["disability"] > 0)[p["program"] == OW].mean() > 2 * (p["disability"] > 0)[
        p["program"] == EI
    ].mean()
    assert p["criminal_record"][p["gender"] == 1].mean() > 2 * p["criminal_record"][p["gender"] == 0].mean()
    assert p["youth_high_needs"].any() and (p["age"][p["youth_high_needs"]] <= 29).all()


def test_prior_occupation_outlook_and_wages(province):
    p = province.people
    never = p["never_worked"]
    assert (p["prior_noc"][never] == -1).all() and (p["prior_noc"][~never] >= 0).all()
    assert np.isnan(p["past_wage"][never]).all()
    assert never[p["age"] < 20].mean() > 5 * never[p["age"] >= 30].mean()
    teer = p["prior_teer"]
    assert np.nanmedian(p["past_wage"][teer == 0]) > np.nanmedian(p["past_wage"][teer == 5])
    degree = p["education"] >= 3
    assert (teer[degree & ~never] <= 1).mean() > (teer[~degree & ~never] <= 1).mean() + 0.3


def test_the_same_seed_gives_the_same_people_and_another_seed_does_not():
    cfg = SimConfig()
    one, two, other = (
        population.draw(2000, 3, cfg),
        population.draw(2000, 3, cfg),
        population.draw(2000, 4, cfg),
    )
    assert all(np.array_equal(one[key], two[key], equal_nan=True) for key in one)
    assert not np.array_equal(one["age"], other["age"])
